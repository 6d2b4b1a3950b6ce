// The same short script in Groovy:  load-loop.groovy LIBRARY N
def library = args[0]
int n = args.length > 1 ? args[1] as int : 1
open(library: 'bench', path: library)
open(library: 'libc', path: '')
long total = 0
for (int i = 0; i < n; i++) {
    total += load(library: 'bench', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2])
    total += load(library: 'bench', funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: ['foo', 'bar']).length()
    total += load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'])
}
println total
