/* Callbacks: C calling script functions synchronously, later, and from threads of its own. */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "probes.h"

typedef int32_t (*IntFn)(int32_t);

int32_t apply(IntFn f, int32_t x) { return f(x); }
double apply_double(double (*f)(double), double x) { return f(x); }
float apply_float(float (*f)(float), float x) { return f(x); }
int64_t apply_i64(int64_t (*f)(int64_t), int64_t x) { return f(x); }
bool apply_bool(bool (*f)(bool), bool x) { return f(x); }
char *apply_string(char *(*f)(const char *), const char *s) { return f(s); }
void *apply_pointer(void *(*f)(void *), void *p) { return f(p); }
void *function_address(IntFn f) { return (void *)f; }

int32_t fold(const int32_t *items, int n, int32_t (*f)(int32_t, int32_t), int32_t init) {
    int32_t acc = init;
    for (int i = 0; i < n; i++) acc = f(acc, items[i]);
    return acc;
}

int32_t upcall_loop(IntFn f, int n) {
    int32_t acc = 0;
    for (int i = 0; i < n; i++) acc += f(i);
    return acc;
}

/* Every kind of argument in one callback, with ffi-rs's test values. */
typedef struct { int32_t x; int32_t y; } Pair;
typedef void (*RichFn)(int32_t, const char *, double, bool, int32_t *, char **, Pair *, Pair, float, int64_t);
void call_rich(RichFn f) {
    int32_t ints[] = {101, 202, 303};
    char *strings[] = {"Hello", "world"};
    Pair pointed = {1, 2};
    Pair byValue = {3, 4};
    f(100, "Hello, World!", 100.11, false, ints, strings, &pointed, byValue, 1.5f, 1LL << 40);
}

/* A callback C keeps and calls from a later, unrelated call. */
static IntFn stored;
void register_callback(IntFn f) { stored = f; }
int32_t fire_stored(int32_t x) { return stored ? stored(x) : -1; }

/* Many native threads calling one callback at once. */
typedef struct { IntFn f; int32_t from; int32_t count; int64_t sum; } Job;
static void *run_job(void *arg) {
    Job *job = arg;
    for (int i = 0; i < job->count; i++) job->sum += job->f(job->from + i);
    return NULL;
}
int64_t call_from_threads(IntFn f, int threads, int per_thread) {
    pthread_t ids[64];
    Job jobs[64];
    if (threads > 64) threads = 64;
    for (int t = 0; t < threads; t++) {
        jobs[t] = (Job){f, t * per_thread, per_thread, 0};
        pthread_create(&ids[t], NULL, run_job, &jobs[t]);
    }
    int64_t sum = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        sum += jobs[t].sum;
    }
    return sum;
}

/* A detached thread calling after the call that started it has returned. */
static int32_t detached_result = -1;
typedef struct { IntFn f; int32_t x; int delay_ms; } Later;
static void *run_later(void *arg) {
    Later *later = arg;
    struct timespec pause = {later->delay_ms / 1000, (long)(later->delay_ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
    __atomic_store_n(&detached_result, later->f(later->x), __ATOMIC_SEQ_CST);
    free(later);
    return NULL;
}
void call_later_detached(IntFn f, int32_t x, int delay_ms) {
    Later *later = malloc(sizeof(Later));
    *later = (Later){f, x, delay_ms};
    __atomic_store_n(&detached_result, -1, __ATOMIC_SEQ_CST);
    pthread_t id;
    pthread_create(&id, NULL, run_later, later);
    pthread_detach(id);
}
int32_t detached_result_value(void) { return __atomic_load_n(&detached_result, __ATOMIC_SEQ_CST); }

/* Strings C allocates for the callback and never frees itself: freeCFuncParamsMemory's case.
 * probe_intact() tells how many are left. */
void call_with_fresh_strings(void (*f)(char *), int n, int size) {
    probe_reset();
    for (int i = 0; i < n; i++) {
        char *s = malloc((size_t)(size < 8 ? 8 : size + 1));
        memset(s, 'a' + i % 26, (size_t)size);
        s[size] = 0;
        probe_track(s);
        f(s);
    }
}

/* qsort of pseudo-random ints with a given comparator, or C's own. */
static int32_t sort_buffer[1 << 20];
static int64_t comparisons;
static int compare_ints(const void *a, const void *b) {
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}
static int counting_compare(const void *a, const void *b) {
    comparisons++;
    return compare_ints(a, b);
}
static void fill_random(int n, uint32_t seed) {
    for (int i = 0; i < n; i++) {
        seed = seed * 1664525u + 1013904223u;
        sort_buffer[i] = (int32_t)(seed >> 1);
    }
}
/* Returns 1 when the result is sorted. */
int sort_random(int n, uint32_t seed, int (*cmp)(const void *, const void *)) {
    fill_random(n, seed);
    qsort(sort_buffer, (size_t)n, sizeof(int32_t), cmp ? cmp : compare_ints);
    for (int i = 1; i < n; i++) {
        if (sort_buffer[i - 1] > sort_buffer[i]) return 0;
    }
    return 1;
}
int64_t count_comparisons(int n, uint32_t seed) {
    comparisons = 0;
    sort_random(n, seed, counting_compare);
    return comparisons;
}
