#!/usr/bin/env node
// Mapped against plain reads (see src/lines/readers/fileReaders.ts: Windows reads
// without mappings so the program writing a log is never blocked), on this machine,
// with `wc -l` and `grep -c -F` in the same run. Each mode runs in its own process
// (HUGEFILE_READS is read at load); page cache hot, best of 3.
// Usage: node scripts/bench-readers.js [FILE]   (npm run bench:readers; 1 GiB log if no FILE)
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { bestOf } = require('./bestOf');

const ROUNDS = 3;
const PROBES = 20000;

async function child(file) {
  const { LineIndex } = require('../dist/lines.js');
  const { searchFile } = require('../dist/search.js');
  const best = async (run) => {
    let seconds = Infinity;
    let result;
    for (let i = 0; i <= ROUNDS; i++) {
      const t0 = process.hrtime.bigint();
      result = await run();
      if (i > 0) seconds = Math.min(seconds, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return { seconds, result };
  };
  const index = await best(async () => {
    const idx = LineIndex.open(file, { workers: 2 });
    await idx.whenComplete();
    const lines = idx.lineCount;
    idx.dispose();
    return lines;
  });
  const search = await best(async () => (await searchFile({ path: file, query: { kind: 'text', text: 'ERROR', matchCase: true, wholeWord: false }, lines: true })).matchingLines);
  const idx = LineIndex.open(file, { workers: 2 });
  await idx.whenComplete();
  let state = 12345;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const t0 = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < PROBES; i++) {
    const { start, end } = idx.lineBounds(Math.floor(random() * idx.lineCount));
    bytes += idx.read(start, end - start).length;
  }
  const lineReadUs = Number(process.hrtime.bigint() - t0) / 1000 / PROBES;
  idx.dispose();
  process.stdout.write(JSON.stringify({ index, search, lineReadUs, bytes }));
}

function main(file) {
  if (!fs.existsSync(file)) {
    console.log(`generating ${file} ...`);
    require('./make-log').makeLog(file, 2 ** 30);
  }
  const size = fs.statSync(file).size;
  const wc = bestOf(() => Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).trim().split(/\s+/)[0]), ROUNDS);
  const grep = bestOf(() => Number(execFileSync('grep', ['-c', '-F', 'ERROR', file], { encoding: 'utf8' }).trim()), ROUNDS);
  const modes = Object.fromEntries(['mapped', 'plain'].map((mode) => [mode, JSON.parse(execFileSync(process.execPath, [__filename, '--child', file], {
    encoding: 'utf8', env: { ...process.env, HUGEFILE_READS: mode }, maxBuffer: 1 << 20,
  }))]));
  const { mapped, plain } = modes;
  console.log(`file: ${file} (${(size / 1024 ** 3).toFixed(2)} GiB, ${wc.result} lines), ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`);
  console.log('| measurement | reference | mapped reads | plain reads | plain / mapped time |');
  console.log('| --- | --- | --- | --- | --- |');
  const row = (name, ref, m, p, unit) => console.log(`| ${name} | ${ref} | ${m.toFixed(3)} ${unit} | ${p.toFixed(3)} ${unit} | ${(p / m).toFixed(2)} |`);
  row('line index, 2 workers', `wc -l ${wc.seconds.toFixed(3)} s`, mapped.index.seconds, plain.index.seconds, 's');
  row('search "ERROR", matching lines', `grep -c -F ${grep.seconds.toFixed(3)} s`, mapped.search.seconds, plain.search.seconds, 's');
  row(`read one random line (${PROBES.toLocaleString('en-US')} lines)`, '', mapped.lineReadUs, plain.lineReadUs, 'us');
  console.log(`vs wc -l: mapped ${(wc.seconds / mapped.index.seconds).toFixed(2)}x, plain ${(wc.seconds / plain.index.seconds).toFixed(2)}x; vs grep -c -F: mapped ${(grep.seconds / mapped.search.seconds).toFixed(2)}x, plain ${(grep.seconds / plain.search.seconds).toFixed(2)}x`);
  const agree = [mapped, plain].every((m) => m.index.result === wc.result && m.search.result === grep.result && m.bytes === mapped.bytes);
  console.log(`counts agree with wc and grep, and both modes read the same bytes: ${agree ? 'yes' : 'NO'}`);
  if (!agree) process.exitCode = 1;
}

if (process.argv[2] === '--child') void child(process.argv[3]);
else main(process.argv[2] ?? path.join(os.tmpdir(), 'hugefile-log-1g.log'));
