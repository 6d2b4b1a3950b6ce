/* Strings: UTF-8 and wchar_t, borrowed and malloc'd. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "probes.h"

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

/* A malloc'd string of n copies of 'x'; the caller owns it; probe_intact() tells whether it is still there. */
char *make_string(int n) {
    probe_reset();
    char *out = malloc((size_t)(n < 8 ? 8 : n + 1));
    memset(out, 'x', (size_t)n);
    out[n] = 0;
    return probe_track(out);
}
