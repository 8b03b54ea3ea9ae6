/**
 * The find and filter part of the viewer protocol (see protocol.ts): the webview
 * asks, the host searches the whole file off its event loop and answers. Queries
 * come from the webview, so they are validated like every other message.
 */
import { type SearchQuery, validateQuery } from '../search/query';
import type { Position } from './position';
import { isCount, isPosition } from './validate';

/** Most filter patterns at once (include and exclude together). */
export const MAX_FILTER_PATTERNS = 8;
/** Most filter-result lines one `getFilterLines` request may ask for. */
export const MAX_FILTER_LINES_PER_REQUEST = 400;
/** Bytes of each filter-result line sent (its start: the pane does not scroll sideways). */
export const FILTER_LINE_BYTES = 2048;

// ---- webview -> host ----

/**
 * Find the next (or previous) match of `query` from `from`, wrapping at the end of
 * the file. With `restart` the query is new: the host also counts all matches again.
 */
export interface FindMessage {
  type: 'find';
  id: number;
  query: SearchQuery;
  from: Position;
  backwards: boolean;
  restart: boolean;
}

/** `find` for the hex view: from a byte offset, answered with `foundOffset`. */
export interface FindOffsetMessage {
  type: 'findOffset';
  id: number;
  query: SearchQuery;
  from: number;
  backwards: boolean;
  restart: boolean;
}

/** The find widget closed: stop searching. */
export interface FindStopMessage {
  type: 'findStop';
}

/**
 * Build a filter view: lines matching any `include` or marked (with `marked`; all lines
 * when there is neither) and no `exclude`.
 */
export interface FilterMessage {
  type: 'filter';
  id: number;
  include: SearchQuery[];
  exclude: SearchQuery[];
  /** The "Show marked lines" rule. */
  marked?: boolean;
}

/** The filter pane closed: stop and forget the result. */
export interface FilterStopMessage {
  type: 'filterStop';
}

/** Lines [start, start + count) of the filter result `filterId`. */
export interface GetFilterLinesMessage {
  type: 'getFilterLines';
  id: number;
  filterId: number;
  start: number;
  count: number;
}

export type FindViewerMessage = FindMessage | FindOffsetMessage | FindStopMessage | FilterMessage | FilterStopMessage | GetFilterLinesMessage;

// ---- host -> webview ----

/** Answer to `find`: the match as positions, or none. `index` is its 0-based rank when known. */
export interface FoundMessage {
  type: 'found';
  id: number;
  match?: { from: Position; to: Position; index?: number };
  wrapped: boolean;
  /** Why the search failed (bad regex, file changed), shown in the widget. */
  error?: string;
}

/** Answer to `findOffset`: the match as a byte range, or none. */
export interface FoundOffsetMessage {
  type: 'foundOffset';
  id: number;
  match?: { offset: number; length: number; index?: number };
  wrapped: boolean;
  error?: string;
}

/** Progress of counting the matches of the current query. */
export interface FindCountMessage {
  type: 'findCount';
  id: number;
  matches: number;
  /** Scanned fraction, 0..1. */
  progress: number;
  done: boolean;
  /** The rank of the match last found, once the count has reached it. */
  current?: number;
  error?: string;
}

/** Progress of building the filter `id`. */
export interface FilterProgressMessage {
  type: 'filterProgress';
  id: number;
  lines: number;
  progress: number;
  done: boolean;
  error?: string;
}

/** One line of a filter result: its number in the file and the start of its text. */
export interface FilterLine {
  index: number;
  line: number;
  text: string;
  length: number;
}

/** Reply to `getFilterLines`. */
export interface FilterLinesMessage {
  type: 'filterLines';
  id: number;
  filterId: number;
  lines: FilterLine[];
}

export type FindHostMessage = FoundMessage | FoundOffsetMessage | FindCountMessage | FilterProgressMessage | FilterLinesMessage;

function queries(value: unknown): SearchQuery[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = value.map(validateQuery);
  return out.every((q): q is SearchQuery => q !== undefined) ? out : undefined;
}

/** The message if it is a well-formed find or filter message, else undefined. */
export function validateFindMessage(raw: unknown): FindViewerMessage | undefined {
  const m = raw as FindViewerMessage;
  if (typeof m !== 'object' || m === null) return undefined;
  switch (m.type) {
    case 'find': {
      const query = validateQuery(m.query);
      return query && isCount(m.id) && isPosition(m.from) && typeof m.backwards === 'boolean' && typeof m.restart === 'boolean'
        ? { type: 'find', id: m.id, query, from: { line: m.from.line, column: m.from.column }, backwards: m.backwards, restart: m.restart }
        : undefined;
    }
    case 'findOffset': {
      const query = validateQuery(m.query);
      return query && isCount(m.id) && isCount(m.from) && typeof m.backwards === 'boolean' && typeof m.restart === 'boolean'
        ? { type: 'findOffset', id: m.id, query, from: m.from, backwards: m.backwards, restart: m.restart }
        : undefined;
    }
    case 'findStop':
      return { type: 'findStop' };
    case 'filter': {
      const include = queries(m.include);
      const exclude = queries(m.exclude);
      const marked = m.marked === true;
      return include && exclude && isCount(m.id) && (m.marked === undefined || typeof m.marked === 'boolean')
        && include.length + exclude.length + (marked ? 1 : 0) > 0 && include.length + exclude.length <= MAX_FILTER_PATTERNS
        ? { type: 'filter', id: m.id, include, exclude, ...(marked ? { marked } : {}) }
        : undefined;
    }
    case 'filterStop':
      return { type: 'filterStop' };
    case 'getFilterLines':
      return isCount(m.id) && isCount(m.filterId) && isCount(m.start) && isCount(m.count, MAX_FILTER_LINES_PER_REQUEST)
        ? { type: 'getFilterLines', id: m.id, filterId: m.filterId, start: m.start, count: m.count }
        : undefined;
    default:
      return undefined;
  }
}
