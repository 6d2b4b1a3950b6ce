// Closures called by C from its own threads: eight at once, and a detached thread after the call returned.
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

def test = library('libsum', path: System.getenv('FFI_TESTLIB')) {
    call_from_threads returns: long, takes: [callback(returns: int, takes: [int]), int, int]
    call_later_detached returns: void, takes: [callback(returns: int, takes: [int]), int, int]
    detached_result_value returns: int
    upcall_loop returns: int, takes: [callback(returns: int, takes: [int]), int]
}

def threads = ConcurrentHashMap.newKeySet()
assert test.call_from_threads({ int x -> threads << Thread.currentThread(); x % 1000 }, 8, 5000) == (0..<40000).sum { it % 1000 }
assert threads.size() == 8

def called = new CountDownLatch(1)
test.call_later_detached({ int x -> called.countDown(); x * 3 }, 14, 50)
assert called.await(10, TimeUnit.SECONDS)
def deadline = System.currentTimeMillis() + 5000
while (test.detached_result_value() != 42 && System.currentTimeMillis() < deadline) {
    Thread.sleep(10)
}
assert test.detached_result_value() == 42

try {
    test.upcall_loop({ int x -> throw new IllegalStateException("closure failed at $x") }, 2)
    assert false
} catch (FfiException expected) {
    assert expected.message == 'libsum.upcall_loop: a callback failed: java.lang.IllegalStateException: closure failed at 0'
}
println 'threads: ok'
