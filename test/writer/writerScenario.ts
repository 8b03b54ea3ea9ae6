// The writer of a log is never blocked by the viewer: a second process (writerAgent.js)
// appends, truncates, renames, deletes and re-creates the file while this process holds
// it as the editor does (a fully indexed line index, a view reading lines, a running
// search). The API comes in as an argument, so the same scenario runs on the sources
// (unit tests) and on a package's bundles (the Windows payload under Wine).
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { LineIndex } from '../../src/lines';
import type { searchFile } from '../../src/search';

export interface WriterScenarioApi {
  LineIndex: typeof LineIndex;
  searchFile: typeof searchFile;
}

/** One thing the writer did, what the reader held meanwhile, and how it went. */
export interface WriterStep {
  op: string;
  holding: string;
  ok: boolean;
  code?: string;
  message?: string;
  /** What the index saw after it (LineIndex.refresh). */
  refresh?: string;
}

const LINES = 200_000;

/** Runs the scenario in `dir` (a fresh folder) with `node` running the agent; returns every step. */
export async function writerScenario(api: WriterScenarioApi, dir: string, node = process.execPath): Promise<WriterStep[]> {
  const file = path.join(dir, 'app.log');
  const control = path.join(dir, 'control');
  fs.mkdirSync(control);
  fs.writeFileSync(file, Array.from({ length: LINES }, (_, i) => `2026-12-07T03:00:00.${String(i % 1000).padStart(3, '0')}Z INFO request ${i} served in ${i % 97} ms\n`).join(''));
  const agent = spawn(node, [path.join(__dirname, 'writerAgent.js'), control], { stdio: 'ignore' });
  const agentExit = new Promise<number | null>((resolve) => agent.on('exit', resolve));
  let order = 0;
  const send = (op: string, target: string, arg?: string | number) => {
    const n = ++order;
    fs.writeFileSync(path.join(control, `go-${n}.tmp`), JSON.stringify({ op, file: target, arg }));
    fs.renameSync(path.join(control, `go-${n}.tmp`), path.join(control, `go-${n}.json`));
    return n;
  };
  const writer = async (op: string, target: string, arg?: string | number) => {
    const n = send(op, target, arg);
    const answer = path.join(control, `result-${n}.json`);
    for (const deadline = Date.now() + 60_000; !fs.existsSync(answer);) {
      if (Date.now() > deadline) throw new Error(`the writer process did not answer '${op}' within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return JSON.parse(fs.readFileSync(answer, 'utf8')) as { ok: boolean; code?: string; message?: string };
  };
  const steps: WriterStep[] = [];
  const index = api.LineIndex.open(file, { workers: 1 });
  try {
    await index.whenComplete();
    const view = () => {
      const middle = index.lineBounds(Math.floor((index.lineCount ?? 1) / 2));
      index.read(middle.start, middle.end - middle.start);
    };
    const step = async (op: string, holding: string, target: string, arg?: string | number) => {
      view();
      const result = await writer(op, target, arg);
      const done: WriterStep = { op, holding, ...result };
      steps.push(done);
      return done;
    };
    const refreshed = async (done: WriterStep) => {
      done.refresh = index.refresh();
      await index.whenComplete();
    };

    await refreshed(await step('append', 'an indexed file and a view', file, 'one more line\n'));
    // A slow regex keeps the search reading while the writer truncates.
    let searching = true;
    const search = api.searchFile({ path: file, query: { kind: 'regex', source: '(\\d+\\s*)+ms$', matchCase: true }, lines: true })
      .then(() => 'finished', (err: NodeJS.ErrnoException) => err.code ?? err.message)
      .finally(() => { searching = false; });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const truncate = await step('truncate', 'an indexed file, a view and a running search', file, Math.floor(fs.statSync(file).size / 2));
    truncate.holding += searching ? '' : ' (it ended before the truncate)';
    const searchEnd = await search;
    if (searchEnd !== 'finished' && searchEnd !== 'EFAULT') truncate.message = `the search failed with ${searchEnd}`;
    await refreshed(truncate);
    await step('rename', 'an indexed file and a view', file, `${file}.1`);
    await step('delete', 'the renamed file, indexed, and a view', `${file}.1`);
    await refreshed(await step('create', 'the index of the deleted file', file, 'a new log\n'));
  } finally {
    index.dispose();
    send('exit', file);
    await Promise.race([agentExit, new Promise((resolve) => setTimeout(resolve, 5000))]);
    agent.kill();
  }
  return steps;
}
