/**
 * A HugeDocument stand-in for the host controllers' tests (find, filter, replace): a
 * random file with a few edits pending, so searches run over segments, and a
 * collector of the messages a controller posts.
 */
import { EventEmitter } from 'events';
import type { EditResult } from '../../../src/edits/editCommands';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { replaceRange } from '../../../src/edits/textEdit';
import type { HugeDocument } from '../../../src/editor/hugeDocument';
import type { HostMessage } from '../../../src/editor/protocol';
import { LineIndex } from '../../../src/lines';
import { randInt, random, tempFile } from '../testUtil';

const WORDS = ['alpha', 'beta', 'gamma', 'needle', 'delta', 'Needle', 'needles'];

/** A document over a random file, with a few edits pending (so searches run over segments). */
export async function editedDocument(seed: number): Promise<{ document: HugeDocument; text: EditedText; dispose(): void }> {
  const rand = random(seed);
  const lines = Array.from({ length: 2000 }, () => Array.from({ length: 1 + randInt(rand, 8) }, () => WORDS[randInt(rand, WORDS.length)]).join(' '));
  const file = tempFile('find.txt', lines.join(rand() < 0.5 ? '\n' : '\r\n'));
  const index = LineIndex.open(file, { every: 4 });
  await index.whenComplete();
  const text = new EditedText(index, new PieceTable(index, index.fileSize));
  for (let i = 0; i < 5; i++) {
    replaceRange(text.table, 'insert', randInt(rand, text.size), 0, Buffer.from(rand() < 0.5 ? ' needle ' : '\nneedle in a new line\n'));
    replaceRange(text.table, 'delete', randInt(rand, text.size - 20), randInt(rand, 20), Buffer.alloc(0));
  }
  text.invalidate();
  const changes = new EventEmitter();
  // applyEdit as HugeDocument's, without VS Code's undo stack: the edit is made and the content change told.
  const document = {
    uri: { fsPath: file }, text, index, isSaving: false,
    onDidChangeContent: (listener: () => void) => {
      changes.on('change', listener);
      return { dispose: () => changes.off('change', listener) };
    },
    applyEdit: (run: (t: EditedText) => EditResult | undefined) => {
      const result = run(text);
      text.invalidate();
      if (result) changes.emit('change');
      return result;
    },
  } as unknown as HugeDocument;
  return { document, text, dispose: () => index.dispose() };
}

/** Offsets of whole-word, case-sensitive "needle" in the edited content. */
export function naiveNeedles(content: Buffer): number[] {
  const out: number[] = [];
  const word = (b: number | undefined) => b !== undefined && /[A-Za-z0-9_]/.test(String.fromCharCode(b));
  for (let at = content.indexOf('needle'); at >= 0; at = content.indexOf('needle', at + 1)) {
    if (!word(content[at - 1]) && !word(content[at + 6])) out.push(at);
  }
  return out;
}

export function collector(): { messages: HostMessage[]; post(m: HostMessage): void; next<T extends HostMessage['type']>(type: T, test?: (m: Extract<HostMessage, { type: T }>) => boolean): Promise<Extract<HostMessage, { type: T }>> } {
  const messages: HostMessage[] = [];
  const waiters: { type: string; test: (m: HostMessage) => boolean; resolve(m: HostMessage): void }[] = [];
  return {
    messages,
    post(m) {
      messages.push(m);
      for (const w of waiters.splice(0)) {
        if (w.type === m.type && w.test(m)) w.resolve(m);
        else waiters.push(w);
      }
    },
    next(type, test = () => true) {
      return new Promise((resolve) => waiters.push({ type, test: test as (m: HostMessage) => boolean, resolve: resolve as (m: HostMessage) => void }));
    },
  };
}

