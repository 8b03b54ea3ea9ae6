#!/usr/bin/env node
// Throughput of iterating memSlices and lines over a 1 GiB log, next to `wc -l` on
// the same file in the same run (page cache hot: every contender runs twice and the
// second run counts). Usage: node scripts/bench-mmap.js [FILE]  (npm run bench)
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { makeLog } = require('./make-log');
const mm = require('../dist/mmap.js');

const file = process.argv[2] ?? path.join(require('os').tmpdir(), 'hugefile-log-1g.log');
const size = 1024 ** 3;
if (!fs.existsSync(file) || (process.argv[2] === undefined && fs.statSync(file).size !== size)) {
  console.log(`generating ${file} ...`);
  makeLog(file, size);
}
const bytes = fs.statSync(file).size;

function time(label, run) {
  run();
  const t0 = process.hrtime.bigint();
  const result = run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { label, result, seconds };
}

const results = [
  time('wc -l', () => Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).trim().split(/\s+/)[0])),
  time('memSlices (count)', () => {
    const f = mm.open(file);
    let n = 0;
    for (const _ of mm.memSlices(f)) n++;
    f.close();
    return n;
  }),
  time('lines (strings)', () => {
    const f = mm.open(file);
    let n = 0;
    for (const _ of mm.lines(f)) n++;
    f.close();
    return n;
  }),
  time('lineBuffers (reused buffer)', () => {
    const f = mm.open(file);
    let n = 0;
    for (const _ of mm.lineBuffers(f)) n++;
    f.close();
    return n;
  }),
];

// wc -l counts newlines; memSlices also counts a final unterminated line.
const tail = Buffer.alloc(1);
const fd = fs.openSync(file, 'r');
fs.readSync(fd, tail, 0, 1, bytes - 1);
fs.closeSync(fd);
const wc = results[0];
const expected = wc.result + (bytes > 0 && tail[0] !== 10 ? 1 : 0);
console.log(`file: ${file} (${(bytes / 1024 ** 3).toFixed(2)} GiB), backend: ${mm.backend.name}, ${new Date().toISOString()}`);
console.log('| contender | lines | seconds | GB/s | vs wc -l |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of results) {
  const ratio = wc.seconds / r.seconds;
  console.log(`| ${r.label} | ${r.result} | ${r.seconds.toFixed(3)} | ${(bytes / r.seconds / 1e9).toFixed(2)} | ${ratio.toFixed(2)}x |`);
  if (r.result !== expected) console.log(`  MISMATCH: ${r.label} counted ${r.result}, expected ${expected}`);
}
