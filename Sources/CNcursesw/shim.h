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

#endif
