#ifndef LENET5_FETCH_H
#define LENET5_FETCH_H

// The C parts of `lenet5 mnist fetch`: HTTP through libcurl, and temporary files that a signal
// removes.

#include <stddef.h>
#include <stdint.h>

/// Loads libcurl with dlopen, once. lenet5 does not link libcurl, so that every other command
/// starts without it (and starts at all on a machine that lacks it); only a download needs it.
/// Returns 0 when it is usable, else -1 with the reason in `why`.
int lenet5_curl_load(char *why, size_t why_size);

/// How a transfer ended.
typedef struct {
    /// libcurl's CURLcode: 0 when the whole body arrived.
    int code;
    /// The last HTTP response's status, 0 when none came.
    long http_status;
    /// The errno of a failed write to the file, else 0.
    int write_errno;
    /// libcurl's own words for the fault, or "".
    char message[256];
} lenet5_transfer;

/// Called as bytes arrive: the bytes so far and the size announced by the server (0 if unknown).
typedef void (*lenet5_progress)(void *context, int64_t received, int64_t total);

/// GETs `url` (http, https or file) and appends the body to the open descriptor `fd`. Follows up
/// to 10 redirects (to http or https only); an HTTP status of 400 or more is a failure and writes
/// nothing; `connect_seconds` bounds the connection and `stall_seconds` the time without a single
/// byte. Returns `result->code`.
int lenet5_curl_get(
    const char *url, int fd, long connect_seconds, long stall_seconds, lenet5_progress progress,
    void *context, lenet5_transfer *result);

/// Creates a temporary file from `template` (ending in XXXXXX, replaced in place) with mkstemp,
/// which creates it exclusively (O_CREAT | O_EXCL), and registers it for removal on a signal;
/// signals are held back meanwhile, so none can come between the two. Returns the descriptor, or
/// -1 with errno set.
int lenet5_partial_file_create(char *template_path);

/// Unregisters `path` (renamed to its final name, or removed). Returns 1 if it was registered.
int lenet5_partial_file_forget(const char *path);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove every registered file (with
/// unlink, which is async-signal-safe), then let the signal end the process as it would have.
void lenet5_partial_files_remove_on_signals(void);

#endif
