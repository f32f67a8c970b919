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

void shim_setlocale(void) { setlocale(LC_ALL, ""); }

int shim_start(void) {
    if (screen) return 1;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return 0;
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
    set_escdelay(25);
    if (has_colors()) {
        start_color();
        use_default_colors();
    }
    return 1;
}

void shim_stop(void) {
    if (!screen) return;
    endwin();
    delscreen(screen);
    screen = NULL;
    if (out_file) { fflush(out_file); fclose(out_file); out_file = NULL; }
    if (in_file) { fclose(in_file); in_file = NULL; }
}

int shim_is_running(void) { return screen != NULL; }
int shim_rows(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
int shim_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }

int shim_read(int timeout_ms, int *ch) {
    wint_t c = 0;
    wtimeout(stdscr, timeout_ms);
    int r = wget_wch(stdscr, &c);
    *ch = (int)c;
    if (r == OK) return 1;
    if (r == KEY_CODE_YES) return 2;
    return 0;
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
    // A parent may have started us with these blocked; a workshop must always be able to save and stop.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

int shim_pending_exit_signal(void) { return exit_signal; }

static struct termios saved_tty;
static int saved_tty_ok = 0;
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
    if (tcgetattr(STDIN_FILENO, &saved_tty) == 0) saved_tty_ok = 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = restore_on_crash;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < CRASH_COUNT; i++) sigaction(crash_signals[i], &sa, &old_actions[i]);
}
