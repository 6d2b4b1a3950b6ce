/* Pointers: reading through what the engine's pointer tools hand out. */
#include <stdint.h>
#include <stdlib.h>

char *getStringFromPtr(void *ptr) { return (char *)ptr; }
int32_t read_int(const int32_t *p) { return *p; }
void write_int(int32_t *p, int32_t value) { *p = value; }
double read_double(const double *p) { return *p; }

typedef struct { int32_t x; int32_t y; } XY;
int32_t xy_sum(const XY *p) { return p->x + p->y; }

int32_t *malloc_ints(int n) {
    int32_t *out = malloc(sizeof(int32_t) * (size_t)n);
    for (int i = 0; i < n; i++) out[i] = i * 10;
    return out;
}
