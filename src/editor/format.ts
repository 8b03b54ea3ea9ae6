/** Sizes as VS Code shows them: "1 byte", "512 bytes", "4.0 GB" (1024-based). Shared by the host and the webview. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return `${v} ${v === 1 ? 'byte' : 'bytes'}`;
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}
