#include "CSQLiteTuning.h"
#include <pthread.h>
#include <sqlite3.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int result = SQLITE_MISUSE;

static void tune(void) {
    int memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    int threading = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    result = memstatus != SQLITE_OK ? memstatus : threading;
}

int keycard_sqlite_tune(void) {
    pthread_once(&once, tune);
    return result;
}
