// The DSL in @TypeChecked code: @DelegatesTo shows the checker what a library block is, and the DSL's own
// extension leaves the forms the DSL resolves by name to run time, while everything else stays checked.
import groovy.transform.TypeChecked
import org.codehaus.groovy.control.MultipleCompilationErrorsException

// @DelegatesTo alone: LibraryBuilder's methods, and the typed call of a declared function
@TypeChecked
List<Object> declaredByFunction() {
    def libc = library('libc') {
        function 'strlen', returns: long, takes: [String]
        function 'int atoi(const char *s)'
    }
    [libc.call('strlen', 'four'), libc.call('atoi', '42')]
}
assert declaredByFunction() == [4L, 42]

// with the extension: declarations by name, DataType names in the block, functions called as methods
@TypeChecked(extensions = 'org.ffiscript.groovy.DslTypeChecking')
List<Object> declaredByName() {
    def libc = library('libc') {
        strlen returns: U64, takes: [String]
        atoi returns: int, takes: [String]
    }
    [libc.strlen('four'), libc.atoi('42')]
}
assert declaredByName() == [4G, 42]

// the extension hides no other mistake: a wrong assignment and an unknown variable outside a block still fail
def check = { String code ->
    try {
        new GroovyShell(getClass().classLoader).parse(code)
        return 'compiled'
    } catch (MultipleCompilationErrorsException expected) {
        return expected.message
    }
}
assert check('''@groovy.transform.TypeChecked(extensions = 'org.ffiscript.groovy.DslTypeChecking')
                def f() { int n = 'text' }''').contains('Cannot assign value of type java.lang.String to variable of type int')
assert check('''@groovy.transform.TypeChecked(extensions = 'org.ffiscript.groovy.DslTypeChecking')
                def f() { nowhere }''').contains('The variable [nowhere] is undeclared')
println 'typed-dsl: ok'
