#include "CFetch.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// A few fixed slots: a fetch has one file in flight at a time. A slot's path is complete before
// `used` is set, and `used` is cleared before the path changes, so a handler never reads half a
// path.
enum { SLOTS = 8, PATH_SIZE = 4096 };
static struct {
    volatile sig_atomic_t used;
    char path[PATH_SIZE];
} slots[SLOTS];

static const int handled[] = {SIGINT, SIGTERM, SIGHUP};

// Threads that fetch at once (tests do) must not both take the same free slot: the lock keeps
// them apart. The signal handler takes no lock; it reads only slots marked used, whose paths no
// thread writes.
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;

static void hold_signals(sigset_t *previous) {
    sigset_t held;
    sigemptyset(&held);
    for (unsigned i = 0; i < sizeof handled / sizeof handled[0]; i++) sigaddset(&held, handled[i]);
    pthread_sigmask(SIG_BLOCK, &held, previous);
}

int lenet5_partial_file_create(char *template_path) {
    if (strlen(template_path) >= PATH_SIZE) {
        errno = ENAMETOOLONG;
        return -1;
    }
    sigset_t previous;
    hold_signals(&previous);
    int fd = mkstemp(template_path);
    if (fd >= 0) {
        pthread_mutex_lock(&slots_lock);
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i].used) continue;
            strcpy(slots[i].path, template_path);
            slots[i].used = 1;
            break;
        }
        pthread_mutex_unlock(&slots_lock);
    }
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return fd;
}

int lenet5_partial_file_forget(const char *path) {
    sigset_t previous;
    hold_signals(&previous);
    int found = 0;
    pthread_mutex_lock(&slots_lock);
    for (int i = 0; i < SLOTS && !found; i++) {
        if (slots[i].used && strcmp(slots[i].path, path) == 0) {
            slots[i].used = 0;
            found = 1;
        }
    }
    pthread_mutex_unlock(&slots_lock);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return found;
}

static void remove_and_die(int number) {
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i].used) unlink(slots[i].path);
    }
    signal(number, SIG_DFL);
    raise(number);
}

void lenet5_partial_files_remove_on_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = remove_and_die;
    sigemptyset(&action.sa_mask);
    // One handler at a time: a second signal waits until the first has removed the files.
    for (unsigned i = 0; i < sizeof handled / sizeof handled[0]; i++) {
        sigaddset(&action.sa_mask, handled[i]);
    }
    for (unsigned i = 0; i < sizeof handled / sizeof handled[0]; i++) {
        sigaction(handled[i], &action, NULL);
    }
    // A parent may have started us with these signals blocked (some runtimes' threads block them
    // all, and a child inherits the mask): unblock them, or they would never arrive.
    sigset_t unblock;
    sigemptyset(&unblock);
    for (unsigned i = 0; i < sizeof handled / sizeof handled[0]; i++) sigaddset(&unblock, handled[i]);
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
}
