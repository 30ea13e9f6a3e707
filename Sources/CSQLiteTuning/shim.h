#ifndef KEYCARD_CSQLITETUNING_SHIM_H
#define KEYCARD_CSQLITETUNING_SHIM_H
#include <sqlite3.h>

/// Process-wide SQLite settings, applied before SQLite initializes (`sqlite3_config` is variadic, so Swift cannot
/// call it). Memory statistics off: every allocation SQLite makes otherwise takes a global mutex. Multi-thread mode:
/// a connection takes no mutex of its own on every call (GRDB already serializes each connection's use, and supports
/// only this mode). Returns SQLITE_OK, or SQLITE_MISUSE when SQLite was initialized before (the settings then keep
/// their defaults, which are safe, only slower).
static inline int keycard_sqlite_tune(void) {
    int memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    int threading = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    return memstatus != SQLITE_OK ? memstatus : threading;
}

#endif
