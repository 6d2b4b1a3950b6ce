// byte[] buffers are shared with C: what C writes into them is there after the call.
def libc = library('libc') {
    memset  returns: Pointer, takes: [byte[], int, long]
    memcpy  returns: Pointer, takes: [byte[], byte[], long]
    strncpy returns: Pointer, takes: [byte[], String, long]
    strcmp  returns: int, takes: [String, String]
}
def buffer = new byte[32]
libc.memset(buffer, '*' as char as int, 5)
println "after memset: \"${new String(buffer, 0, 5)}\""
def source = 'copied by memcpy'.bytes
libc.memcpy(buffer, source, source.length)
println "after memcpy: \"${new String(buffer, 0, source.length)}\""
def name = new byte[8]
libc.strncpy(name, 'ffi-script!', 7)
println "after strncpy: \"${new String(name, 0, 7)}\""
println "strcmp(\"abc\", \"abd\") = ${libc.strcmp('abc', 'abd')}"
