// Replace All against a plain Buffer reference: the compact run it leaves (ReplacedRun)
// must read, number lines, search, save, undo and move marks exactly as the content
// with every match replaced would, also after edits typed into it and nested runs.
import * as assert from 'assert';
import * as fs from 'fs';
import { segmentsOf } from '../../../src/editor/searchSegments';
import { EditedText, type IndexedLines } from '../../../src/edits/editedText';
import type { PieceTable, Shift } from '../../../src/edits/pieceTable';
import { PieceTable as Table } from '../../../src/edits/pieceTable';
import { rebaseForSave } from '../../../src/edits/rebaseEdits';
import { saveInPlace } from '../../../src/edits/saveEngine';
import { layoutOf } from '../../../src/edits/saveLayout';
import { planOf } from '../../../src/edits/savePlan';
import { redoEdit, replaceRange, type TextEdit, undoEdit } from '../../../src/edits/textEdit';
import { MatchList } from '../../../src/replace/matchList';
import { replaceAll } from '../../../src/replace/replaceEdits';
import type { ReplacePlan } from '../../../src/replace/replacePlan';
import { searchFile } from '../../../src/search/searchFile';
import { MemoryIndex } from '../../webview/memoryIndex';
import { fileSource, naiveLines, randInt, random, tempFile } from '../testUtil';

const QUERY = { kind: 'text', text: 'unused', matchCase: true, wholeWord: false } as const;
/** 'Q' only ever comes from replacements and typing: a search for it counts what they put in. */
const CONTENT = 'ab\nxy \r';
const PUT = 'Q\nzab';

function randomText(rand: () => number, alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randInt(rand, alphabet.length)]).join('');
}

/** Random non-overlapping matches in `size` bytes: some empty, some long, dense or sparse. */
function randomMatches(rand: () => number, size: number, spacing = 1 + randInt(rand, rand() < 0.5 ? 4 : 40)): MatchList {
  const matches = new MatchList();
  for (let at = randInt(rand, spacing); at <= size; at += randInt(rand, spacing) + 1) {
    const length = Math.min(size - at, rand() < 0.15 ? 0 : 1 + randInt(rand, rand() < 0.9 ? 4 : 30));
    matches.add(at, length);
    at += length;
  }
  return matches;
}

/** Constant or per-match replacements, shorter, as long as or longer than the matches, or empty. */
function randomPlan(rand: () => number, matches: MatchList): { plan: ReplacePlan; of: (i: number) => string } {
  const shape = randInt(rand, 4);
  if (shape === 0) {
    const constant = randomText(rand, PUT, randInt(rand, 6));
    return { plan: { query: QUERY, constant, replacementOf: () => constant }, of: () => constant };
  }
  const byOffset = new Map<number, string>();
  const each: string[] = [];
  for (let i = 0; i < matches.count; i++) {
    const length = shape === 1 ? matches.length(i) : shape === 2 ? randInt(rand, 3) : randInt(rand, 12);
    each.push(randomText(rand, PUT, length));
    byOffset.set(matches.offset(i), each[i]);
  }
  return { plan: { query: QUERY, constant: undefined, replacementOf: (_, offset) => byOffset.get(offset)! }, of: (i) => each[i] };
}

function replaced(content: Buffer, matches: MatchList, of: (i: number) => string): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < matches.count; i++) {
    parts.push(content.subarray(at, matches.offset(i)), Buffer.from(of(i)));
    at = matches.offset(i) + matches.length(i);
  }
  parts.push(content.subarray(at));
  return Buffer.concat(parts);
}

