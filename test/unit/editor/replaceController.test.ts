import * as assert from 'assert';
import { positionOf } from '../../../src/edits/editCommands';
import { replaceRange } from '../../../src/edits/textEdit';
import { FindController } from '../../../src/editor/findController';
import { ReplaceController } from '../../../src/editor/replaceController';
import type { SearchQuery } from '../../../src/search/query';
import { collector, editedDocument, naiveNeedles } from './hostDocument';

const NEEDLE: SearchQuery = { kind: 'text', text: 'needle', matchCase: true, wholeWord: true };

/** `content` with whole-word "needle" at `offsets` replaced by `by`. */
function replacedAt(content: Buffer, offsets: number[], by: string): string {
  let out = '';
  let at = 0;
  for (const o of offsets) {
    out += content.subarray(at, o).toString() + by;
    at = o + 6;
  }
  return out + content.subarray(at).toString();
}

describe('ReplaceController: Replace and Replace All over the edited content', function () {
  this.timeout(60_000);

  it('Replace All changes every match as one edit, like a naive replace, and says how many', async () => {
    for (const seed of [1, 2]) {
      const { document, text, dispose } = await editedDocument(seed);
      try {
        const before = text.read(0, text.size);
        const expected = naiveNeedles(before);
        const host = collector();
        const replacer = new ReplaceController(document, new FindController(document, (m) => host.post(m)), (m) => host.post(m));
        const done = host.next('replaced');
        await replacer.replaceAll({ type: 'replaceAll', id: 4, query: NEEDLE, replacement: 'pin$1', preserveCase: false });
        assert.deepStrictEqual(await done, { type: 'replaced', id: 4, count: expected.length });
        assert.strictEqual(text.read(0, text.size).toString(), replacedAt(before, expected, 'pin$1'));
      } finally {
        dispose();
      }
    }
  });

  it('Replace replaces the selected match and finds the next; a selection that is no match only moves on', async () => {
    const { document, text, dispose } = await editedDocument(3);
    try {
      const host = collector();
      const replacer = new ReplaceController(document, new FindController(document, (m) => host.post(m)), (m) => host.post(m));
      const [first, second] = naiveNeedles(text.read(0, text.size));
      let found = host.next('found', (m) => m.id === 1);
      await replacer.replaceOne({ type: 'replaceOne', id: 1, query: NEEDLE, replacement: 'NEEDLE', preserveCase: false, from: positionOf(text, first - 1), to: positionOf(text, first + 6) });
      assert.strictEqual(text.read(first, 6).toString(), 'needle', 'a selection one byte too wide is not the match: nothing replaced');
      assert.deepStrictEqual((await found).match?.from, positionOf(text, first));

      found = host.next('found', (m) => m.id === 2);
      await replacer.replaceOne({ type: 'replaceOne', id: 2, query: NEEDLE, replacement: 'pins', preserveCase: false, from: positionOf(text, first), to: positionOf(text, first + 6) });
      assert.strictEqual(text.read(first, 4).toString(), 'pins');
      const next = naiveNeedles(text.read(0, text.size))[0];
      assert.strictEqual(next, second - 2, 'the next match, moved by the replacement');
      assert.deepStrictEqual((await found).match?.from, positionOf(text, next));
    } finally {
      dispose();
    }
  });

  it('a bad template, a stop while searching and a change while searching replace nothing and say why', async () => {
    const { document, text, dispose } = await editedDocument(4);
    try {
      const before = text.read(0, text.size).toString();
      const host = collector();
      const replacer = new ReplaceController(document, new FindController(document, (m) => host.post(m)), (m) => host.post(m));
      let done = host.next('replaced', (m) => m.id === 1);
      await replacer.replaceAll({ type: 'replaceAll', id: 1, query: { kind: 'regex', source: 'ne(ed)le', matchCase: true }, replacement: '$2', preserveCase: false });
      assert.match((await done).error ?? '', /\$2 is used but the pattern has 1 group/);

      done = host.next('replaced', (m) => m.id === 2);
      const running = replacer.replaceAll({ type: 'replaceAll', id: 2, query: NEEDLE, replacement: 'x', preserveCase: false });
      replacer.stop(2);
      await running;
      assert.deepStrictEqual(await done, { type: 'replaced', id: 2, count: 0, cancelled: true });

      done = host.next('replaced', (m) => m.id === 3);
      const changing = replacer.replaceAll({ type: 'replaceAll', id: 3, query: NEEDLE, replacement: 'x', preserveCase: false });
      document.applyEdit((t) => ({ edit: replaceRange(t.table, 'insert', 0, 0, Buffer.from('z')), caretOffset: 1 }));
      await changing;
      assert.match((await done).error ?? '', /changed while Replace All searched/);
      assert.strictEqual(text.read(1, text.size - 1).toString(), before, 'only the edit made meanwhile');
    } finally {
      dispose();
    }
  });
});
