// What C library APIs typically ask of a caller, with libc and (where installed) zlib:
// an out-length (compress2's destLen), a buffer C writes into, and structs filled in through a pointer.
// Prototypes are pasted from the headers as they are.

declare '''
struct timeval { long tv_sec; long tv_usec; };
struct tm { int tm_sec; int tm_min; int tm_hour; int tm_mday; int tm_mon; int tm_year;
            int tm_wday; int tm_yday; int tm_isdst; long tm_gmtoff; const char *tm_zone; };
'''
def libc = library('libc') {
    function 'int gettimeofday(struct timeval *tv, void *tz)'
    function 'struct tm *gmtime_r(const long *timep, struct tm *result)'
    function 'size_t strftime(char *s, size_t max, const char *format, const struct tm *tm)'
}

// A struct filled in through a pointer: a map is copied in, and C's changes come back into it.
def now = [tv_sec: 0, tv_usec: 0]
assert libc.gettimeofday(now, null) == 0
println "gettimeofday: ${now.tv_sec} s ${now.tv_usec} µs since 1970"

// An out-struct with an in-parameter behind a pointer (a long[] for const time_t *); NULL zone pointers and all.
def tm = [tm_sec: 0, tm_min: 0, tm_hour: 0, tm_mday: 0, tm_mon: 0, tm_year: 0, tm_wday: 0, tm_yday: 0, tm_isdst: 0,
          tm_gmtoff: 0, tm_zone: null]
libc.gmtime_r([-14182940] as long[], tm)
printf('gmtime_r(-14182940): %d-%02d-%02d %02d:%02d:%02d%n', tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
        tm.tm_hour, tm.tm_min, tm.tm_sec)

// A buffer C writes text into: a native buffer passes as its address, and decode reads the text back.
def text = nativeBuffer(64)
def length = libc.strftime(text, 64, '%A %d %B %Y', tm)
println "strftime: ${decode(text, 'char', length)}"
text.close()

// zlib: compress2 reports the compressed length through uLongf *destLen, an in/out parameter.
try {
    open(library: 'zlib', path: 'libz.so.1')
} catch (FfiException missing) {
    println "zlib is not installed, so compress2 is skipped (${missing.message})"
    return
}
def zlib = define(
        compressBound: [library: 'zlib', prototype: 'unsigned long compressBound(unsigned long sourceLen)'],
        compress2: [library: 'zlib', prototype: 'int compress2(unsigned char *dest, unsigned long *destLen, const unsigned char *source, unsigned long sourceLen, int level)'],
        uncompress: [library: 'zlib', prototype: 'int uncompress(unsigned char *dest, unsigned long *destLen, const unsigned char *source, unsigned long sourceLen)'])
byte[] source = ('ffi-script ' * 100).bytes
def compressed = nativeBuffer(zlib.compressBound(source.length))   // C writes into it in place, nothing copied
long[] compressedLength = [compressed.size()]
assert zlib.compress2(compressed, compressedLength, source, source.length, 9) == 0   // Z_OK
println "compress2: ${source.length} bytes -> ${compressedLength[0]} bytes"
byte[] restored = new byte[source.length]
long[] restoredLength = [restored.length]
assert zlib.uncompress(restored, restoredLength, decode(compressed, byte, compressedLength[0]), compressedLength[0]) == 0
println "uncompress: ${restoredLength[0]} bytes, ${restored == source ? 'the same as the source' : 'DIFFERENT'}"
compressed.close()
