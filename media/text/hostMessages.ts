/**
 * The host's messages to the text view, each checked before the view acts on it: the
 * host is trusted more than the webview is, but a malformed message must not break
 * the view (see guards.ts). Messages about the file wait for its first state; find
 * counts, replace progress, filter results and notices do not need one.
 */
import type { FilterLinesMessage, FilterProgressMessage, FindCountMessage, FoundMessage } from '../../src/editor/findProtocol';
import type { LogColoursMessage } from '../../src/editor/logColourProtocol';
import type { ReplacedMessage, ReplaceProgressMessage } from '../../src/editor/replaceProtocol';
import { hasRulerBuckets, RULER_LANES, type RulerLane } from '../../src/editor/rulerProtocol';
import type { FileState, Position } from '../../src/editor/protocol';
import { MAX_RULES } from '../../src/highlight/userRules';
import { wordWrapColumn, wordWrapSetting, type WordWrapSetting } from '../../src/editor/wordWrapProtocol';
import { type SearchQuery, validateQuery } from '../../src/search/query';
import { asHostMessage, isCount, isPos, isState } from '../guards';

/** What the text view does with each message, called with its fields checked. */
export interface TextMessageHandler {
  /** True once the file's first state has arrived (`init`). */
  started(): boolean;
  init(state: FileState, topLine: number): void;
  state(state: FileState): void;
  lines(id: number, lines: unknown[], state: FileState, edit: number): void;
  reveal(line: number, select: boolean, column: number): void;
  /** `caret`: where the change puts the caret, if anywhere (undefined when the host says to keep it). */
  edited(fromLine: number, caret: Position | undefined, state: FileState, reset: boolean, editId: number | undefined): void;
  openFind(): void;
  /** Find with the replace row, for `query` (the hex view's find, when it sent the view here) or the selection. */
  openReplace(query: SearchQuery | undefined): void;
  openFilter(query: SearchQuery | undefined): void;
  filterProgress(m: FilterProgressMessage): void;
  filterLines(m: FilterLinesMessage): void;
  found(m: FoundMessage): void;
  findCount(m: FindCountMessage): void;
  replaceProgress(m: ReplaceProgressMessage): void;
  replaced(m: ReplacedMessage): void;
  notice(level: 'info' | 'warning' | 'error', text: string, topic: string | undefined): void;
  logColours(m: LogColoursMessage): void;
  /** The marked lines, in order. */
  marks(lines: number[]): void;
  /** Your highlight rules, the setting as it is (checked by the view). */
  highlights(rules: unknown): void;
  /** A lane of the overview ruler (see RulerMessage); `count` 0 takes it away. */
  ruler(lane: RulerLane, count: number, bits: string | undefined, rule: number): void;
  /** The host runs a command at the caret: tell it where the caret is, answering request `id`. */
  caretFor(id: number): void;
  /** Word wrap's setting (editor.wordWrap, or Toggle Word Wrap). */
  wordWrap(wrap: WordWrapSetting, column: number): void;
}

/** Hands `data` to `h` when it is a well-formed message the view can take now; drops it otherwise. */
export function routeHostMessage(data: unknown, h: TextMessageHandler): void {
  const m = asHostMessage(data);
  if (!m) return;
  const started = h.started();
  switch (m.type) {
    case 'init':
      if (isState(m.state)) h.init(m.state, isCount(m.topLine) ? m.topLine : 0);
      break;
    case 'state':
      if (isState(m.state) && started) h.state(m.state);
      break;
    case 'lines':
      if (started && isCount(m.id) && Array.isArray(m.lines) && isState(m.state) && isCount(m.edit)) h.lines(m.id, m.lines, m.state, m.edit);
      break;
    case 'reveal':
      if (started && isCount(m.line)) h.reveal(m.line, m.select === true, isCount(m.column) ? m.column : 0);
      break;
    case 'edited':
      if (started && isCount(m.fromLine) && (m.caret === undefined || isPos(m.caret)) && isState(m.state) && (m.editId === undefined || isCount(m.editId))) {
        h.edited(m.fromLine, m.keepCaret === true ? undefined : m.caret, m.state, m.reset === true, m.editId);
      }
      break;
    case 'open':
      if (started && m.what === 'find') h.openFind();
      else if (started && m.what === 'replace') h.openReplace(validateQuery(m.query));
      else if (started && m.what === 'filter') h.openFilter(validateQuery(m.query));
      break;
    case 'filterProgress':
      if (isCount(m.id) && isCount(m.lines)) h.filterProgress(m);
      break;
    case 'filterLines':
      if (isCount(m.id) && isCount(m.filterId) && Array.isArray(m.lines)) h.filterLines(m);
      break;
    case 'found':
      if (started && isCount(m.id)) h.found(m);
      break;
    case 'findCount':
      if (isCount(m.id) && isCount(m.matches)) h.findCount(m);
      break;
    case 'replaceProgress':
      if (isCount(m.id) && isCount(m.matches) && typeof m.progress === 'number' && m.progress >= 0 && m.progress <= 1) {
        h.replaceProgress({ type: 'replaceProgress', id: m.id, matches: m.matches, progress: m.progress });
      }
      break;
    case 'replaced':
      if (isCount(m.id) && isCount(m.count) && (m.cancelled === undefined || typeof m.cancelled === 'boolean') && (m.error === undefined || typeof m.error === 'string')) {
        h.replaced({ type: 'replaced', id: m.id, count: m.count, cancelled: m.cancelled, error: m.error });
      }
      break;
    case 'logColours':
      if ((m.mode === 'auto' || m.mode === 'on' || m.mode === 'off') && (m.colours === undefined || typeof m.colours === 'object')) {
        h.logColours({ type: 'logColours', mode: m.mode, logName: m.logName === true, tint: m.tint === true, ansi: m.ansi !== false, colours: m.colours ?? undefined });
      }
      break;
    case 'marks':
      if (started && Array.isArray(m.lines) && m.lines.every(isCount)) h.marks(m.lines);
      break;
    case 'ruler':
      if ((RULER_LANES as readonly unknown[]).includes(m.lane) && hasRulerBuckets(m)
        && (m.lane === 'highlight' ? isCount(m.rule) && m.rule < MAX_RULES : m.rule === undefined)) h.ruler(m.lane, m.count, m.bits, m.rule ?? 0);
      break;
    case 'highlights':
      h.highlights(m.rules);
      break;
    case 'caretFor':
      if (started && isCount(m.id)) h.caretFor(m.id);
      break;
    case 'wordWrap':
      h.wordWrap(wordWrapSetting(m.wrap), wordWrapColumn(m.column));
      break;
    case 'notice':
      if (typeof m.text === 'string') h.notice(m.level === 'error' || m.level === 'warning' ? m.level : 'info', m.text, typeof m.topic === 'string' ? m.topic : undefined);
      break;
  }
}
