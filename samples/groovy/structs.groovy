// Structs: gettimeofday fills a struct timeval through a pointer the script made with createPointer.
struct('timeval', tv_sec: long, tv_usec: long)
def libc = library('libc') {
    gettimeofday returns: int, takes: [Pointer, Pointer]
}
def timeval = ffi.type('timeval')
def pointer = createPointer(paramsType: [timeval], paramsValue: [[tv_sec: 0, tv_usec: 0]])
def result = libc.gettimeofday(unwrapPointer(pointer)[0], null)
def now = restorePointer(retType: [timeval], paramsValue: pointer)[0]
println "gettimeofday() = $result: ${now.tv_sec} s ${now.tv_usec} µs since 1970"
println "that is ${java.time.Instant.ofEpochSecond(now.tv_sec)}"
freePointer(paramsType: [timeval], paramsValue: pointer)
