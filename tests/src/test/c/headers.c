/* The functions and globals headers.h declares, except hdr_missing: for the tests of whole headers. */
#include "headers.h"

#include <string.h>

int hdr_counter = 7;
const char *hdr_label = "ffitest";

int hdr_add(int a, int b) { return a + b; }
int hdr_copy(char *restrict out, const char *restrict in, size_t n) { memcpy(out, in, n); return (int)n; }
hdr_long hdr_widen(int value) { return (hdr_long)value << 32; }
int hdr_vsum(int count, va_list args) {
    int sum = 0;
    for (int i = 0; i < count; i++) sum += va_arg(args, int);
    return sum;
}
int hdr_sum(int count, ...) {
    va_list args;
    va_start(args, count);
    int sum = hdr_vsum(count, args);
    va_end(args);
    return sum;
}
int hdr_answer(void) { return 42; } /* the symbol is hdr_answer_v2, as the header's __asm__ label says */
size_t hdr_buffer_size(void) { return sizeof(hdr_buffer); }
int hdr_node_visit(hdr_node *node, int by) { return node->visit(node, by); }
int hdr_counter_value(void) { return hdr_counter; }
long double hdr_wide(long double x) { return x * 2; }
