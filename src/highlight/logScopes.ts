/**
 * What the log colouring marks in a line, and the TextMate scopes each kind takes its
 * colour from. The scopes are the ones VS Code's built-in Log grammar
 * (extensions/log/syntaxes/log.tmLanguage.json) gives the same text, so a theme
 * colours a log here as it does in VS Code. Kinds the grammar has no rule for (IP
 * addresses, paths, keys) take the scopes of their nearest grammar rule or, for keys,
 * the one themes give variables.
 *
 * A grammar `name` is split at spaces, so "string.regexp, strong log.error" is the
 * three scopes `string.regexp,` (comma included), `strong` and `log.error`. Themes
 * match `string.regexp,` by its `string` prefix only: VS Code shows ERROR in the
 * string colour, in bold. We keep the comma to match what VS Code shows.
 */

export const LOG_KINDS = [
  'error', 'warning', 'info', 'debug', 'verbose',
  'date', 'number', 'guid', 'ip', 'url', 'path', 'string', 'key',
  'exceptionType', 'stackTrace',
] as const;

export type LogKind = typeof LOG_KINDS[number];

const CONSTANT = ['constant.language', 'log.constant'];

/** The scope path (outermost first, after the grammar's `text.log`) of each kind. */
export const LOG_SCOPES: Record<LogKind, readonly string[]> = {
  error: ['string.regexp,', 'strong', 'log.error'],
  warning: ['markup.deleted', 'log.warning'],
  info: ['markup.inserted', 'log.info'],
  debug: ['markup.changed', 'log.debug'],
  verbose: ['comment', 'log.verbose'],
  date: ['comment', 'log.date'],
  number: CONSTANT,
  guid: CONSTANT,
  ip: CONSTANT,
  url: CONSTANT,
  path: CONSTANT,
  string: ['string', 'log.string'],
  key: ['variable', 'log.key'],
  exceptionType: ['string.regexp,', 'emphasis', 'log.exceptiontype'],
  stackTrace: ['string.key,', 'emphasis', 'log.exception'],
};

/** How a theme draws one kind; absent fields: the editor's own foreground, regular type. */
export interface TokenStyle {
  /** A CSS colour (#rgb, #rrggbb or #rrggbbaa, as themes write them). */
  foreground?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export type LogColourMap = Partial<Record<LogKind, TokenStyle>>;
