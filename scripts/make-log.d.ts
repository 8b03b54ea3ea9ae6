/** Writes a reproducible log of `size` bytes whose lines start with "#<line number>"; returns the line count. */
export function makeLog(path: string, size: number): number;
/** Parses "64K", "200M", "4G" into bytes. */
export function parseSize(text: string): number;
