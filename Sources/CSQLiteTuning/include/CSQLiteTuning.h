#ifndef KEYCARD_CSQLITETUNING_H
#define KEYCARD_CSQLITETUNING_H

/// Process-wide SQLite settings, applied once, before SQLite initializes (`sqlite3_config` is variadic, so Swift
/// cannot call it): memory statistics off (every allocation SQLite makes otherwise takes a global mutex) and
/// multi-thread mode (a connection takes no mutex of its own on every call; GRDB already serializes each connection's
/// use, and supports only this mode). Every caller gets the first call's answer: SQLITE_OK, or SQLITE_MISUSE when
/// SQLite was initialized before (the defaults then hold, which are safe, only slower).
int keycard_sqlite_tune(void);

#endif
