/**
 * The replace part of the viewer protocol (see protocol.ts): the find widget's replace
 * row (Ctrl+H) asks, the host edits the document and answers. Like every webview
 * message, these are validated field by field.
 */
import { type SearchQuery, validateQuery } from '../search/query';
import type { Position } from './position';
import { isCount, isPosition } from './validate';

/** Longest replacement text accepted, in UTF-16 code units. */
export const MAX_REPLACEMENT_LENGTH = 65536;

// ---- webview -> host ----

/**
 * Replace: when the selection `from`..`to` is a match of `query`, it becomes
 * `replacement` (with `$1`..`$9`, `$&`, `$$` expanded for a regex; with
 * `preserveCase`, cased like the match); then the next match is searched from there.
 * Answered with `found` (same `id`) like a find; a selection that is no match is only
 * moved to the next match, as in VS Code.
 */
export interface ReplaceOneMessage {
  type: 'replaceOne';
  id: number;
  query: SearchQuery;
  replacement: string;
  preserveCase: boolean;
  from: Position;
  to: Position;
}

/** Replace All: every match of `query` in the file, as one undo step; answered with `replaced`. */
export interface ReplaceAllMessage {
  type: 'replaceAll';
  id: number;
  query: SearchQuery;
  replacement: string;
  preserveCase: boolean;
}

/** Stops Replace All `id` while it searches (nothing is changed). */
export interface ReplaceStopMessage {
  type: 'replaceStop';
  id: number;
}

export type ReplaceViewerMessage = ReplaceOneMessage | ReplaceAllMessage | ReplaceStopMessage;

// ---- host -> webview ----

/** Replace All `id` is searching: `matches` found so far, `progress` of the file scanned (0..1). */
export interface ReplaceProgressMessage {
  type: 'replaceProgress';
  id: number;
  matches: number;
  progress: number;
}

/** Replace All `id` ended: `count` replaced (0 with `error` or `cancelled`: nothing changed). */
export interface ReplacedMessage {
  type: 'replaced';
  id: number;
  count: number;
  cancelled?: boolean;
  error?: string;
}

export type ReplaceHostMessage = ReplaceProgressMessage | ReplacedMessage;

/** The message if `m` is a well-formed replace message, else undefined. */
export function validateReplaceMessage(m: Record<string, unknown>): ReplaceViewerMessage | undefined {
  switch (m.type) {
    case 'replaceOne':
    case 'replaceAll': {
      const query = validateQuery(m.query);
      if (!isCount(m.id) || !query || typeof m.replacement !== 'string' || m.replacement.length > MAX_REPLACEMENT_LENGTH || typeof m.preserveCase !== 'boolean') return undefined;
      const base = { id: m.id, query: query as SearchQuery, replacement: m.replacement, preserveCase: m.preserveCase };
      if (m.type === 'replaceAll') return { type: 'replaceAll', ...base };
      return isPosition(m.from) && isPosition(m.to) ? { type: 'replaceOne', ...base, from: m.from, to: m.to } : undefined;
    }
    case 'replaceStop':
      return isCount(m.id) ? { type: 'replaceStop', id: m.id } : undefined;
    default:
      return undefined;
  }
}
