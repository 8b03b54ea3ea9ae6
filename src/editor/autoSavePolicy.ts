/**
 * When an auto-save waits for the user. VS Code's auto-save (on by default in
 * code-server and VS Code for the Web) saves after each pause in typing; a length
 * change moves everything after it, so in a big file each such save rewrites
 * gigabytes. Those saves wait until the user saves. No `vscode`.
 */

/** An auto-save that would write more than this waits for an explicit save. */
export const AUTO_SAVE_MAX_WRITE_BYTES = 64 * 1024 * 1024;

export interface SaveRequest {
  /** `files.autoSave` is not "off": a save may come from it rather than from the user. */
  autoSaveOn: boolean;
  /** The user asked for this save through the extension (Ctrl+S in its editor, Save Now). */
  explicit: boolean;
  /**
   * The content changed since the previous save request. VS Code asks once per pause
   * in typing; a second request with no change in between is the user's (File > Save
   * from the menu, Save in the dialog on close), which VS Code does not tell apart.
   */
  changedSinceLastRequest: boolean;
  /** Bytes the save would write into the file. */
  writeBytes: number;
}

/** True when the save should not run now: it is probably an auto-save, and a long one. */
export function autoSaveWaits(request: SaveRequest): boolean {
  return request.autoSaveOn && !request.explicit && request.changedSinceLastRequest && request.writeBytes > AUTO_SAVE_MAX_WRITE_BYTES;
}
