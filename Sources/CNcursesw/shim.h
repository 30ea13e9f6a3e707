#ifndef KEYCARD_CNCURSESW_SHIM_H
#define KEYCARD_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/ncurses.h>

static inline WINDOW *keycard_stdscr(void) { return stdscr; }
static inline int keycard_lines(void) { return LINES; }
static inline int keycard_cols(void) { return COLS; }
static inline attr_t keycard_a_bold(void) { return A_BOLD; }
static inline attr_t keycard_a_reverse(void) { return A_REVERSE; }
static inline attr_t keycard_a_dim(void) { return A_DIM; }
static inline attr_t keycard_a_underline(void) { return A_UNDERLINE; }
static inline attr_t keycard_a_normal(void) { return A_NORMAL; }
static inline attr_t keycard_color_pair(int n) { return COLOR_PAIR(n); }
static inline int keycard_colors(void) { return COLORS; }
static inline mmask_t keycard_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t keycard_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t keycard_wheel_up(void) { return BUTTON4_PRESSED; }
#if NCURSES_MOUSE_VERSION > 1
static inline mmask_t keycard_wheel_down(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t keycard_wheel_down(void) { return 0; }
#endif

/* Writes UTF-8 text at (y, x) with attributes and colour pair: one call per run of equally styled cells. */
static inline int keycard_put(int y, int x, const char *utf8, attr_t attrs, short pair) {
    wattr_set(stdscr, attrs, pair, NULL);
    return mvwaddstr(stdscr, y, x, utf8);
}

/* Reads the pending mouse event; returns 0 and fills the cell and button state when there is one. */
static inline int keycard_mouse(int *x, int *y, mmask_t *buttons) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    *buttons = event.bstate;
    return 0;
}

#endif
