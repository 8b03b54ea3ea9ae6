#!/usr/bin/env node
// The search engine against GNU grep, in one run, page cache hot (each contender runs
// once to warm up, then the best of 3 rounds, taken in turn, counts). Every count of matching lines is checked
// against grep's. Usage: node scripts/bench-grep.js [FILE]  (npm run bench:grep builds
// first and generates a 2 GiB log in .cache/bench/ if FILE is not given).
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { makeLog } = require('./make-log');
const { searchFile, filterFile } = require('../dist/search.js');

const repo = path.resolve(__dirname, '..');
const file = process.argv[2] ?? path.join(repo, '.cache', 'bench', 'grep-2g.log');
if (!fs.existsSync(file)) {
  console.log(`generating ${file} ...`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  makeLog(file, 2 * 1024 ** 3);
}
const bytes = fs.statSync(file).size;
const cli = path.join(repo, 'dist', 'cli.js');
const ROUNDS = 3;

/**
 * Runs every contender once to warm up, then ROUNDS times in turn (so that load from
 * other processes hits them alike), and keeps each one's best time and its result.
 */
async function bestOf(contenders) {
  const out = {};
  for (const [name, run] of Object.entries(contenders)) out[name] = { result: await run(), seconds: Infinity };
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, run] of Object.entries(contenders)) {
      const t0 = process.hrtime.bigint();
      out[name].result = await run();
      out[name].seconds = Math.min(out[name].seconds, Number(process.hrtime.bigint() - t0) / 1e9);
    }
  }
  return out;
}

/** grep -c: matching lines (grep exits 1 when there are none). */
function grepCount(args) {
  try {
    return Number(execFileSync('grep', ['-c', ...args, file], { encoding: 'utf8' }).trim());
  } catch (err) {
    if (err.status === 1) return 0;
    throw err;
  }
}

function cliCount(args) {
  try {
    return Number(execFileSync(process.execPath, [cli, 'grep', file, ...args, '--count'], { encoding: 'utf8' }).trim());
  } catch (err) {
    if (err.status === 1) return Number(err.stdout.trim());
    throw err;
  }
}

async function main() {
  const lines = Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
  const rare = `#${lines - 5} `; // the make-log line numbers: one line, near the end
  const common = 'INFO  [worker-2]'; // about 1 % of make-log's lines
  const cases = [
    { name: `literal near the end (${JSON.stringify(rare)})`, grep: ['-F', rare], query: { kind: 'text', text: rare, matchCase: true, wholeWord: false }, cli: [rare] },
    { name: `literal on ~1 % of lines (${JSON.stringify(common)})`, grep: ['-F', common], query: { kind: 'text', text: common, matchCase: true, wholeWord: false }, cli: [common] },
    { name: 'regex took=4[0-9]ms', grep: ['-E', 'took=4[0-9]ms'], query: { kind: 'regex', source: 'took=4[0-9]ms', matchCase: true }, cli: ['took=4[0-9]ms', '--regex'] },
    { name: 'regex ERROR \\[worker-1[0-5]\\] .*timeout', grep: ['-E', 'ERROR \\[worker-1[0-5]\\] .*timeout'], query: { kind: 'regex', source: 'ERROR \\[worker-1[0-5]\\] .*timeout', matchCase: true }, cli: ['ERROR \\[worker-1[0-5]\\] .*timeout', '--regex'] },
    { name: `literal, ignore case (${JSON.stringify(common.toLowerCase())})`, grep: ['-F', '-i', common.toLowerCase()], query: { kind: 'text', text: common.toLowerCase(), matchCase: false, wholeWord: false }, cli: [common.toLowerCase(), '--ignore-case'] },
    // Find bytes (the hex view, issue #6): the same bytes as hex patterns, against grep -c -F for them.
    { name: `hex bytes of ${JSON.stringify(rare)}`, grep: ['-F', rare], query: { kind: 'bytes', pattern: [...Buffer.from(rare)] } },
    { name: `hex bytes of ${JSON.stringify(common)} with a ?? wildcard`, grep: ['-F', common], query: { kind: 'bytes', pattern: [...Buffer.from(common)].map((b, i) => (i === 1 ? null : b)) } },
  ];
  const gb = (s) => (bytes / s / 1e9).toFixed(2);
  const rows = [];
  let agree = true;
  for (const c of cases) {
    const text = c.query.kind !== 'bytes'; // filters and the CLI's --count are for text searches
    const { ref, search, filter, command } = await bestOf({
      ref: () => grepCount(c.grep),
      search: () => searchFile({ path: file, query: c.query, lines: true }).then((r) => r.matchingLines),
      ...(text && {
        filter: () => filterFile({ path: file, include: [c.query], exclude: [] }).then((r) => r.lines),
        command: () => cliCount(c.cli),
      }),
    });
    rows.push(`| ${c.name}: \`grep -c ${c.grep.join(' ')}\` | ${ref.seconds.toFixed(3)} | ${gb(ref.seconds)} | 1.00x | ${ref.result} |`);
    const measured = [['searchFile, in process (worker thread), line numbers', search], ['filterFile, in process (worker thread)', filter], ['`hugefile grep --count` (CLI process)', command]];
    for (const [label, r] of measured.filter(([, r]) => r)) {
      rows.push(`| ${label} | ${r.seconds.toFixed(3)} | ${gb(r.seconds)} | ${(ref.seconds / r.seconds).toFixed(2)}x | ${r.result} |`);
      if (r.result !== ref.result) agree = false;
    }
  }
  // A filter that keeps most lines: everything but the INFO lines, against grep -v.
  const info = { kind: 'text', text: 'INFO ', matchCase: true, wholeWord: false };
  const { refV, filterV } = await bestOf({
    refV: () => grepCount(['-v', '-F', 'INFO ']),
    filterV: () => filterFile({ path: file, include: [], exclude: [info] }).then((r) => r.lines),
  });
  rows.push(`| filter: all lines but "INFO ", \`grep -c -v -F 'INFO '\` | ${refV.seconds.toFixed(3)} | ${gb(refV.seconds)} | 1.00x | ${refV.result} |`);
  rows.push(`| filterFile, in process (worker thread), exclude only | ${filterV.seconds.toFixed(3)} | ${gb(filterV.seconds)} | ${(refV.seconds / filterV.seconds).toFixed(2)}x | ${filterV.result} |`);
  if (filterV.result !== refV.result) agree = false;

  const grepVersion = execFileSync('grep', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  console.log(`file: ${file} (${(bytes / 1024 ** 3).toFixed(2)} GiB, ${lines} lines), ${os.cpus().length} cores, ${grepVersion}, LANG=${process.env.LANG ?? ''}, ${new Date().toISOString()}`);
  console.log('| measurement | seconds | GB/s | vs grep (throughput) | matching lines |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(`counts agree with grep: ${agree ? 'yes' : 'NO'}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
