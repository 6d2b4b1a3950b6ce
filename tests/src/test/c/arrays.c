/* Arrays and buffers: copies C hands back, sums C computes over ours, buffers C writes into. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "probes.h"

#define COPY_OF(type, name)                                  \
    type *name(const type *items, int n) {                   \
        type *out = malloc(sizeof(type) * (size_t)(n ? n : 1)); \
        memcpy(out, items, sizeof(type) * (size_t)n);        \
        return out;                                          \
    }

COPY_OF(int32_t, createArrayi32)
COPY_OF(double, createArrayDouble)
COPY_OF(float, createArrayFloat)
COPY_OF(int16_t, createArrayI16)
COPY_OF(uint8_t, createArrayU8)

/* Copies of the strings, in a malloc'd array; probe_intact() tells what is left of them. */
char **createArrayString(char **items, int n) {
    probe_reset();
    char **out = malloc(sizeof(char *) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) {
        size_t length = strlen(items[i]) + 1;
        out[i] = malloc(length < 8 ? 8 : length);
        memcpy(out[i], items[i], length);
        probe_track(out[i]);
    }
    probe_track(out);
    return out;
}

#define SUM_OF(type, total_type, name)                 \
    total_type name(const type *items, int n) {          \
        total_type total = 0;                            \
        for (int i = 0; i < n; i++) total += items[i];   \
        return total;                                    \
    }

SUM_OF(int32_t, int64_t, sum_i32_array)
SUM_OF(double, double, sum_double_array)
SUM_OF(float, double, sum_float_array)
SUM_OF(int16_t, int, sum_i16_array)

int total_string_length(char **items, int n) {
    int total = 0;
    for (int i = 0; i < n; i++) total += (int)strlen(items[i]);
    return total;
}

/* Writes value into every byte and returns the sum of what was there before. */
int fill_bytes(uint8_t *buffer, int n, int value) {
    int before = 0;
    for (int i = 0; i < n; i++) {
        before += buffer[i];
        buffer[i] = (uint8_t)value;
    }
    return before;
}

/* ffi-rs's in-place example: writes a greeting into the caller's buffer. */
int modifyData(char *buffer) {
    const char *text = "hello from C";
    memcpy(buffer, text, strlen(text) + 1);
    return (int)strlen(text);
}

int32_t *null_ints(void) { return NULL; }
