#ifndef LENET5_TERMINAL_SIGNALS_H
#define LENET5_TERMINAL_SIGNALS_H

/// Remembers the terminal's mode (before ncurses changes it) and installs signal handlers:
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT only record that they came, for the main loop to end
/// cleanly; a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) restores the terminal with
/// async-signal-safe calls before the process dies, so that it is never left garbled.
void lenet5_guard_terminal(void);

/// The stop signal received since `lenet5_guard_terminal`, or 0.
int lenet5_stop_signal(void);

/// Turns off mouse reporting and keypad-transmit mode, leaves the alternate screen, shows the
/// cursor and restores the remembered mode. Async-signal-safe; harmless to call more than once.
void lenet5_reset_terminal(void);

#endif
