import * as assert from 'assert';
import * as fs from 'fs';
import { positionOf } from '../../../src/edits/editCommands';
import { FilterController } from '../../../src/editor/filterController';
import type { FilterLinesMessage, FilterProgressMessage, FindCountMessage, FoundMessage } from '../../../src/editor/findProtocol';
import { FindController } from '../../../src/editor/findController';
import type { HostMessage } from '../../../src/editor/protocol';
import type { RulerMessage } from '../../../src/editor/rulerProtocol';
import type { SearchQuery } from '../../../src/search/query';
import { naiveLines } from '../testUtil';
import { collector, editedDocument, naiveNeedles } from './hostDocument';

const NEEDLE: SearchQuery = { kind: 'text', text: 'needle', matchCase: true, wholeWord: true };

describe('FindController: find next/previous and the count, over the edited content', function () {
  this.timeout(60_000);

  it('finds from the caret, wraps at both ends, and counts like a naive search', async () => {
    for (const seed of [1, 2, 3]) {
      const { document, text, dispose } = await editedDocument(seed);
      try {
        const expected = naiveNeedles(text.read(0, text.size));
        assert.ok(expected.length > 3);
        const host = collector();
        const finder = new FindController(document, (m) => host.post(m));
        const pos = (offset: number) => positionOf(text, offset);
        const find = async (id: number, from: number, backwards: boolean, restart = false): Promise<FoundMessage> => {
          const reply = host.next('found', (m) => m.id === id);
          await finder.find({ type: 'find', id, query: NEEDLE, from: pos(from), backwards, restart });
          return reply;
        };
        const counted = host.next('findCount', (m) => m.done);
        const first = await find(1, 0, false, true);
        assert.deepStrictEqual(first.match?.from, pos(expected[0]), `seed ${seed}`);
        assert.deepStrictEqual(first.match?.to, pos(expected[0] + 6));
        const middle = expected[Math.floor(expected.length / 2)];
        assert.deepStrictEqual((await find(2, middle + 1, false)).match?.from, pos(expected[Math.floor(expected.length / 2) + 1]));
        assert.deepStrictEqual((await find(3, middle, true)).match?.from, pos(expected[Math.floor(expected.length / 2) - 1]));
        const wrapBack = await find(4, expected[0], true);
        assert.deepStrictEqual([wrapBack.match?.from, wrapBack.wrapped], [pos(expected[expected.length - 1]), true]);
        const wrapOn = await find(5, expected[expected.length - 1] + 1, false);
        assert.deepStrictEqual([wrapOn.match?.from, wrapOn.wrapped], [pos(expected[0]), true]);
        const count = await counted as FindCountMessage;
        assert.strictEqual(count.matches, expected.length);
        // Once counted, answers come with their rank.
        const ranked = await find(6, expected[2], false);
        assert.deepStrictEqual([ranked.match?.from, ranked.match?.index], [pos(expected[2]), 2]);
        finder.stop();
      } finally {
        dispose();
      }
    }
  });

  it('sends the ruler the matches over lines for the text view, over bytes for the hex view', async () => {
    const { document, text, dispose } = await editedDocument(5);
    try {
      const expected = naiveNeedles(text.read(0, text.size));
      const host = collector();
      const finder = new FindController(document, (m) => host.post(m));
      const bitsOf = (m: HostMessage) => {
        const r = m as RulerMessage;
        const bits = Buffer.from(r.bits ?? '', 'base64');
        return Array.from({ length: r.count }, (_, b) => (bits[b >> 3] & (1 << (b & 7))) !== 0);
      };
      const overBytes = Array.from({ length: 4096 }, () => false);
      for (const offset of expected) overBytes[Math.min(4095, Math.floor((offset / text.size) * 4096))] = true;

      let done = host.next('findCount', (m) => m.done);
      await finder.findOffset({ type: 'findOffset', id: 1, query: NEEDLE, from: 0, backwards: false, restart: true });
      await done;
      const hexLane = host.messages.filter((m) => m.type === 'ruler').pop()!;
      assert.deepStrictEqual(bitsOf(hexLane), overBytes, 'the hex view: one bucket a 4096th of the bytes');

      done = host.next('findCount', (m) => m.done);
      await finder.find({ type: 'find', id: 2, query: NEEDLE, from: { line: 0, column: 0 }, backwards: false, restart: false });
      await done;
      const textLane = host.messages.filter((m) => m.type === 'ruler').pop()!;
      const lineCount = text.estimatedLineCount();
      const overLines = bitsOf(textLane);
      for (const offset of expected) {
        const bucket = Math.floor((text.lineOfOffset(offset) / lineCount) * 4096);
        assert.ok(overLines[bucket], `the text view: the line of match ${offset} (bucket ${bucket})`);
      }
      assert.notDeepStrictEqual(overLines, overBytes, 'the same query counted again for the text view, over its lines');
      finder.stop();
    } finally {
      dispose();
    }
  });

  it('says "no match", and reports a file it cannot search as an error in the widget', async () => {
    const { document, dispose } = await editedDocument(4);
    try {
      const host = collector();
      const finder = new FindController(document, (m) => host.post(m));
      const zebra: SearchQuery = { kind: 'text', text: 'zebra', matchCase: true, wholeWord: false };
      const none = host.next('found', (m) => m.id === 1);
      const done = host.next('findCount', (m) => m.done);
      await finder.find({ type: 'find', id: 1, query: zebra, from: { line: 0, column: 0 }, backwards: false, restart: true });
      assert.deepStrictEqual(await none, { type: 'found', id: 1, wrapped: false });
      assert.strictEqual((await done).matches, 0);
      fs.renameSync(document.uri.fsPath, `${document.uri.fsPath}.moved`);
      const failed = host.next('found', (m) => m.id === 2);
      const countFailed = host.next('findCount', (m) => m.id === 2 && m.done);
      await finder.find({ type: 'find', id: 2, query: NEEDLE, from: { line: 0, column: 0 }, backwards: false, restart: true });
      assert.match((await failed).error ?? '', /ENOENT|no such file/);
      assert.match((await countFailed).error ?? '', /ENOENT|no such file/);
      finder.stop();
    } finally {
      dispose();
    }
  });
});

