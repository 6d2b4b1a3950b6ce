// C declarations: libc's functions declared as C prototypes, struct tm declared as C, a variadic call.
// Run: ./ffi-script samples/groovy/c-declarations.groovy

declare '''
    struct tm {
        int tm_sec; int tm_min; int tm_hour; int tm_mday; int tm_mon; int tm_year;
        int tm_wday; int tm_yday; int tm_isdst; long tm_gmtoff; const char *tm_zone;
    };
'''
def libc = library('libc') {
    function 'struct tm *gmtime(const time_t *timer)'
    function 'size_t strftime(char *buffer, size_t size, const char *format, const struct tm *time)'
    function 'int snprintf(char *buffer, size_t size, const char *format, ...)'
}

// A const time_t * takes an array of one time_t; the struct tm * comes back as a map.
def time = libc.gmtime([-14182940L] as long[])
println "gmtime: year ${1900 + time.tm_year}, day ${time.tm_yday + 1} of the year, ${time.tm_hour}:${time.tm_min} UTC"

def text = new byte[64]
long length = libc.strftime(text, text.length, '%A %d %B %Y, %H:%M', time)
println "strftime: ${new String(text, 0, (int) length, 'UTF-8')}"

// Variadic: after the fixed arguments, a type and a value for each one.
def line = new byte[64]
int written = libc.snprintf(line, line.length, '%s: %d small step, %.1f giant leap', 'const char *', 'Armstrong', 'int', 1, 'double', 1)
println "snprintf: ${new String(line, 0, written, 'UTF-8')}"
