// The only C in Together: a thin layer over wide-character ncurses and POSIX signals.
// Why it exists (verified on Swift 6.3.1 / Debian 12 / ncurses 6.4):
//  - SwiftPM drops -D_XOPEN_SOURCE from pkg-config, hiding the wide functions: define NCURSES_WIDECHAR here.
//  - Attribute macros (A_BOLD...), getmaxyx and KEY_F(n) do not import into Swift.
//  - stdscr/LINES/COLS are shared mutable state that Swift 6 rejects: keep them on this side.
//  - Signal handlers must be async-signal-safe: plain C is the honest place for them.
#ifndef TOGETHER_SHIM_H
#define TOGETHER_SHIM_H

#include <wchar.h>

/// Sets the locale from the environment. Must run before shim_start, or wide text is garbage.
void shim_setlocale(void);

/// Starts curses with newterm on stdin/stdout (never initscr, which exits on a bad TERM).
/// Returns 1 on success, 0 when the terminal cannot be used (the caller falls back to plain mode).
int shim_start(void);
/// Ends curses and leaves the terminal as it was. Safe to call twice.
void shim_stop(void);
int shim_is_running(void);

int shim_rows(void);
int shim_cols(void);

/// Reads one key. Returns 0 on timeout/none, 1 for a character (in *ch, a Unicode scalar; U+FFFD for a byte
/// that is not UTF-8), 2 for a function key (in *ch), 3 for the start (*ch = 1) or end (*ch = 0) of a paste.
int shim_read(int timeout_ms, int *ch);

/// Style bits understood by shim_put.
enum { SHIM_BOLD = 1, SHIM_REVERSE = 2, SHIM_UNDERLINE = 4, SHIM_DIM = 8 };
/// Colour pairs set up by shim_start when the terminal has colour.
int shim_has_colors(void);
void shim_init_pair(short pair, short fg, short bg);

void shim_clear(void);
/// Draws UTF-8 text at row y, column x with style bits and a colour pair (0 = default).
void shim_put(int y, int x, const char *utf8, int style, short pair);
void shim_move(int y, int x);
void shim_cursor(int visible);
void shim_refresh(void);

int shim_key_resize(void);
int shim_key_up(void);
int shim_key_down(void);
int shim_key_left(void);
int shim_key_right(void);
int shim_key_home(void);
int shim_key_end(void);
int shim_key_backspace(void);
int shim_key_dc(void);
int shim_key_npage(void);
int shim_key_ppage(void);
int shim_key_enter(void);
int shim_key_btab(void);
int shim_key_f(int n);

/// The width glibc gives a character (what the terminal will use), or -1.
int shim_wcwidth(wchar_t c);

/// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT that only record the signal, before newterm,
/// so ncurses does not install its own (which exits without saving).
void shim_install_exit_signals(void);
/// The last exit signal received, or 0.
int shim_pending_exit_signal(void);

/// Installs crash handlers (SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT,
/// SIGFPE) that restore the settings saved before curses started, before the crash goes on, so a crash never leaves the terminal raw.
void shim_install_crash_handlers(void);

#endif
