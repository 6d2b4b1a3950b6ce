/* errno and threads: functions that set errno, sleep, and report which thread ran them. */
#include <errno.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int fail_with_errno(int code) {
    errno = code;
    return -1;
}

static void sleep_for(int ms) {
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) == -1 && errno == EINTR) {
    }
}

int sleep_ms(int ms) {
    sleep_for(ms);
    return ms;
}

int sleep_then_fail(int ms, int code) {
    sleep_for(ms);
    errno = code;
    return -1;
}

long current_thread_id(void) { return (long)syscall(SYS_gettid); }
