/* See probes.c. Blocks passed to probe_track must be at least 8 bytes long (malloc's smallest block is 24). */
void probe_reset(void);
void *probe_track(void *block);
