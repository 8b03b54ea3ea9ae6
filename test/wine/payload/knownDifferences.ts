/**
 * Checks whose Windows result is known to differ from Linux's, each with the reason.
 * compare.ts reports them without failing, and fails once one of them is equal again:
 * then it is fixed, and its entry must go.
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {
  // Windows refuses to shorten a file while any process has a section (mapping) of it
  // (SetEndOfFile: ERROR_USER_MAPPED_FILE, which libuv reports as UNKNOWN). The
  // index keeps the file mapped as long as it is open.
  'follow: a program truncates it while indexed': 'an index (an open viewer) stops other programs from truncating the log on Windows',
  'follow: a program rewrites it from scratch while indexed': 'an index (an open viewer) stops other programs from rewriting the log on Windows (open with truncation)',
  // A file with a mapped view cannot be deleted (STATUS_CANNOT_DELETE, EPERM to Node),
  // FILE_SHARE_DELETE or not: seen here under Wine, and what Windows is known to do.
  'follow: a program rotates it and deletes the old one while indexed': 'an index (an open viewer) of a rotated log stops other programs from deleting it on Windows',
};
