#ifndef OKC_SYSTEM_H
#define OKC_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so the published
/// folder is replaced in one step. Returns 0, or -1 with errno set (ENOSYS/EINVAL where unsupported).
int okc_exchange_paths(const char *a, const char *b);

#endif
