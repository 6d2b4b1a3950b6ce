// runInNewThread: each call runs on its own thread and returns a CompletableFuture.
def libc = library('libc') {
    sleep returns: int, takes: [int], runInNewThread: true
}
def started = System.nanoTime()
def sleeps = (1..3).collect { libc.sleep(1) }
println 'three sleep(1) calls started; the script keeps running meanwhile'
println "all returned ${sleeps*.get()} after ${String.format('%.1f', (System.nanoTime() - started) / 1e9)} s"
