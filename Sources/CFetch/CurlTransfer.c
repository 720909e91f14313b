#include "CFetch.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

// libcurl's ABI, declared here because its headers (libcurl4-openssl-dev) are not on every
// machine that has the library. These numbers are fixed for good: libcurl never renumbers an
// option or an error code (values from curl.h of libcurl 7.88).
typedef void CURL;
enum {
    OPT_WRITEDATA = 10001,
    OPT_URL = 10002,
    OPT_ERRORBUFFER = 10010,
    OPT_WRITEFUNCTION = 20011,
    OPT_USERAGENT = 10018,
    OPT_LOW_SPEED_LIMIT = 19,
    OPT_LOW_SPEED_TIME = 20,
    OPT_NOPROGRESS = 43,
    OPT_FAILONERROR = 45,
    OPT_FOLLOWLOCATION = 52,
    OPT_XFERINFODATA = 10057,
    OPT_MAXREDIRS = 68,
    OPT_CONNECTTIMEOUT = 78,
    OPT_NOSIGNAL = 99,
    OPT_PROTOCOLS = 181,
    OPT_REDIR_PROTOCOLS = 182,
    OPT_XFERINFOFUNCTION = 20219,
    INFO_RESPONSE_CODE = 0x200002,
    PROTO_HTTP = 1 << 0,
    PROTO_HTTPS = 1 << 1,
    PROTO_FILE = 1 << 10,
    GLOBAL_DEFAULT = 3,
    ERROR_SIZE = 256,
    CODE_WRITE_ERROR = 23,
};

static struct {
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_perform)(CURL *);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(int);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[512];

static void load(void) {
    // The names under which systems ship libcurl: Debian and Fedora (OpenSSL or GnuTLS builds),
    // a bare development link, macOS.
    static const char *const names[] = {
        "libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "/usr/lib/libcurl.4.dylib",
        "libcurl.4.dylib", "libcurl.dylib",
    };
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !library; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        snprintf(
            load_error, sizeof load_error,
            "libcurl, which lenet5 downloads with, is not installed (on Debian or Ubuntu: "
            "apt-get install libcurl4)");
        return;
    }
    *(void **)&curl.global_init = dlsym(library, "curl_global_init");
    *(void **)&curl.easy_init = dlsym(library, "curl_easy_init");
    *(void **)&curl.easy_setopt = dlsym(library, "curl_easy_setopt");
    *(void **)&curl.easy_perform = dlsym(library, "curl_easy_perform");
    *(void **)&curl.easy_getinfo = dlsym(library, "curl_easy_getinfo");
    *(void **)&curl.easy_cleanup = dlsym(library, "curl_easy_cleanup");
    *(void **)&curl.easy_strerror = dlsym(library, "curl_easy_strerror");
    if (!curl.global_init || !curl.easy_init || !curl.easy_setopt || !curl.easy_perform
        || !curl.easy_getinfo || !curl.easy_cleanup || !curl.easy_strerror) {
        snprintf(load_error, sizeof load_error, "libcurl lacks the functions of its easy interface");
        curl.easy_init = NULL;
        return;
    }
    if (curl.global_init(GLOBAL_DEFAULT) != 0) {
        snprintf(load_error, sizeof load_error, "libcurl failed to initialise");
        curl.easy_init = NULL;
    }
}

int lenet5_curl_load(char *why, size_t why_size) {
    pthread_once(&load_once, load);
    if (curl.easy_init) return 0;
    if (why && why_size) snprintf(why, why_size, "%s", load_error);
    return -1;
}

typedef struct {
    int fd;
    int write_errno;
    lenet5_progress progress;
    void *context;
} transfer_state;

static size_t write_body(char *data, size_t size, size_t count, void *user) {
    transfer_state *state = user;
    size_t total = size * count, done = 0;
    while (done < total) {
        ssize_t written = write(state->fd, data + done, total - done);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            state->write_errno = written < 0 ? errno : EIO;
            return 0;  // anything but `total` makes libcurl stop with CURLE_WRITE_ERROR
        }
        done += (size_t)written;
    }
    return total;
}

static int report_progress(
    void *user, int64_t download_total, int64_t downloaded, int64_t upload_total,
    int64_t uploaded) {
    (void)upload_total;
    (void)uploaded;
    transfer_state *state = user;
    if (state->progress) state->progress(state->context, downloaded, download_total);
    return 0;
}

int lenet5_curl_get(
    const char *url, int fd, long connect_seconds, long stall_seconds, lenet5_progress progress,
    void *context, lenet5_transfer *result) {
    memset(result, 0, sizeof *result);
    char why[sizeof result->message];
    if (lenet5_curl_load(why, sizeof why) != 0) {
        result->code = -1;
        snprintf(result->message, sizeof result->message, "%s", why);
        return result->code;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        result->code = -1;
        snprintf(result->message, sizeof result->message, "libcurl could not start a transfer");
        return result->code;
    }
    char errors[ERROR_SIZE] = "";
    transfer_state state = {fd, 0, progress, context};
    // setopt is variadic: every argument must have exactly the type libcurl reads (long for
    // numbers, a pointer for the rest).
    curl.easy_setopt(handle, OPT_URL, url);
    curl.easy_setopt(handle, OPT_ERRORBUFFER, errors);
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, write_body);
    curl.easy_setopt(handle, OPT_WRITEDATA, (void *)&state);
    curl.easy_setopt(handle, OPT_NOPROGRESS, 0L);
    curl.easy_setopt(handle, OPT_XFERINFOFUNCTION, report_progress);
    curl.easy_setopt(handle, OPT_XFERINFODATA, (void *)&state);
    curl.easy_setopt(handle, OPT_FAILONERROR, 1L);
    curl.easy_setopt(handle, OPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(handle, OPT_MAXREDIRS, 10L);
    curl.easy_setopt(handle, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS | PROTO_FILE));
    curl.easy_setopt(handle, OPT_REDIR_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_CONNECTTIMEOUT, connect_seconds);
    // A stall is less than one byte a second for `stall_seconds`, waiting for the reply included.
    curl.easy_setopt(handle, OPT_LOW_SPEED_LIMIT, 1L);
    curl.easy_setopt(handle, OPT_LOW_SPEED_TIME, stall_seconds);
    // No SIGALRM for name look-ups: signals are the caller's (Ctrl-C removes partial files).
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, OPT_USERAGENT, "lenet5");
    result->code = curl.easy_perform(handle);
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &result->http_status);
    result->write_errno = state.write_errno;
    if (result->code != 0) {
        const char *text = errors[0] ? errors : curl.easy_strerror(result->code);
        snprintf(result->message, sizeof result->message, "%s", text ? text : "");
    }
    curl.easy_cleanup(handle);
    if (result->code == CODE_WRITE_ERROR && state.write_errno == 0) result->write_errno = EIO;
    return result->code;
}
