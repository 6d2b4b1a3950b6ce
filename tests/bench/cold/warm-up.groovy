// The warm-up curve in Groovy: the README operation through load, counted per 250 ms window from the start of the
// loop.  warm-up.groovy LIBRARY SECONDS
def library = args[0]
double seconds = args.length > 1 ? args[1] as double : 8
open(library: 'bench', path: library)
open(library: 'libc', path: '')
def windows = new long[(int) Math.round(seconds * 4)]
long start = System.nanoTime()
while (true) {
    int window = (int) ((System.nanoTime() - start) / 250_000_000L)
    if (window >= windows.length) break
    load(library: 'bench', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2])
    load(library: 'bench', funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: ['foo', 'bar'])
    load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'])
    windows[window]++
}
println '[' + windows.join(',') + ']'
