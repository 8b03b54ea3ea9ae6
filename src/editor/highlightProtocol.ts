/**
 * Your highlight rules for the text view: the setting `hugefile.highlights` as it is
 * (the view checks it with the host's own code, src/highlight/userRules.ts). Sent after
 * `init`, and again when the setting changes.
 */
export interface HighlightsMessage {
  type: 'highlights';
  rules: unknown;
}
