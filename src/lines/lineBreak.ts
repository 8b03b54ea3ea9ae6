/**
 * How a file's lines end, as it is read: the byte that ends a line, and whether a CR
 * right before it belongs to the line ending. No `vscode`.
 */

/** `lf`: `\n` ends a line, `\r\n` too (its `\r` is not text); `cr`: a lone `\r` ends a line (classic Mac OS). */
export type LineBreakKind = 'lf' | 'cr';

export interface LineBreak {
  readonly kind: LineBreakKind;
  /** The byte that ends a line. */
  readonly byte: number;
  /** True when a `\r` right before `byte` is part of the line ending (`\r\n`), not of the text. */
  readonly eatsCr: boolean;
  /** As VS Code's status bar names a line ending. */
  readonly label: 'LF' | 'CR';
}

export const CR = 0x0d;
export const LF = 0x0a;

export const LF_BREAK: LineBreak = { kind: 'lf', byte: LF, eatsCr: true, label: 'LF' };
export const CR_BREAK: LineBreak = { kind: 'cr', byte: CR, eatsCr: false, label: 'CR' };

/** The line break of a kind; LF for anything else (an old or foreign value). */
export function lineBreakOf(kind: string | undefined): LineBreak {
  return kind === 'cr' ? CR_BREAK : LF_BREAK;
}

/**
 * The line break a file's first bytes show: CR when they hold a `\r` and no `\n` (a
 * file from classic Mac OS, or a tool that writes lone CRs), else LF (which reads
 * `\r\n` too).
 */
export function detectLineBreak(head: Uint8Array): LineBreak {
  return head.includes(LF) || !head.includes(CR) ? LF_BREAK : CR_BREAK;
}

/**
 * Where the text of a line ends, given where its line break byte is (`breakAt`) and
 * where the line starts: before a `\r` of a `\r\n` the line break eats.
 */
export function textEndBefore(lineBreak: LineBreak, breakAt: number, start: number, byteAt: (offset: number) => number): number {
  return lineBreak.eatsCr && breakAt > start && byteAt(breakAt - 1) === CR ? breakAt - 1 : breakAt;
}
