/**
 * What the text view's overview ruler shows of the whole file that the view cannot
 * know itself: where the find matches are, over lines. Sent as the find's count
 * scans, and with no `find` once the find closed.
 */
export interface RulerMessage {
  type: 'ruler';
  /** Buckets the lines are split into: bucket i covers lines [i, i + 1) * lineCount / count. */
  count: number;
  /** Base64 of a bitset (bucket i at bit i % 8 of byte i / 8): buckets holding a match. */
  find?: string;
}
