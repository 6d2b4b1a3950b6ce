/* Strings: UTF-8 and wchar_t, borrowed and malloc'd, and a heap counter to observe freeResultMemory. */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

char *concatenateStrings(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    char *out = malloc(la + lb + 1);
    memcpy(out, a, la);
    memcpy(out + la, b, lb + 1);
    return out;
}

size_t string_length(const char *s) { return strlen(s); }
const char *echo_string(const char *s) { return s; }
const char *null_string(void) { return NULL; }

size_t wide_length(const wchar_t *s) { return wcslen(s); }
const wchar_t *echo_wide(const wchar_t *s) { return s; }
const wchar_t *null_wide(void) { return NULL; }

wchar_t *wide_concat(const wchar_t *a, const wchar_t *b) {
    size_t la = wcslen(a), lb = wcslen(b);
    wchar_t *out = malloc((la + lb + 1) * sizeof(wchar_t));
    wmemcpy(out, a, la);
    wmemcpy(out + la, b, lb + 1);
    return out;
}

/* A malloc'd string of n copies of 'x'; the caller owns it. */
static char *last_made;
static int last_made_length;
char *make_string(int n) {
    char *out = malloc((size_t)n + 1);
    memset(out, 'x', (size_t)n);
    out[n] = 0;
    last_made = out;
    last_made_length = n;
    return out;
}

/* 1 while the last string make_string returned still holds its bytes. Once freed, the allocator writes its
 * own bookkeeping over the start of a small block, so this reads 0: a deliberate probe of freed memory. */
int last_made_string_intact(void) {
    for (int i = 0; i < last_made_length; i++) {
        if (last_made[i] != 'x') return 0;
    }
    return last_made[last_made_length] == 0;
}

/* Bytes the C heap has handed out, mmapped chunks included, across all arenas. */
size_t heap_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}
