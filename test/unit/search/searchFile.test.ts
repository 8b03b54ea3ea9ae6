import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeLog } from '../../../scripts/make-log';
import { filterFile, LineRun } from '../../../src/search/filterFile';
import { SearchQuery } from '../../../src/search/query';
import { Match, SearchProgress, searchFile } from '../../../src/search/searchFile';
import { random, tempFile } from '../testUtil';
import { naiveFilter, naiveSearch, withLines } from './naive';
import { randomText } from './randomInputs';

/** True while this process maps `file` (the worker threads share the process's address space). */
/** Whether this process holds `file`: maps it, or has it open (plain reads: see fileReaders). */
function held(file: string): boolean {
  const real = fs.realpathSync(file);
  if (fs.readFileSync('/proc/self/maps', 'utf8').split('\n').some((line) => line.endsWith(` ${real}`))) return true;
  return fs.readdirSync('/proc/self/fd').some((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === real;
    } catch {
      return false; // closed meanwhile
    }
  });
}

async function until(condition: () => boolean, ms: number): Promise<number> {
  const t0 = Date.now();
  while (!condition()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
  return Date.now() - t0;
}

/** A regex the engine runs at a few hundred MB/s on these logs and that never matches: slow enough to cancel mid-way. */
const SLOW: SearchQuery = { kind: 'regex', source: '[a-z]+ [a-z]+ took=9999999ms', matchCase: true };

describe('searchFile and filterFile (worker thread)', function () {
  this.timeout(120000);
  let bigDir: string;
  let big: string;

  before(() => {
    bigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-search-'));
    big = path.join(bigDir, 'big.log');
    makeLog(big, 160 * 1024 * 1024);
  });

  after(() => fs.rmSync(bigDir, { recursive: true, force: true }));

  it('streams the same matches as the reference, in batches, with progress, over several windows', async () => {
    const rand = random(7);
    const buf = randomText(rand, 2 * 1024 * 1024 + 12345, 60);
    const file = tempFile('two-mib.txt', buf);
    for (const query of [
      { kind: 'text', text: 'ab', matchCase: false, wholeWord: true },
      { kind: 'regex', source: 'é\\w?$', matchCase: true },
      { kind: 'bytes', pattern: [0x0d, 0x0a, null, 0x61] },
    ] as SearchQuery[]) {
      const batches: Match[][] = [];
      const progress: SearchProgress[] = [];
      const result = await searchFile({ path: file, query, lines: true, onMatches: (b) => batches.push(b), onProgress: (p) => progress.push(p) });
      const want = withLines(buf, naiveSearch(buf, query));
      assert.deepStrictEqual(batches.flat(), want, JSON.stringify(query));
      assert.ok(batches.length > 1 || want.length <= 4096, 'big result sets arrive in batches');
      assert.deepStrictEqual(result, { matches: want.length, matchingLines: new Set(want.map((m) => m.line)).size, scannedBytes: buf.length, stoppedEarly: false });
      assert.ok(progress.length >= 1 && progress.every((p) => p.totalBytes === buf.length));
      assert.strictEqual(progress[progress.length - 1].scannedBytes, buf.length);
    }
  });

  it('finds next and previous from an offset, with a known first line', async () => {
    const buf = Buffer.from('x\nfoo\nbar foo\nfoo baz\n');
    const file = tempFile('next.txt', buf);
    const query: SearchQuery = { kind: 'text', text: 'foo', matchCase: true, wholeWord: false };
    const seen: Match[] = [];
    const next = await searchFile({ path: file, query, from: 3, maxMatches: 1, lines: true, firstLine: 1, onMatches: (b) => seen.push(...b) });
    assert.deepStrictEqual(seen, [{ offset: 10, length: 3, line: 2 }]);
    assert.strictEqual(next.stoppedEarly, true);
    const previous: Match[] = [];
    await searchFile({ path: file, query, to: 14, maxMatches: 1, backwards: true, onMatches: (b) => previous.push(...b) });
    assert.deepStrictEqual(previous, [{ offset: 10, length: 3 }]);
  });

  it('searches an edited document: segments cross into the worker', async () => {
    const file = tempFile('doc.txt', 'alpha beta\ngamma\n');
    // "alpha " + "NEW beta-ish\n" (typed, in memory) + "gamma\n"
    const segments = [
      { kind: 'file', start: 0, length: 6 }, { kind: 'bytes', data: Buffer.from('NEW beta-ish\n') }, { kind: 'file', start: 11, length: 6 },
    ] as const;
    const seen: Match[] = [];
    const result = await searchFile({ path: file, segments: [...segments], query: { kind: 'regex', source: 'beta|gamma', matchCase: true }, lines: true, onMatches: (b) => seen.push(...b) });
    assert.deepStrictEqual(seen, [{ offset: 10, length: 4, line: 0 }, { offset: 19, length: 5, line: 1 }]);
    assert.strictEqual(result.scannedBytes, 25);
  });

  it('filters in the worker like the reference, with small windows (limits for tests)', async () => {
    const rand = random(8);
    const buf = randomText(rand, 200000, 100);
    const file = tempFile('filter.txt', buf);
    const include: SearchQuery[] = [{ kind: 'regex', source: 'a.b', matchCase: false }, { kind: 'text', text: 'é', matchCase: true, wholeWord: false }];
    const exclude: SearchQuery[] = [{ kind: 'text', text: 'k', matchCase: false, wholeWord: true }];
    const runs: LineRun[] = [];
    const result = await filterFile({ path: file, include, exclude, onLines: (r) => runs.push(...r) }, { chunk: 4096, block: 512, overlap: 64 });
    const want = naiveFilter(buf, include, exclude);
    assert.deepStrictEqual(runs, want);
    assert.deepStrictEqual(result, { lines: want.reduce((n, r) => n + r.count, 0), runs: want.length });
  });

  it('cancels promptly: rejects with an AbortError and the worker lets go of the file', async () => {
    const controller = new AbortController();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const search = searchFile({ path: big, query: SLOW, signal: controller.signal, onProgress: () => started() });
    await running;
    assert.ok(held(big), 'the worker holds the file while searching');
    const t0 = Date.now();
    controller.abort();
    await assert.rejects(search, { name: 'AbortError' });
    const rejected = Date.now() - t0;
    const unmapped = await until(() => !held(big), 1000);
    assert.ok(rejected < 100, `rejected after ${rejected} ms`);
    // Typically a few ms; the bound leaves room for a busy 2-core machine.
    assert.ok(unmapped < 250, `worker let go of the file after ${unmapped} ms`);
  });

  it('rejects at once for an aborted signal, a bad query, a missing file, or bad offsets', async () => {
    const file = tempFile('small.txt', 'abc\n');
    const query: SearchQuery = { kind: 'text', text: 'b', matchCase: true, wholeWord: false };
    await assert.rejects(searchFile({ path: file, query, signal: AbortSignal.abort() }), { name: 'AbortError' });
    await assert.rejects(searchFile({ path: file, query: { kind: 'regex', source: '(', matchCase: true } }), SyntaxError);
    await assert.rejects(searchFile({ path: file, query: { kind: 'bytes', pattern: [] } }), TypeError);
    await assert.rejects(searchFile({ path: `${file}.missing`, query }), { code: 'ENOENT' });
    await assert.rejects(searchFile({ path: file, query, from: 3, to: 2 }), { code: 'ERR_OUT_OF_RANGE' });
    await assert.rejects(searchFile({ path: file, query, to: 5 }), { code: 'ERR_OUT_OF_RANGE' });
    await assert.rejects(searchFile({ path: file, query, maxMatches: 0 }), { code: 'ERR_OUT_OF_RANGE' });
    await assert.rejects(searchFile({ path: file, query, segments: [{ kind: 'file', start: 0, length: 5 }] }), { code: 'ERR_OUT_OF_RANGE' });
    await assert.rejects(filterFile({ path: file, include: [query, { kind: 'text' } as SearchQuery], exclude: [] }), TypeError);
  });

  it('gives a clear EFAULT error, not a crash, when the file is truncated while searching', async () => {
    const victim = path.join(bigDir, 'victim.log');
    fs.copyFileSync(big, victim);
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const search = searchFile({ path: victim, query: SLOW, onProgress: () => started() });
    await running;
    fs.truncateSync(victim, 1024 * 1024);
    await assert.rejects(search, (err: NodeJS.ErrnoException) => {
      assert.strictEqual(err.code, 'EFAULT');
      assert.match(err.message, /shrank while it was being searched/);
      assert.strictEqual(err.path, victim);
      return true;
    });
    await until(() => !held(victim), 1000);
  });

  it('ends the search with the error of a throwing callback', async () => {
    const file = tempFile('cb.txt', 'a\na\n');
    const query: SearchQuery = { kind: 'text', text: 'a', matchCase: true, wholeWord: false };
    await assert.rejects(searchFile({ path: file, query, onMatches: () => { throw new Error('from the callback'); } }), /from the callback/);
  });
});
