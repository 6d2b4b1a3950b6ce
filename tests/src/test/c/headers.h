/*
 * A header written the way system headers are, for the tests of whole headers (CHeadersTest): they run gcc -E on
 * it and declare the result in one call. Each construct below is one the declarations must read, use or skip.
 */
#ifndef FFITEST_HEADERS_H
#define FFITEST_HEADERS_H

#include <stdarg.h>
#include <stddef.h>

#define HDR_API __attribute__((visibility("default")))
#define HDR_NAME_BITS 3

/* Enum values and array lengths as constant expressions. */
enum hdr_flags { HDR_A = 1 << 0, HDR_B = 1 << 1, HDR_AB = HDR_A | HDR_B, HDR_BIG = (int)(~0u >> 1), HDR_SIZED = sizeof(long) * 2 };
enum hdr_level { HDR_LOW = -2, HDR_NEXT, HDR_HIGH = HDR_AB > 2 ? 100 : 200 };

typedef struct hdr_buffer {
    unsigned long bits[(1024 / (8 * sizeof(unsigned long)))];
    char name[1 << HDR_NAME_BITS];
    enum hdr_level level;
} hdr_buffer;

/* A struct whose function-pointer member takes the struct itself. */
struct hdr_node;
typedef struct hdr_node hdr_node;
struct hdr_node {
    int value;
    int (*visit)(struct hdr_node *self, int by);
    hdr_node *next;
};

__extension__ typedef long long hdr_long;

/* Layout attributes are refused by name. */
struct hdr_packed { char c; int i; } __attribute__((__packed__));

/* Globals. */
extern int hdr_counter;
extern const char *hdr_label;

/* Prototypes with the GNU extensions of system headers. */
HDR_API int hdr_add(int a, int b) __attribute__((__nothrow__, __leaf__));
extern int hdr_copy(char *__restrict out, const char *__restrict in, size_t n) __attribute__((__nonnull__(1, 2)));
extern hdr_long hdr_widen(int value);
extern int hdr_sum(int count, ...);
extern int hdr_vsum(int count, va_list args);
extern int hdr_answer(void) __asm__("" "hdr_answer_v2");
extern size_t hdr_buffer_size(void);
extern int hdr_node_visit(hdr_node *node, int by);
extern int hdr_counter_value(void);
extern long double hdr_wide(long double x);
extern int hdr_missing(void);

/* Inline functions: bodies the declarations skip. */
static __inline int hdr_twice(int x) { return x * 2; }
static inline int hdr_thrice(int x) { int y = x; { y += x; } return y + x; }

#endif
