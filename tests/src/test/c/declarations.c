/* Functions for the tests of C declarations: unions, variadic functions, char arrays, pointers to scalars. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A union, by value, through a pointer and inside a struct. */
typedef union { int32_t i; float f; double d; char text[8]; } Number;
typedef struct { int32_t kind; Number value; } Tagged;

double number_read(Number n, int kind) {
    switch (kind) {
        case 0: return n.i;
        case 1: return n.f;
        case 2: return n.d;
        default: return (double)strlen(n.text);
    }
}
void number_store_int(Number *n, int32_t value) { n->i = value; }
Number number_of_double(double d) { Number n; memset(&n, 0, sizeof n); n.d = d; return n; }
double tagged_read(const Tagged *t) { return number_read(t->value, t->kind); }
size_t number_size(void) { return sizeof(Number); }
size_t tagged_size(void) { return sizeof(Tagged); }

/* Variadic functions: how many arguments, and a format naming each argument's type. */
int sum_ints(int count, ...) {
    va_list args;
    va_start(args, count);
    int sum = 0;
    for (int i = 0; i < count; i++) sum += va_arg(args, int);
    va_end(args);
    return sum;
}

/* i: int, l: int64_t, d: double, s: string (adds its length), p: Point by pointer (adds x + y). */
typedef struct { int32_t x; int32_t y; } DeclaredPoint;
double sum_mixed(const char *types, ...) {
    va_list args;
    va_start(args, types);
    double sum = 0;
    for (const char *t = types; *t; t++) {
        switch (*t) {
            case 'i': sum += va_arg(args, int); break;
            case 'l': sum += (double)va_arg(args, int64_t); break;
            case 'd': sum += va_arg(args, double); break;
            case 's': sum += (double)strlen(va_arg(args, const char *)); break;
            case 'p': { const DeclaredPoint *p = va_arg(args, const DeclaredPoint *); sum += p->x + p->y; break; }
        }
    }
    va_end(args);
    return sum;
}

/* A struct holding text in a char array. */
typedef struct { char name[16]; int32_t id; } Label;
Label make_label(const char *name, int32_t id) {
    Label label;
    memset(&label, 0, sizeof label);
    memcpy(label.name, name, strnlen(name, sizeof label.name));
    label.id = id;
    return label;
}
int label_length(const Label *label) { return (int)strnlen(label->name, sizeof label->name) * 100 + label->id; }

/* Pointers to scalars: results through pointers, and arrays passed as pointers. */
void divide(int32_t a, int32_t b, int32_t *quotient, int32_t *remainder) {
    *quotient = a / b;
    *remainder = a % b;
}
int64_t sum_i64(const int64_t *values, size_t count) {
    int64_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += values[i];
    return sum;
}
size_t total_length(const char **strings, size_t count) {
    size_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += strlen(strings[i]);
    return sum;
}

/* A function-pointer typedef. */
typedef int32_t (*BinaryOp)(int32_t, int32_t);
int32_t fold_with(BinaryOp op, const int32_t *values, size_t count) {
    int32_t acc = values[0];
    for (size_t i = 1; i < count; i++) acc = op(acc, values[i]);
    return acc;
}

/* An array of structs, as C passes it: a pointer to the first. */
int32_t sum_of_products(const DeclaredPoint points[], size_t count) {
    int32_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += points[i].x * points[i].y;
    return sum;
}
