#define _XOPEN_SOURCE 700
#define NCURSES_WIDECHAR 1
#include "shim.h"
#include <curses.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static SCREEN *screen = NULL;
static FILE *out_file = NULL;
static FILE *in_file = NULL;
static volatile sig_atomic_t exit_signal = 0;
static struct termios saved_tty;
static int saved_tty_ok = 0;

// Key codes of our own for the start and end of a bracketed paste (ESC [ 200 ~ and ESC [ 201 ~).
#define SHIM_PASTE_START (KEY_MAX + 1)
#define SHIM_PASTE_END (KEY_MAX + 2)

void shim_setlocale(void) { setlocale(LC_ALL, ""); }

int shim_start(void) {
    if (screen) return 1;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return 0;
    // The terminal's own settings, taken before curses changes them: what a crash handler puts back.
    if (tcgetattr(STDIN_FILENO, &saved_tty) == 0) saved_tty_ok = 1;
    out_file = fdopen(dup(STDOUT_FILENO), "w");
    in_file = fdopen(dup(STDIN_FILENO), "r");
    if (!out_file || !in_file) return 0;
    screen = newterm(NULL, out_file, in_file);
    if (!screen) return 0;
    set_term(screen);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    meta(stdscr, TRUE);
    set_escdelay(25);
    // Ctrl-S must not freeze the workshop: flow control off while Together runs (endwin puts it back).
    struct termios t;
    if (tcgetattr(fileno(in_file), &t) == 0) {
        t.c_iflag &= ~(IXON | IXOFF);
        tcsetattr(fileno(in_file), TCSANOW, &t);
        def_prog_mode();
    }
    // A paste arrives as one piece of text, never as keys (terminals that know bracketed paste).
    define_key("\033[200~", SHIM_PASTE_START);
    define_key("\033[201~", SHIM_PASTE_END);
    fputs("\033[?2004h", out_file);
    fflush(out_file);
    if (has_colors()) {
        start_color();
        use_default_colors();
    }
    return 1;
}

void shim_stop(void) {
    if (!screen) return;
    if (out_file) { fputs("\033[?2004l", out_file); fflush(out_file); }
    endwin();
    delscreen(screen);
    screen = NULL;
    if (out_file) { fflush(out_file); fclose(out_file); out_file = NULL; }
    if (in_file) { fclose(in_file); in_file = NULL; }
}

int shim_is_running(void) { return screen != NULL; }
int shim_rows(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
int shim_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }

// Reads one key. Text is decoded from UTF-8 here rather than by ncurses, so that a byte that is not UTF-8
// (a terminal set to Latin-1 typing "naïve") becomes U+FFFD and everything after it is still read.
int shim_read(int timeout_ms, int *ch) {
    wtimeout(stdscr, timeout_ms);
    int c = wgetch(stdscr);
    if (c == ERR) return 0;
    if (c == SHIM_PASTE_START) { *ch = 1; return 3; }
    if (c == SHIM_PASTE_END) { *ch = 0; return 3; }
    if (c >= KEY_MIN) { *ch = c; return 2; }
    if (c < 0x80) { *ch = c; return 1; }
    int need;
    unsigned int cp;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = (unsigned)c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = (unsigned)c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = (unsigned)c & 0x07; }
    else { *ch = 0xFFFD; return 1; }
    wtimeout(stdscr, 50); // the rest of a letter arrives with it
    for (int i = 0; i < need; i++) {
        int d = wgetch(stdscr);
        if (d == ERR) { *ch = 0xFFFD; return 1; }
        if (d < 0x80 || d > 0xBF) { ungetch(d); *ch = 0xFFFD; return 1; }
        cp = (cp << 6) | ((unsigned)d & 0x3F);
    }
    if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
        cp = 0xFFFD;
    }
    *ch = (int)cp;
    return 1;
}

int shim_has_colors(void) { return has_colors(); }
void shim_init_pair(short pair, short fg, short bg) { init_pair(pair, fg, bg); }
void shim_clear(void) { werase(stdscr); }

void shim_put(int y, int x, const char *utf8, int style, short pair) {
    attr_t a = A_NORMAL;
    if (style & SHIM_BOLD) a |= A_BOLD;
    if (style & SHIM_REVERSE) a |= A_REVERSE;
    if (style & SHIM_UNDERLINE) a |= A_UNDERLINE;
    if (style & SHIM_DIM) a |= A_DIM;
    wattr_set(stdscr, a, pair, NULL);
    mvwaddstr(stdscr, y, x, utf8);
    wattr_set(stdscr, A_NORMAL, 0, NULL);
}

void shim_move(int y, int x) { wmove(stdscr, y, x); }
void shim_cursor(int visible) { curs_set(visible ? 1 : 0); }
void shim_refresh(void) { wrefresh(stdscr); }

int shim_key_resize(void) { return KEY_RESIZE; }
int shim_key_up(void) { return KEY_UP; }
int shim_key_down(void) { return KEY_DOWN; }
int shim_key_left(void) { return KEY_LEFT; }
int shim_key_right(void) { return KEY_RIGHT; }
int shim_key_home(void) { return KEY_HOME; }
int shim_key_end(void) { return KEY_END; }
int shim_key_backspace(void) { return KEY_BACKSPACE; }
int shim_key_dc(void) { return KEY_DC; }
int shim_key_npage(void) { return KEY_NPAGE; }
int shim_key_ppage(void) { return KEY_PPAGE; }
int shim_key_enter(void) { return KEY_ENTER; }
int shim_key_btab(void) { return KEY_BTAB; }
int shim_key_f(int n) { return KEY_F(n); }

int shim_wcwidth(wchar_t c) { return wcwidth(c); }

static void record_exit_signal(int sig) { exit_signal = sig; }

void shim_install_exit_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = record_exit_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: a blocked read returns so the loop can save and leave
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL); // Ctrl-backslash saves and leaves, like Ctrl-C
    // A parent may have started us with these blocked; a workshop must always be able to save and stop.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGQUIT);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

int shim_pending_exit_signal(void) { return exit_signal; }

static const int crash_signals[] = { SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE };
#define CRASH_COUNT (int)(sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction old_actions[CRASH_COUNT];

static void restore_on_crash(int sig) {
    // Only async-signal-safe calls here.
    if (saved_tty_ok) tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
    static const char reset[] = "\033[0m\033[?25h\033[?1049l\r\n";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
    for (int i = 0; i < CRASH_COUNT; i++) {
        if (crash_signals[i] == sig) { sigaction(sig, &old_actions[i], NULL); break; }
    }
    // Returning re-executes the faulting instruction under the old action.
}

void shim_install_crash_handlers(void) {
    // The settings were saved in shim_start, before curses changed them.
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = restore_on_crash;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < CRASH_COUNT; i++) sigaction(crash_signals[i], &sa, &old_actions[i]);
}
