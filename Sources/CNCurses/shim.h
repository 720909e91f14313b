#ifndef LENET5_CNCURSES_SHIM_H
#define LENET5_CNCURSES_SHIM_H

// The wide-character ncursesw API. SwiftPM drops the feature macros pkg-config suggests, so they
// are defined here, before any system header.
#define _XOPEN_SOURCE_EXTENDED 1
#define _DEFAULT_SOURCE 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <stdio.h>
// Debian and Homebrew keep the wide-character header under ncursesw/; macOS's own ncurses has a
// single curses.h, whose wide functions the macros above switch on.
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

// Swift imports neither function-like macros nor ncurses' macro globals; these wrap what the
// terminal layer needs.

static inline WINDOW *lenet5_stdscr(void) { return stdscr; }
static inline FILE *lenet5_stdin(void) { return stdin; }
static inline FILE *lenet5_stdout(void) { return stdout; }

/// Writes an escape sequence straight to the terminal, after what ncurses has buffered.
static inline void lenet5_send(const char *sequence) {
    fflush(stdout);
    fputs(sequence, stdout);
    fflush(stdout);
}
static inline int lenet5_lines(void) { return LINES; }
static inline int lenet5_columns(void) { return COLS; }
static inline int lenet5_colors(void) { return COLORS; }
static inline int lenet5_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t lenet5_attribute_bold(void) { return A_BOLD; }
static inline attr_t lenet5_attribute_reverse(void) { return A_REVERSE; }
static inline attr_t lenet5_attribute_dim(void) { return A_DIM; }
static inline attr_t lenet5_attribute_normal(void) { return A_NORMAL; }

/// Sets the attributes and colour pair for what is written next.
static inline int lenet5_set_attributes(attr_t attributes, short pair) {
    return wattr_set(stdscr, attributes, pair, NULL);
}

/// Writes a wide string at (y, x) with the current attributes.
static inline int lenet5_write(int y, int x, const wchar_t *text) {
    return mvaddwstr(y, x, text);
}

#endif
