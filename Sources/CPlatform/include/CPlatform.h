#ifndef PHIENCHO_CPLATFORM_H
#define PHIENCHO_CPLATFORM_H

/// Atomically exchanges two paths on the same file system (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
int phiencho_exchange_paths(const char *first, const char *second);

#endif
