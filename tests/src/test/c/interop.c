/* What real C libraries do with pointers: out-parameters of every scalar type, in/out lengths, structs filled
 * in through a pointer, buffers C keeps between calls, and memory to read with decode. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Doubles each of n elements in place: an in/out array (or a single out-parameter with n = 1). */
#define TWICE(name, type) \
    void twice_##name(type *values, int n) { for (int i = 0; i < n; i++) values[i] = (type)(values[i] * 2); }
TWICE(i8, int8_t)
TWICE(u8, uint8_t)
TWICE(i16, int16_t)
TWICE(u16, uint16_t)
TWICE(i32, int32_t)
TWICE(u32, uint32_t)
TWICE(i64, int64_t)
TWICE(u64, uint64_t)
TWICE(float, float)
TWICE(double, double)
void negate_bools(bool *values, int n) { for (int i = 0; i < n; i++) values[i] = !values[i]; }

/* Shaped like zlib's compress2: dest receives src reversed, *destLen its length; -5 when dest is too small. */
int reverse_into(uint8_t *dest, unsigned long *destLen, const uint8_t *src, unsigned long srcLen) {
    if (*destLen < srcLen) return -5;
    for (unsigned long i = 0; i < srcLen; i++) dest[i] = src[srcLen - 1 - i];
    *destLen = srcLen;
    return 0;
}

/* A struct C fills in or changes through a pointer (localtime_r, gettimeofday); NULL is answered with -1. */
typedef struct { int32_t x; int32_t y; } Spot;
int spot_move(Spot *spot, int dx, int dy) {
    if (spot == NULL) return -1;
    spot->x += dx;
    spot->y += dy;
    return 0;
}
int spot_sum(const Spot *spot) { return spot == NULL ? -1 : spot->x + spot->y; }

/* A linked list changed in place, node by node. */
typedef struct Link { int32_t value; struct Link *next; } Link;
void links_increment(Link *link) { for (; link != NULL; link = link->next) link->value++; }

/* A buffer C keeps after the call that gave it, written by later calls (archive_write_open_memory, zlib streams). */
static uint8_t *kept;
static size_t keptSize;
void keep_buffer(uint8_t *buffer, size_t size) { kept = buffer; keptSize = size; }
void fill_kept(uint8_t value) { memset(kept, value, keptSize); }
uint8_t *kept_buffer(void) { return kept; }
/* Reads nothing of the buffer: what a call costs that passes one, whatever its size. */
size_t buffer_size(const uint8_t *buffer, size_t size) { return buffer == NULL ? 0 : size; }

/* Memory to read with decode: text with a NUL inside, and an array of structs. */
const unsigned char *interop_text(void) { return (const unsigned char *)"hello\0world"; }
const Spot *interop_spots(void) {
    static const Spot spots[3] = {{1, 2}, {3, 4}, {5, 6}};
    return spots;
}
