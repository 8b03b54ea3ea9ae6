/**
 * What Replace All costs in the editor (#17), on a log with as many matches as the
 * editor replaces at once, against `sed -i` + `sync` on a copy in the same run: the
 * replace in the edit list, its memory per replacement (the target: 16 bytes;
 * JS heap and array buffers, the line numbers of the result included), a screen read
 * and a key press afterwards, a find over the replaced content, and the save in place.
 *   npm run bench:editor-replace
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readLineSlices } from '../src/editor/lineService';
import { segmentsOf } from '../src/editor/searchSegments';
import { EditedText } from '../src/edits/editedText';
import { PieceTable } from '../src/edits/pieceTable';
import { rebaseForSave } from '../src/edits/rebaseEdits';
import { saveInPlace } from '../src/edits/saveEngine';
import { planOf } from '../src/edits/savePlan';
import { LineIndex } from '../src/lines';
import { MatchList } from '../src/replace/matchList';
import { MAX_EACH_REPLACEMENTS, MAX_EDITOR_REPLACEMENTS, replaceAll } from '../src/replace/replaceEdits';
import { planReplace } from '../src/replace/replacePlan';
import { searchFile } from '../src/search/searchFile';

const exposed = (globalThis as { gc?: () => void }).gc;
if (!exposed) throw new Error('run with node --expose-gc (npm run bench:editor-replace does)');
const gc: () => void = exposed;
const ms = (t0: number) => performance.now() - t0;
/** Typed arrays and Buffers live outside the JS heap: both count. */
const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const TARGET_BYTES = 16;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-bench-replace-'));
  const file = path.join(dir, 'app.log');
  const content = Array.from({ length: MAX_EDITOR_REPLACEMENTS }, (_, i) => `2026-12-07T10:00:00Z ERROR worker-${i} failed: connection reset by peer\n`).join('');
  fs.writeFileSync(file, content);
  fs.copyFileSync(file, `${file}.sed`);
  execFileSync('sync');
  try {
    let t0 = performance.now();
    execFileSync('sed', ['-i', 's/ERROR/FAILURE/g', `${file}.sed`]);
    execFileSync('sync', [`${file}.sed`]);
    const sed = ms(t0);

    const index = LineIndex.open(file);
    await index.whenComplete();
    const text = new EditedText(index, new PieceTable(index, index.fileSize));
    const matches = new MatchList();
    for (let at = content.indexOf('ERROR'); at >= 0; at = content.indexOf('ERROR', at + 1)) matches.add(at, 5);
    gc();
    const heap = used();
    t0 = performance.now();
    const result = replaceAll(text, matches, planReplace({ kind: 'text', text: 'ERROR', matchCase: true, wholeWord: false }, 'FAILURE', false))!;
    text.invalidate();
    text.availableLines();
    const replace = ms(t0);
    gc();
    const perReplacement = (used() - heap) / matches.count;
    const own = await eachOwnReplacement(file, matches);
    t0 = performance.now();
    readLineSlices(text, MAX_EDITOR_REPLACEMENTS - 60, 60, 0, 4096);
    const screen = ms(t0);
    t0 = performance.now();
    text.table.insert(text.size - 10, Buffer.from('x'));
    text.invalidate();
    readLineSlices(text, MAX_EDITOR_REPLACEMENTS - 60, 60, 0, 4096);
    const key = ms(t0);
    text.table.delete(text.size - 11, 1);
    text.invalidate();
    t0 = performance.now();
    let found = 0;
    await searchFile({ path: file, segments: segmentsOf(text.table), query: { kind: 'text', text: 'FAILURE', matchCase: true, wholeWord: false }, onMatches: (b) => { found += b.length; } });
    const find = ms(t0);
    const stat = fs.statSync(file);
    t0 = performance.now();
    const finish = rebaseForSave(text.table, [result.edit]);
    await saveInPlace(planOf(file, text.table, { size: stat.size, mtimeMs: stat.mtimeMs }), {});
    finish();
    const save = ms(t0);
    const same = fs.readFileSync(file).equals(fs.readFileSync(`${file}.sed`));
    index.dispose();

    const rows: [string, string][] = [
      [`sed -i 's/ERROR/FAILURE/g' + sync (reference, ${(content.length / 1e6).toFixed(1)} MB)`, `${sed.toFixed(0)} ms`],
      [`Replace All of ${matches.count.toLocaleString('en-US')} matches in the edit list`, `${replace.toFixed(0)} ms`],
      ['then a screen (60 lines) at the end', `${screen.toFixed(1)} ms`],
      ['then a key press and that screen again', `${key.toFixed(0)} ms`],
      [`then a find over the replaced content (${found.toLocaleString('en-US')} found)`, `${find.toFixed(0)} ms`],
      [`then Ctrl+S, in place and crash-safe (${same ? 'the same bytes as sed' : 'NOT the bytes sed wrote'})`, `${save.toFixed(0)} ms`],
      ['Replace All + save against sed -i + sync', `${(sed / (replace + save)).toFixed(2)}x`],
      [`memory per replacement (target ${TARGET_BYTES} bytes)`, withTarget(perReplacement)],
      [`Replace All of the first ${own.count.toLocaleString('en-US')}, each its own replacement (preserve case)`, `${own.ms.toFixed(0)} ms`],
      ['its memory per replacement, past the replacement\'s own 7 bytes', withTarget(own.bytes)],
    ];
    for (const [what, value] of rows) console.log(`${what.padEnd(80)} ${value}`);
    if (!same || found !== matches.count) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function withTarget(bytes: number): string {
  return `${bytes.toFixed(1)} bytes (${bytes <= TARGET_BYTES ? 'within' : 'OVER'} ${TARGET_BYTES})`;
}

/**
 * Memory per replacement of a Replace All whose replacements differ (preserve case
 * makes one per match), less the replacements' own bytes, on a fresh edit list: of the
 * first of `all` matches, as many as the editor replaces so.
 */
async function eachOwnReplacement(file: string, all: MatchList): Promise<{ count: number; ms: number; bytes: number }> {
  const matches = new MatchList();
  for (let i = 0; i < Math.min(all.count, MAX_EACH_REPLACEMENTS); i++) matches.add(all.offset(i), all.length(i));
  const index = LineIndex.open(file);
  try {
    await index.whenComplete();
    const text = new EditedText(index, new PieceTable(index, index.fileSize));
    gc();
    const before = used();
    const t0 = performance.now();
    const result = replaceAll(text, matches, planReplace({ kind: 'text', text: 'ERROR', matchCase: true, wholeWord: false }, 'failure', true));
    text.invalidate();
    text.availableLines();
    const took = ms(t0);
    gc();
    const own = matches.count * 'FAILURE'.length;
    const per = (used() - before - own) / matches.count;
    if (!result || text.read(0, 100).indexOf('FAILURE') < 0) throw new Error('the preserve-case Replace All did not replace');
    return { count: matches.count, ms: took, bytes: per };
  } finally {
    index.dispose();
  }
}

void main();
