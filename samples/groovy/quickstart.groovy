// ffi-script in a minute, in Groovy: the ffi-rs call, then the DSL a Groovy author would reach for.
open(library: 'libc', path: '')
def number = load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'])
println "atoi(\"1000\") = $number"

def libc = library('libc') {
    strlen returns: U64, takes: [String]
    getpid returns: int
    sqrt   returns: double, takes: [double]
}
println "strlen(\"héllo 🎉\") = ${libc.strlen('héllo 🎉')} bytes"
println "getpid() = ${libc.getpid()}"
println "sqrt(2) = ${libc.sqrt(2)}"
