#ifndef PHIENCHO_CPLATFORM_H
#define PHIENCHO_CPLATFORM_H

/// Atomically exchanges two paths on the same file system (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
int phiencho_exchange_paths(const char *first, const char *second);

/// Installs a handler for each of `signals` (SA_RESTART) that writes the signal's number as one
/// byte to a pipe, and returns the pipe's read end (-1 with errno set on failure). The handler
/// does only that, which is async-signal-safe; a thread reading the pipe does the real work.
int phiencho_signal_pipe(const int *signals, int count);

#endif
