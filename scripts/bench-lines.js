#!/usr/bin/env node
// The line index against `wc -l`, in one run, page cache hot (each contender runs
// once to warm up, then the best of 3 counts). Usage: node scripts/bench-lines.js [FILE]
// (npm run bench:lines generates a 2 GiB log if FILE is not given).
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { bestOf: best } = require('./bestOf');
const { makeLog } = require('./make-log');
const { LineIndex } = require('../dist/lines.js');

const file = process.argv[2] ?? path.join(os.tmpdir(), 'hugefile-log-2g.log');
if (!fs.existsSync(file)) {
  console.log(`generating ${file} ...`);
  makeLog(file, 2 * 1024 ** 3);
}
const bytes = fs.statSync(file).size;
const cli = path.join(__dirname, '../dist/cli.js');

const wc = best(() => Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).trim().split(/\s+/)[0]));
const count = best(() => Number(execFileSync(process.execPath, [cli, 'count', file], { encoding: 'utf8' }).trim()));
const lines = wc.result;
const nearEnd = lines - 10;
const tail = best(() => execFileSync(process.execPath, [cli, 'lines', file, String(nearEnd)], { encoding: 'utf8' }));
const expectedTail = execFileSync('sed', ['-n', `${nearEnd}p`, file], { encoding: 'utf8' });

async function inProcess() {
  const t0 = process.hrtime.bigint();
  const index = LineIndex.open(file, { workers: 2 });
  await index.whenComplete();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let worst = 0;
  let sum = 0;
  const probes = 10000;
  for (let i = 0; i < probes; i++) {
    const n = Math.floor(Math.random() * index.lineCount);
    const t = process.hrtime.bigint();
    const off = index.offsetOfLine(n);
    index.lineOfOffset(off);
    const us = Number(process.hrtime.bigint() - t) / 1000;
    worst = Math.max(worst, us);
    sum += us;
  }
  const result = { seconds, lineCount: index.lineCount, memory: index.memoryBytes, avgUs: sum / probes, worstUs: worst };
  index.dispose();
  return result;
}

inProcess().then((idx) => {
  const gb = (s) => (bytes / s / 1e9).toFixed(2);
  console.log(`file: ${file} (${(bytes / 1024 ** 3).toFixed(2)} GiB, ${lines} lines), ${os.cpus().length} cores, ${new Date().toISOString()}`);
  console.log('| measurement | seconds | GB/s | vs wc -l |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| wc -l | ${wc.seconds.toFixed(3)} | ${gb(wc.seconds)} | 1.00x |`);
  console.log(`| hugefile count (CLI, whole process) | ${count.seconds.toFixed(3)} | ${gb(count.seconds)} | ${(wc.seconds / count.seconds).toFixed(2)}x |`);
  console.log(`| LineIndex full index, 2 workers (in process) | ${idx.seconds.toFixed(3)} | ${gb(idx.seconds)} | ${(wc.seconds / idx.seconds).toFixed(2)}x |`);
  console.log(`| hugefile lines FILE ${nearEnd} | ${tail.seconds.toFixed(3)} | | count + ${((tail.seconds - count.seconds) * 1000).toFixed(0)} ms (budget +50 ms) |`);
  console.log(`counts agree: ${count.result === lines && idx.lineCount === lines ? 'yes' : `NO (cli ${count.result}, index ${idx.lineCount}, wc ${lines})`}; line ${nearEnd} matches sed: ${tail.result === expectedTail ? 'yes' : 'NO'}`);
  console.log(`offsetOfLine + lineOfOffset, 10,000 random lines: avg ${idx.avgUs.toFixed(1)} us, worst ${idx.worstUs.toFixed(1)} us (target < 1 ms)`);
  const per100M = (idx.memory / idx.lineCount) * 1e8;
  console.log(`index memory: ${(idx.memory / 1024 ** 2).toFixed(2)} MiB for ${lines} lines; ${(per100M / 1024 ** 2).toFixed(1)} MiB per 100 M lines (budget 16 MB)`);
});
