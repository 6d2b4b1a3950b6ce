/* Structs: layouts reported by offsetof/sizeof, a struct with every field kind, by-value structs, inline
 * arrays of structs, and linked lists (including a cycle). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "probes.h"

/* Padding on every side: checked field by field against the engine's layout. */
typedef struct {
    char a;
    double b;
    char c;
    int16_t d;
    int64_t e;
    float f;
    uint8_t g[3];
    int32_t h;
    struct { char x; int64_t y; } inner;
    bool i;
} Mixed;

static const size_t MIXED_OFFSETS[] = {offsetof(Mixed, a), offsetof(Mixed, b), offsetof(Mixed, c), offsetof(Mixed, d),
    offsetof(Mixed, e), offsetof(Mixed, f), offsetof(Mixed, g), offsetof(Mixed, h), offsetof(Mixed, inner),
    offsetof(Mixed, i)};
size_t mixed_offset(int field) { return MIXED_OFFSETS[field]; }
size_t mixed_size(void) { return sizeof(Mixed); }

typedef struct { int32_t age; } Stack;

typedef struct Person {
    int32_t age;
    double *doubleArray;     /* 3 */
    struct Person *parent;
    double doubleProps;
    const char *name;
    char **stringArray;      /* 2 */
    int32_t *i32Array;       /* 4 */
    uint8_t staticBytes[16];
    bool boolTrue;
    bool boolFalse;
    int64_t longVal;
    Stack stackStruct;
    char byte;
    uint8_t *byteArray;      /* 2 */
    int16_t shortVal;
    uint32_t u32Val;
    uint64_t u64Val;
    float floatVal;
    const wchar_t *wide;
    void *opaque;
} Person;

static const size_t PERSON_OFFSETS[] = {offsetof(Person, age), offsetof(Person, doubleArray), offsetof(Person, parent),
    offsetof(Person, doubleProps), offsetof(Person, name), offsetof(Person, stringArray), offsetof(Person, i32Array),
    offsetof(Person, staticBytes), offsetof(Person, boolTrue), offsetof(Person, boolFalse), offsetof(Person, longVal),
    offsetof(Person, stackStruct), offsetof(Person, byte), offsetof(Person, byteArray), offsetof(Person, shortVal),
    offsetof(Person, u32Val), offsetof(Person, u64Val), offsetof(Person, floatVal), offsetof(Person, wide),
    offsetof(Person, opaque)};
size_t person_offset(int field) { return PERSON_OFFSETS[field]; }
size_t person_size(void) { return sizeof(Person); }

Person *getStruct(Person *person) { return person; }
Person *null_person(void) { return NULL; }

static void *copy_of(const void *data, size_t size) {
    void *out = malloc(size < 8 ? 8 : size);
    memcpy(out, data, size);
    return out;
}

static Person *new_person(int age, const char *name, const char *second, Person *parent) {
    Person *p = calloc(1, sizeof(Person));
    double doubles[] = {1.5 * age, 2.5, 3.5};
    int32_t ints[] = {age, age + 1, age + 2, age + 3};
    uint8_t bytes[] = {(uint8_t)age, 200};
    p->age = age;
    p->doubleArray = copy_of(doubles, sizeof doubles);
    p->parent = parent;
    p->doubleProps = age / 4.0;
    p->name = strdup(name);
    p->stringArray = malloc(2 * sizeof(char *));
    p->stringArray[0] = strdup(name);
    p->stringArray[1] = strdup(second);
    p->i32Array = copy_of(ints, sizeof ints);
    memset(p->staticBytes, age, sizeof p->staticBytes);
    p->boolTrue = true;
    p->boolFalse = false;
    p->longVal = 4294967296LL * age;
    p->stackStruct.age = age / 2;
    p->byte = 'A';
    p->byteArray = copy_of(bytes, sizeof bytes);
    p->shortVal = (int16_t)-age;
    p->u32Val = 4000000000u;
    p->u64Val = 18000000000000000000ull;
    p->floatVal = 0.25f;
    p->wide = wcsdup(L"w\U0001F600");
    p->opaque = NULL;
    probe_track(p);
    probe_track(p->doubleArray);
    probe_track((void *)p->name);
    probe_track(p->stringArray);
    probe_track(p->stringArray[0]);
    probe_track(p->stringArray[1]);
    probe_track(p->i32Array);
    probe_track(p->byteArray);
    probe_track((void *)p->wide);
    return p;
}

