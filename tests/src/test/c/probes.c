/* Probes for freeing: C records the blocks it hands out with their first bytes, and reports how many still
 * hold them. When a block is freed, the allocator writes its free-list link over those bytes, hands the block
 * out again, or returns its pages to the system, so a freed block stops counting. Reading freed memory is
 * deliberate here (this is a test library); pages no longer mapped are checked first and not read. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "probes.h"

static void *blocks[256];
static uint64_t heads[256];
static int count;

void probe_reset(void) { count = 0; }

void *probe_track(void *block) {
    if (count < 256) {
        blocks[count] = block;
        memcpy(&heads[count], block, sizeof(uint64_t));
        count++;
    }
    return block;
}

int probe_tracked(void) { return count; }

static int mapped(const void *address) {
    long page = sysconf(_SC_PAGESIZE);
    unsigned char resident;
    void *start = (void *)((uintptr_t)address & ~(uintptr_t)(page - 1));
    return mincore(start, (size_t)page, &resident) == 0;
}

int probe_intact(void) {
    int intact = 0;
    for (int i = 0; i < count; i++) {
        intact += mapped(blocks[i]) && mapped((char *)blocks[i] + 7) && memcmp(blocks[i], &heads[i], sizeof(uint64_t)) == 0;
    }
    return intact;
}
