// The Groovy training run: the build runs it once with -XX:AOTCacheOutput, and the JDK keeps the classes it loaded
// and the methods' profiles for every later ./ffi-script run. It does what scripts do, with libc only: load, the
// library DSL, strings, buffers, structs, callbacks, C declarations, runInNewThread.
int rounds = args[0] as int
open(library: 'libc', path: '')

long total = 0
for (int i = 0; i < rounds; i++) {
    total += load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'])
    total += load(library: 'libc', funcName: 'abs', retType: DataType.I32, paramsType: [DataType.I32], paramsValue: [-i])
    total += load(library: 'libc', funcName: 'sqrt', retType: DataType.Double, paramsType: [DataType.Double], paramsValue: [4d])
    total += load(library: 'libc', funcName: 'getpriority', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [0, 0])
    total += load(library: 'libc', funcName: 'strstr', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: ['foobar', 'bar']).length()
}
def atoi = { text -> load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: [text]) }
def libc = library('libc') {
    strlen returns: U64, takes: [String]
    memset returns: Pointer, takes: [byte[], int, long]
    qsort  returns: void, takes: [Pointer, long, long, callback(returns: int, takes: [array(int[], 1), array(int[], 1)])]
    gettimeofday returns: int, takes: [Pointer, Pointer]
}
def buffer = new byte[16]
for (int i = 0; i < rounds; i++) {
    total += atoi('1') + libc.strlen('héllo')
    libc.memset(buffer, 42, 4)
}
assert new String(buffer, 0, 4) == '****'

struct('timeval', tv_sec: long, tv_usec: long)
def timeval = ffi.type('timeval')
def pointer = createPointer(paramsType: [timeval], paramsValue: [[tv_sec: 0, tv_usec: 0]])
libc.gettimeofday(unwrapPointer(pointer)[0], null)
assert restorePointer(retType: [timeval], paramsValue: pointer)[0].tv_sec > 0
freePointer(paramsType: [timeval], paramsValue: pointer)

def numbers = [42, -7, 19, 3, 0, 88, -23]
def data = createPointer(paramsType: [DataType.I32Array], paramsValue: [numbers])
libc.qsort(unwrapPointer(data)[0], numbers.size(), 4, { a, b -> a[0] <=> b[0] })
assert restorePointer(retType: [array(int[], numbers.size())], paramsValue: data)[0] == [-23, -7, 0, 3, 19, 42, 88]

declare 'struct tm { int tm_sec; int tm_min; int tm_hour; int tm_mday; int tm_mon; int tm_year; int tm_wday; int tm_yday; int tm_isdst; long tm_gmtoff; const char *tm_zone; };'
def declared = library('libc') {
    function 'struct tm *gmtime(const time_t *timer)'
    function 'int snprintf(char *buffer, size_t size, const char *format, ...)'
}
assert declared.gmtime([0L] as long[]).tm_year == 70
def line = new byte[32]
int written = declared.snprintf(line, line.length, '%s %d', 'const char *', 'step', 'int', 1)
assert new String(line, 0, written) == 'step 1'

def later = load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['7'], runInNewThread: true)
assert later.get() == 7
println "training done: $total"
