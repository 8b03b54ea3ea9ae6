/**
 * The host's messages to the hex view, checked field by field (they cross from the
 * extension host, see guards.ts) and handed on as calls. Messages about the file
 * are dropped until `init` has come; the text view's messages are not the hex
 * view's and are dropped too.
 */
import type { FindCountMessage, FoundOffsetMessage } from '../../src/editor/findProtocol';
import type { FileState, HexSettings, NoticeMessage } from '../../src/editor/protocol';
import { hasRulerBuckets } from '../../src/editor/rulerProtocol';
import { asHostMessage, isCount, isState } from '../guards';

/** What the hex view does with each message. */
export interface HexMessageHandlers {
  /** `init` has come: messages about the file apply. */
  readonly ready: boolean;
  init(state: FileState, hex: HexSettings | undefined): void;
  state(state: FileState): void;
  /** The bytes asked for by request `id`; `edited` lists [start, end) pairs of edited offsets. */
  bytes(id: number, offset: number, data: Uint8Array, edited: number[], state: FileState): void;
  foundOffset(m: FoundOffsetMessage): void;
  findCount(m: FindCountMessage): void;
  openFind(): void;
  revealOffset(offset: number, length: number): void;
  bytesEdited(fromOffset: number, caretOffset: number | undefined, state: FileState, reset: boolean): void;
  notice(level: NoticeMessage['level'], text: string, topic: string | undefined): void;
  /** The find's matches over the whole file, as the ruler's buckets of bytes (see RulerMessage); `count` 0 takes them away. */
  findRuler(count: number, bits: string | undefined): void;
  /** The offsets where the marked lines start, in order. */
  marks(offsets: number[]): void;
  /** The host runs a command at the caret: tell it where the caret is, answering request `id`. */
  caretFor(id: number): void;
}

/** Hands the host's message `data` to `on`, if it is one for the hex view and well formed. */
export function handleHexMessage(data: unknown, on: HexMessageHandlers): void {
  const m = asHostMessage(data);
  if (!m) return;
  switch (m.type) {
    case 'init':
      if (isState(m.state)) on.init(m.state, m.hex);
      break;
    case 'state':
      if (isState(m.state) && on.ready) on.state(m.state);
      break;
    case 'bytes':
      if (on.ready && isCount(m.id) && isCount(m.offset) && m.data instanceof Uint8Array && isPairs(m.edited) && isState(m.state)) {
        on.bytes(m.id, m.offset, m.data, m.edited, m.state);
      }
      break;
    case 'marks':
      if (on.ready && Array.isArray(m.offsets) && m.offsets.every(isCount) && m.offsets.every((o, i) => i === 0 || o > m.offsets![i - 1])) on.marks(m.offsets);
      break;
    case 'ruler':
      if (on.ready && m.lane === 'find' && hasRulerBuckets(m)) on.findRuler(m.count, m.bits);
      break;
    case 'foundOffset':
      if (on.ready && isCount(m.id)) on.foundOffset(m);
      break;
    case 'findCount':
      if (isCount(m.id) && isCount(m.matches)) on.findCount(m);
      break;
    case 'open':
      if (on.ready && m.what === 'find') on.openFind();
      break;
    case 'revealOffset':
      if (on.ready && isCount(m.offset) && isCount(m.length)) on.revealOffset(m.offset, m.length);
      break;
    case 'bytesEdited':
      if (on.ready && isCount(m.fromOffset) && (m.caretOffset === undefined || isCount(m.caretOffset)) && isState(m.state)) {
        on.bytesEdited(m.fromOffset, m.caretOffset, m.state, m.reset === true);
      }
      break;
    case 'caretFor':
      if (on.ready && isCount(m.id)) on.caretFor(m.id);
      break;
    case 'notice':
      if (typeof m.text === 'string') on.notice(m.level === 'error' || m.level === 'warning' ? m.level : 'info', m.text, typeof m.topic === 'string' ? m.topic : undefined);
      break;
  }
}

function isPairs(x: unknown): x is number[] {
  return Array.isArray(x) && x.length % 2 === 0 && x.every(isCount);
}