/* A person with a parent, everything malloc'd (as C libraries hand out); probe_intact() tells what is left. */
Person *createPerson(void) {
    probe_reset();
    return new_person(23, "tom", "jr", new_person(43, "tom father", "sr", NULL));
}

/* A checksum over everything C can read from a person and its parents, to prove what we wrote. */
double person_checksum(const Person *p) {
    double sum = 0;
    for (; p != NULL; p = p->parent) {
        sum += p->age + p->doubleProps + p->longVal + p->stackStruct.age + p->byte + p->shortVal + p->u32Val
               + (double)p->u64Val + p->floatVal + (p->boolTrue ? 1 : 0) + (p->boolFalse ? 1 : 0);
        for (int i = 0; i < 3; i++) sum += p->doubleArray[i];
        for (int i = 0; i < 4; i++) sum += p->i32Array[i];
        for (int i = 0; i < 16; i++) sum += p->staticBytes[i];
        for (int i = 0; i < 2; i++) sum += p->byteArray[i] + strlen(p->stringArray[i]);
        sum += strlen(p->name) + wcslen(p->wide);
    }
    return sum;
}

/* By value. */
typedef struct { int32_t x; int32_t y; } Point;
typedef struct { double x, y, z; } Vec3;
typedef struct { uint8_t r, g, b; float alpha; } Color;

Point point_add(Point a, Point b) { return (Point){a.x + b.x, a.y + b.y}; }
int64_t point_cross(Point a, Point b) { return (int64_t)a.x * b.y - (int64_t)a.y * b.x; }
Vec3 vec3_scale(Vec3 v, double k) { return (Vec3){v.x * k, v.y * k, v.z * k}; }
Color color_invert(Color c) { return (Color){(uint8_t)(255 - c.r), (uint8_t)(255 - c.g), (uint8_t)(255 - c.b), 1.0f - c.alpha}; }
Point *make_point(int x, int y) {
    Point *p = malloc(sizeof(Point));
    p->x = x;
    p->y = y;
    return p;
}

/* An inline array of three by-value structs. */
typedef struct { int16_t x, y, dir; uint8_t kind; } Minutia;
typedef struct { int16_t count; Minutia items[3]; } MinutiaSet;

MinutiaSet *echo_minutiae(MinutiaSet *set) { return set; }
int minutiae_checksum(const MinutiaSet *set) {
    int sum = set->count * 1000;
    for (int i = 0; i < 3; i++) sum += set->items[i].x + set->items[i].y * 2 + set->items[i].dir * 3 + set->items[i].kind * 4;
    return sum;
}
MinutiaSet make_minutiae(int base) {
    MinutiaSet set = {3, {{0}}};
    for (int i = 0; i < 3; i++) {
        set.items[i] = (Minutia){(int16_t)(base + i), (int16_t)(base * 2 + i), (int16_t)-i, (uint8_t)(i + 1)};
    }
    return set;
}

/* A fixed inline byte array. */
typedef struct { uint8_t code[8]; int32_t n; } Coded;
int coded_sum(Coded c) {
    int sum = c.n;
    for (int i = 0; i < 8; i++) sum += c.code[i];
    return sum;
}

/* Recursive structs. */
typedef struct Node { int32_t value; struct Node *next; } Node;
Node *make_list(int n) {
    Node *head = NULL;
    for (int i = n; i >= 1; i--) {
        Node *node = malloc(sizeof(Node));
        node->value = i;
        node->next = head;
        head = node;
    }
    return head;
}
int list_sum(const Node *node) {
    int sum = 0;
    for (; node != NULL; node = node->next) sum += node->value;
    return sum;
}
Node *make_cycle(void) {
    static Node a, b;
    a = (Node){1, &b};
    b = (Node){2, &a};
    return &a;
}