/** The content as a search reads it: the packed segments over the file. */
function searched(table: PieceTable, file: Buffer): Buffer {
  const segments = segmentsOf(table);
  if (!segments) return file;
  const parts: Uint8Array[] = [];
  for (let i = 0; i < segments.inFile.length; i++) {
    const from = segments.start[i];
    parts.push((segments.inFile[i] ? file : segments.data).subarray(from, from + segments.length[i]));
  }
  return Buffer.concat(parts);
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Everything a reader of `text` sees, against `expected`. */
function check(rand: () => number, text: EditedText, expected: Buffer, file: Buffer, where: string): void {
  text.invalidate();
  assert.strictEqual(text.size, expected.length, `${where}: size`);
  assert.ok(text.read(0, text.size).equals(expected), `${where}: whole content`);
  for (let probe = 0; probe < 20; probe++) {
    const from = randInt(rand, expected.length + 1);
    const length = randInt(rand, Math.min(expected.length - from, probe < 10 ? 8 : 5000) + 1);
    assert.ok(text.read(from, length).equals(expected.subarray(from, from + length)), `${where}: read ${from} + ${length}`);
  }
  assert.ok(searched(text.table, file).equals(expected), `${where}: search segments`);
  const lines = naiveLines(expected);
  if (expected.length === 0 || expected[expected.length - 1] === 0x0a) lines.push({ start: expected.length, end: expected.length });
  assert.strictEqual(text.availableLines(), lines.length, `${where}: line count`);
  const newlines: number[] = [];
  for (let at = expected.indexOf(0x0a); at >= 0; at = expected.indexOf(0x0a, at + 1)) newlines.push(at);
  for (let probe = 0; probe < 12; probe++) {
    const n = probe === 0 ? lines.length - 1 : randInt(rand, lines.length);
    const b = text.lineBounds(n);
    assert.deepStrictEqual([b.start, b.end], [lines[n].start, lines[n].end], `${where}: line ${n}`);
    if (expected.length > 0) {
      const offset = randInt(rand, expected.length);
      assert.strictEqual(text.lineOfOffset(offset), countBelow(newlines, offset), `${where}: line of offset ${offset}`);
    }
  }
}

/** One undoable step: the edit, the content before and after it, and the shifts marks heard when it was made. */
interface Step {
  edit: TextEdit;
  before: Buffer;
  after: Buffer;
  shifts: Shift[] | undefined;
}

/**
 * Random Replace Alls (constant and per-match) and edits typed anywhere, each checked
 * against the reference; then everything undone and redone, step by step. Returns the
 * steps, the last one's content last.
 */
function randomSession(rand: () => number, text: EditedText, original: Buffer, where: string, spacing?: number): Step[] {
  const steps: Step[] = [];
  let expected: Buffer = Buffer.from(original);
  const heard: Shift[] = [];
  text.table.onShift = (offset, removed, inserted) => heard.push([offset, removed, inserted]);
  const stepCount = 1 + randInt(rand, 6);
  for (let s = 0; s < stepCount; s++) {
    const before = expected;
    heard.length = 0;
    let edit: TextEdit;
    let shifts: Shift[] | undefined;
    if (s === 0 || rand() < 0.35) {
      const matches = randomMatches(rand, expected.length, spacing);
      const { plan, of } = randomPlan(rand, matches);
      const result = replaceAll(text, matches, plan);
      if (!result) continue;
      edit = result.edit;
      expected = replaced(expected, matches, of);
      shifts = [];
      for (let i = matches.count - 1; i >= 0; i--) shifts.push([matches.offset(i), matches.length(i), Buffer.byteLength(of(i))]);
      assert.deepStrictEqual(heard.filter(([, removed, inserted]) => removed + inserted > 0), shifts.filter(([, removed, inserted]) => removed + inserted > 0), `${where} step ${s}: marks hear each change`);
    } else {
      const offset = randInt(rand, expected.length + 1);
      const gone = randInt(rand, Math.min(expected.length - offset, 10) + 1);
      const bytes = Buffer.from(randomText(rand, PUT + CONTENT, randInt(rand, 4)));
      edit = replaceRange(text.table, 'replace', offset, gone, bytes);
      expected = Buffer.concat([expected.subarray(0, offset), bytes, expected.subarray(offset + gone)]);
    }
    steps.push({ edit, before, after: expected, shifts });
    check(rand, text, expected, original, `${where} step ${s}`);
  }
  for (let s = steps.length - 1; s >= 0; s--) {
    heard.length = 0;
    undoEdit(text.table, steps[s].edit);
    const back = steps[s].shifts?.map(([at, removed, inserted]) => [at, inserted, removed]).reverse();
    if (back) assert.deepStrictEqual(heard.filter(([, a, b]) => a + b > 0), back.filter(([, a, b]) => a + b > 0), `${where}: undo ${s} moves marks back`);
    check(rand, text, steps[s].before, original, `${where}: undo ${s}`);
  }
  for (let s = 0; s < steps.length; s++) {
    redoEdit(text.table, steps[s].edit);
    check(rand, text, steps[s].after, original, `${where}: redo ${s}`);
  }
  text.table.onShift = undefined;
  return steps;
}

function textOver(original: Buffer, table = new Table({ read: (offset, length) => Buffer.from(original.subarray(offset, offset + length)) }, original.length)): EditedText {
  return new EditedText(new MemoryIndex(original), table);
}

/** Matches of 'Q' a search finds in `file`, edited by `table` when given. */
async function countQ(file: string, table?: PieceTable): Promise<number> {
  let found = 0;
  await searchFile({ path: file, segments: table && segmentsOf(table), query: { kind: 'text', text: 'Q', matchCase: true, wholeWord: false }, onMatches: (batch) => { found += batch.length; } });
  return found;
}

describe('Replace All as one compact run (differential)', () => {
  it('reads, numbers lines, searches, undoes, redoes and moves marks as a Buffer reference does, on 2,000 random cases', function () {
    this.timeout(300_000);
    for (let seed = 1; seed <= 2000; seed++) {
      const rand = random(seed);
      // Mostly small, for the edges; some past the size whose lines are counted at checkpoints (64 matches, 4 KiB).
      const size = rand() < 0.97 ? randInt(rand, 120) : 4096 + randInt(rand, 8000);
      const original = Buffer.from(randomText(rand, CONTENT, size));
      randomSession(rand, textOver(original), original, `seed ${seed}`);
    }
  });

  it('gaps and reads longer than a window of the file (1 MiB) are read and counted part by part', function () {
    this.timeout(300_000);
    for (let seed = 1; seed <= 4; seed++) {
      const rand = random(20_000 + seed);
      const original = Buffer.from(randomText(rand, CONTENT, 1_300_000 + randInt(rand, 500_000)));
      randomSession(rand, textOver(original), original, `seed ${seed}`, seed % 2 === 0 ? 1_200_000 : 100_000);
    }
  });

  it('counts the lines in a run only once the file it reads is indexed that far', () => {
    const original = Buffer.from('ab\nERROR x\n'.repeat(2000));
    const full = new MemoryIndex(original);
    let indexed = 0;
    // The memory index as a LineIndex is while it scans: lines known up to `indexed` bytes.
    const index = Object.create(full, {
      complete: { get: () => indexed >= original.length },
      knownNewlines: { get: () => full.newlinesBefore(indexed) },
      lineCount: { get: () => (indexed >= original.length ? full.lineCount : undefined) },
      progress: { get: () => ({ fileSize: original.length, indexedBytes: indexed, scannedBytes: indexed, complete: indexed >= original.length }) },
    }) as IndexedLines;
    const text = new EditedText(index, new Table({ read: (offset, length) => Buffer.from(original.subarray(offset, offset + length)) }, original.length));
    const matches = new MatchList();
    text.table.insert(0, Buffer.from('top\n'));
    for (let at = original.indexOf('ERROR'); at >= 0; at = original.indexOf('ERROR', at + 1)) matches.add(4 + at, 5);
    replaceAll(text, matches, { query: QUERY, constant: 'OK\n', replacementOf: () => 'OK\n' });
    const expected = Buffer.from(`top\n${'ab\nOK\n x\n'.repeat(2000)}`);
    // The run reads the file up to its last match's end.
    const runEnd = original.lastIndexOf('ERROR') + 5;
    for (indexed of [0, 5000, runEnd - 1]) {
      text.invalidate();
      assert.strictEqual(text.availableLines(), indexed >= 3 ? 2 : 1, `indexed ${indexed}: only the lines before the run are known`);
      assert.throws(() => text.lineOfOffset(100), /not indexed yet/);
    }
    indexed = original.length;
    check(random(1), text, expected, original, 'indexed');
  });

  it('saves the bytes of the reference through the real save engine, also after undo across the save', async function () {
    this.timeout(300_000);
    for (let seed = 1; seed <= 40; seed++) {
      const rand = random(10_000 + seed);
      const size = rand() < 0.8 ? randInt(rand, 300) : 4096 + randInt(rand, 8000);
      const original = Buffer.from(randomText(rand, CONTENT, size));
      const file = tempFile(`s${seed}.txt`, original);
      const table = new Table(fileSource(file), original.length);
      const steps = randomSession(rand, textOver(original, table), original, `seed ${seed}`);
      const expected = steps.length > 0 ? steps[steps.length - 1].after : original;
      const qs = expected.filter((byte) => byte === 0x51).length;
      // A search starts a worker (a quarter of a second): every tenth case.
      const search = seed % 10 === 0;
      if (search) assert.strictEqual(await countQ(file, table), qs, `seed ${seed}: search of the edited content`);
      const finish = rebaseForSave(table, steps.map((s) => s.edit));
      const stat = fs.statSync(file);
      await saveInPlace(planOf(file, table, { size: stat.size, mtimeMs: stat.mtimeMs }), { hooks: { applyIn: 'inline' } });
      assert.ok(fs.readFileSync(file).equals(expected), `seed ${seed}: saved bytes`);
      if (search) assert.strictEqual(await countQ(file), qs, `seed ${seed}: search of the saved file`);
      let rebased = finish();
      table.reset(expected.length);
      for (let s = steps.length - 1; s >= 0; s--) {
        undoEdit(table, rebased[s]!);
        assert.ok(table.read(0, table.size).equals(steps[s].before), `seed ${seed}: undo ${s} after the save`);
      }
      // Saved again half undone (auto-save), then all redone, then undone again.
      const half = Math.floor(steps.length / 2);
      for (let s = 0; s < half; s++) redoEdit(table, rebased[s]!);
      const again = rebaseForSave(table, rebased.map((edit) => edit!));
      const now = fs.statSync(file);
      await saveInPlace(planOf(file, table, { size: now.size, mtimeMs: now.mtimeMs }), { hooks: { applyIn: 'inline' } });
      const halfContent = half > 0 ? steps[half - 1].after : original;
      assert.ok(fs.readFileSync(file).equals(halfContent), `seed ${seed}: saved half undone`);
      rebased = again();
      table.reset(halfContent.length);
      for (let s = half; s < steps.length; s++) {
        redoEdit(table, rebased[s]!);
        assert.ok(table.read(0, table.size).equals(steps[s].after), `seed ${seed}: redo ${s} after the second save`);
      }
      for (let s = steps.length - 1; s >= 0; s--) {
        undoEdit(table, rebased[s]!);
        assert.ok(table.read(0, table.size).equals(steps[s].before), `seed ${seed}: undo ${s} after the second save`);
      }
    }
  });

  it('stays one piece for undo across saves: a range of the new file, and the run that takes it back', async () => {
    const original = Buffer.from('ab ERROR x\n'.repeat(5000));
    const file = tempFile('undo.txt', original);
    const table = new Table(fileSource(file), original.length);
    const text = textOver(original, table);
    const matches = new MatchList();
    for (let at = original.indexOf('ERROR'); at >= 0; at = original.indexOf('ERROR', at + 1)) matches.add(at, 5);
    let edit = replaceAll(text, matches, { query: QUERY, constant: 'FAILURE', replacementOf: () => 'FAILURE' })!.edit;
    const save = async (): Promise<void> => {
      const finish = rebaseForSave(table, [edit]);
      const stat = fs.statSync(file);
      await saveInPlace(planOf(file, table, { size: stat.size, mtimeMs: stat.mtimeMs }), { hooks: { applyIn: 'inline' } });
      edit = finish()[0]!;
      table.reset(fs.statSync(file).size);
    };
    await save();
    assert.deepStrictEqual([edit.inserted.length, edit.removed.length, edit.removed[0].source], [1, 1, 'replaced'], 'after the save');
    undoEdit(table, edit);
    await save();
    assert.ok(fs.readFileSync(file).equals(original), 'undone and saved');
    assert.deepStrictEqual([edit.inserted.length, edit.removed.length, edit.inserted[0].source], [1, 1, 'replaced'], 'after the second save');
    redoEdit(table, edit);
    assert.ok(table.read(0, table.size).equals(Buffer.from('ab FAILURE x\n'.repeat(5000))));
  });

  it('a same-length replacement writes only the matches, and one Replace All is one piece however many matches', () => {
    const original = Buffer.from('x'.repeat(1 << 20));
    const text = textOver(original);
    const matches = new MatchList();
    for (let at = 1000; at < original.length; at += 100_000) matches.add(at, 5);
    replaceAll(text, matches, { query: QUERY, constant: 'ERROR', replacementOf: () => 'ERROR' });
    assert.strictEqual(text.table.list().length, 3, 'the file before, the run, the file after');
    const plan = planOf('unused', text.table, { size: original.length, mtimeMs: 0 });
    const writes = layoutOf(plan.segments, original.length).writes;
    assert.deepStrictEqual(writes, Array.from({ length: matches.count }, (_, i) => ({ start: matches.offset(i), end: matches.offset(i) + 5 })));
  });
});
