// errno: captured right after the call, with the message strerror gives.
def libc = library('libc') {
    fopen returns: Pointer, takes: [String, String], errno: true
}
def result = libc.fopen('/no/such/file.txt', 'r')
println "fopen(\"/no/such/file.txt\") = ${result.value().isNull() ? 'NULL' : result.value()}, errno ${result.errnoCode()} (${result.errnoMessage()})"
