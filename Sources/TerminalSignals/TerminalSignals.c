#include "TerminalSignals.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_mode;
static volatile sig_atomic_t have_saved_mode = 0;
static volatile sig_atomic_t stop_signal = 0;

// What ncurses and the sketchpad turned on, turned off with plain VT100/xterm sequences (every
// terminal that reports the mouse in SGR takes them): a crash cannot ask terminfo.
static const char reset_sequence[] =
    "\033[?1002l\033[?1006l\033[?1000l\033[?1003l"  // mouse reporting off
    "\033[?1l\033>"                                  // cursor and keypad keys back to normal
    "\033[0m\033[?25h\033[?1049l";                   // plain text, cursor on, main screen

void lenet5_reset_terminal(void) {
    ssize_t ignored = write(STDOUT_FILENO, reset_sequence, sizeof reset_sequence - 1);
    (void)ignored;
    if (have_saved_mode) tcsetattr(STDIN_FILENO, TCSANOW, &saved_mode);
}

static void on_stop(int number) { stop_signal = number; }

static void on_crash(int number) {
    lenet5_reset_terminal();
    signal(number, SIG_DFL);
    raise(number);
}

void lenet5_guard_terminal(void) {
    if (tcgetattr(STDIN_FILENO, &saved_mode) == 0) have_saved_mode = 1;
    struct sigaction stop;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = on_stop;
    sigemptyset(&stop.sa_mask);
    int stops[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    // A parent may have started us with these blocked (threads of some runtimes block every
    // signal, and children inherit the mask): unblock them, or they would never arrive.
    sigset_t unblock;
    sigemptyset(&unblock);
    for (unsigned i = 0; i < sizeof stops / sizeof stops[0]; i++) {
        sigaction(stops[i], &stop, NULL);
        sigaddset(&unblock, stops[i]);
    }
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = on_crash;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_RESETHAND;
    int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &crash, NULL);
}

int lenet5_stop_signal(void) { return stop_signal; }
