/**
 * Your highlight rules for the text view: the setting `hugefile.highlights` as it is
 * (the view checks it with the host's own code, src/highlight/userRules.ts), sent after
 * `init` and again when the setting changes; and the view's ask to make a rule of a
 * filter rule.
 */
import type { SearchQuery } from '../search/query';

export interface HighlightsMessage {
  type: 'highlights';
  rules: unknown;
}

/** From the filter pane: add a highlight rule colouring the lines `query` matches (the host asks for the colour). */
export interface AddHighlightMessage {
  type: 'addHighlight';
  query: Extract<SearchQuery, { kind: 'text' | 'regex' }>;
}
