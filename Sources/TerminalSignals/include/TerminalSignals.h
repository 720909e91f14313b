#ifndef LENET5_TERMINAL_SIGNALS_H
#define LENET5_TERMINAL_SIGNALS_H

/// Remembers the terminal's mode (before ncurses changes it) and installs signal handlers, for
/// every signal that can end or stop the process, except those ignored at start-up:
/// - a signal whose default is to end the process (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1,
///   SIGUSR2, SIGPIPE, SIGALRM, real-time signals, ...) is recorded for the main loop, which
///   gives the terminal back and then dies of it (`lenet5_die_of`);
/// - a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS) restores the terminal
///   with async-signal-safe calls before the process dies, so that it is never left garbled;
/// - SIGTSTP is recorded for the main loop, which gives the terminal back and then stops
///   (`lenet5_suspend_self`); SIGCONT is recorded, for the loop to take the terminal again.
void lenet5_guard_terminal(void);

/// The ending signal received since `lenet5_guard_terminal`, or 0.
int lenet5_stop_signal(void);

/// 1 if SIGTSTP came since the last call, else 0.
int lenet5_take_suspend_request(void);

/// 1 if SIGCONT came since the last call (other than after `lenet5_suspend_self`), else 0.
int lenet5_take_continued(void);

/// Stops the process as SIGTSTP by default would; returns when it is continued.
void lenet5_suspend_self(void);

/// Whether the process is in the terminal's foreground process group (or there is no terminal).
int lenet5_in_foreground(void);

/// Dies of signal `number`, as its default action does, after the terminal was given back.
void lenet5_die_of(int number) __attribute__((noreturn));

/// Turns off mouse reporting, bracketed paste and keypad-transmit mode, leaves the alternate
/// screen, shows the cursor and restores the remembered mode. Async-signal-safe; harmless to call
/// more than once.
void lenet5_reset_terminal(void);

/// The columns the locale gives `character` (wcwidth): 1 for most, 2 for wide ones, 0 for
/// combining ones, -1 for what the locale cannot show (a block character under LANG=C).
int lenet5_columns_of(unsigned int character);

/// Restores the remembered mode alone, writing nothing to the terminal.
void lenet5_restore_mode(void);

#endif
