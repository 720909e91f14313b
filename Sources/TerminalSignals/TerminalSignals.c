// wcwidth is X/Open: Swift's view of the C library leaves it out.
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1

#include "TerminalSignals.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

static struct termios saved_mode;
static volatile sig_atomic_t have_saved_mode = 0;
static volatile sig_atomic_t stop_signal = 0;
static volatile sig_atomic_t suspend_requested = 0;
static volatile sig_atomic_t continued = 0;

// What ncurses and the sketchpad turned on, turned off with plain VT100/xterm sequences (every
// terminal that reports the mouse in SGR takes them): a crash cannot ask terminfo.
static const char reset_sequence[] =
    "\033[?1002l\033[?1006l\033[?1000l\033[?1003l"  // mouse reporting off
    "\033[?2004l"                                    // bracketed paste off
    "\033[?1l\033>"                                  // cursor and keypad keys back to normal
    "\033[0m\033[?25h\033[?1049l";                   // plain text, cursor on, main screen

void lenet5_reset_terminal(void) {
    ssize_t ignored = write(STDOUT_FILENO, reset_sequence, sizeof reset_sequence - 1);
    (void)ignored;
    lenet5_restore_mode();
}

void lenet5_restore_mode(void) {
    if (have_saved_mode) tcsetattr(STDIN_FILENO, TCSANOW, &saved_mode);
}

static void on_ending(int number) { stop_signal = number; }
static void on_suspend(int number) {
    (void)number;
    suspend_requested = 1;
}
static void on_continue(int number) {
    (void)number;
    continued = 1;
}

static void on_crash(int number) {
    lenet5_reset_terminal();
    signal(number, SIG_DFL);
    raise(number);
}

// Signals whose default action ends the process, other than crashes: the main loop gives the
// terminal back with ncurses, then dies of the signal (lenet5_die_of). Real-time signals too.
static const int ending[] = {
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF,
    SIGXCPU, SIGXFSZ,
#ifdef SIGIO
    SIGIO,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
};

// Crashes: the terminal is reset with async-signal-safe calls in the handler, before dying.
static const int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS};

/// Installs `handler` for `number` unless the signal was ignored when the program started (by
/// nohup, or a shell starting a background job): ignored, it cannot end or stop the process.
static void catch_signal(int number, void (*handler)(int), int flags, sigset_t *unblock) {
    struct sigaction old;
    if (sigaction(number, NULL, &old) == 0 && old.sa_handler == SIG_IGN) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    sigaction(number, &action, NULL);
    sigaddset(unblock, number);
}

void lenet5_guard_terminal(void) {
    if (tcgetattr(STDIN_FILENO, &saved_mode) == 0) have_saved_mode = 1;
    sigset_t unblock;
    sigemptyset(&unblock);
    for (unsigned i = 0; i < sizeof ending / sizeof ending[0]; i++)
        catch_signal(ending[i], on_ending, 0, &unblock);
#ifdef SIGRTMIN
    for (int number = SIGRTMIN; number <= SIGRTMAX; number++)
        catch_signal(number, on_ending, 0, &unblock);
#endif
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++)
        catch_signal(crashes[i], on_crash, SA_RESETHAND, &unblock);
    // Installed before ncurses starts, so that ncurses leaves SIGTSTP to us: its own handler
    // knows nothing of the mouse reporting the sketchpad turns on. SIGTTIN and SIGTTOU keep their
    // default (stop): they come only to a background process, which must not touch the terminal.
    catch_signal(SIGTSTP, on_suspend, SA_RESTART, &unblock);
    catch_signal(SIGCONT, on_continue, SA_RESTART, &unblock);
    // A parent may have started us with these blocked (threads of some runtimes block every
    // signal, and children inherit the mask): unblock them, or they would never arrive.
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

int lenet5_stop_signal(void) { return stop_signal; }

int lenet5_take_suspend_request(void) {
    int requested = suspend_requested;
    suspend_requested = 0;
    return requested;
}

int lenet5_take_continued(void) {
    int value = continued;
    continued = 0;
    return value;
}

void lenet5_suspend_self(void) {
    struct sigaction old, stop;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &old);
    sigset_t only, previous;
    sigemptyset(&only);
    sigaddset(&only, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &only, &previous);
    // The process stops here, and goes on from here when continued.
    raise(SIGTSTP);
    sigprocmask(SIG_SETMASK, &previous, NULL);
    sigaction(SIGTSTP, &old, NULL);
    // The continuation was this suspension's own, not news for the main loop.
    continued = 0;
    suspend_requested = 0;
}

int lenet5_in_foreground(void) {
    pid_t group = tcgetpgrp(STDIN_FILENO);
    return group == -1 || group == getpgrp();
}

void lenet5_die_of(int number) {
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(number, &fallback, NULL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, number);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    raise(number);
    // Still here: the default action of this signal does not end the process.
    _exit(128 + number);
}

int lenet5_columns_of(unsigned int character) { return wcwidth((wchar_t)character); }
