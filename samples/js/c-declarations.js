// C declarations: libc's functions declared as C prototypes, struct tm declared as C, a variadic call.
// Run: ./ffi-script samples/js/c-declarations.js
const { define, declare } = require('ffi-rs')

declare(`
  struct tm {
    int tm_sec; int tm_min; int tm_hour; int tm_mday; int tm_mon; int tm_year;
    int tm_wday; int tm_yday; int tm_isdst; long tm_gmtoff; const char *tm_zone;
  };
`)
const libc = define({
  gmtime: 'struct tm *gmtime(const time_t *timer)',
  strftime: 'size_t strftime(char *buffer, size_t size, const char *format, const struct tm *time)',
  snprintf: 'int snprintf(char *buffer, size_t size, const char *format, ...)',
})

// A const time_t * takes a list of one time_t; the struct tm * comes back as an object.
const time = libc.gmtime([[-14182940]])
console.log(`gmtime: year ${1900 + time.tm_year}, day ${time.tm_yday + 1} of the year, ${time.tm_hour}:${time.tm_min} UTC`)

const text = Buffer.alloc(64)
const length = libc.strftime([text, text.length, '%A %d %B %Y, %H:%M', time])
console.log(`strftime: ${text.toString('utf8', 0, length)}`)

// Variadic: after the fixed arguments, a type and a value for each one.
const line = Buffer.alloc(64)
const written = libc.snprintf([line, line.length, '%s: %d small step, %.1f giant leap', 'const char *', 'Armstrong',
  'int', 1, 'double', 1])
console.log(`snprintf: ${line.toString('utf8', 0, written)}`)