describe('FilterController: the lines of a filter view', function () {
  this.timeout(60_000);

  it('lists lines matching an include and no exclude, with their text, like a naive filter', async () => {
    const { document, text, dispose } = await editedDocument(5);
    try {
      const content = text.read(0, text.size);
      const lines = naiveLines(content).map((l) => content.subarray(l.start, l.end).toString());
      const expected = lines.flatMap((l, n) => (/alpha/i.test(l) && !l.includes('beta') ? [n] : []));
      const host = collector();
      const filter = new FilterController(document, (m) => host.post(m));
      const done = host.next('filterProgress', (m) => m.done);
      filter.start({ type: 'filter', id: 7, include: [{ kind: 'text', text: 'ALPHA', matchCase: false, wholeWord: false }], exclude: [{ kind: 'text', text: 'beta', matchCase: true, wholeWord: false }] });
      const progress = await done as FilterProgressMessage;
      assert.strictEqual(progress.lines, expected.length);
      const reply = host.next('filterLines', (m) => m.id === 1);
      await filter.lines({ type: 'getFilterLines', id: 1, filterId: 7, start: 3, count: 50 });
      const rows = (await reply as FilterLinesMessage).lines;
      assert.deepStrictEqual(rows.map((r) => r.line), expected.slice(3, 53));
      assert.deepStrictEqual(rows.map((r) => r.text), expected.slice(3, 53).map((n) => lines[n]));
      // A stale filter id gets no answer; stop forgets the result.
      await filter.lines({ type: 'getFilterLines', id: 2, filterId: 6, start: 0, count: 5 });
      filter.stop();
      await filter.lines({ type: 'getFilterLines', id: 3, filterId: 7, start: 0, count: 5 });
      assert.ok(!host.messages.some((m) => m.type === 'filterLines' && m.id !== 1));
    } finally {
      dispose();
    }
  });
});
