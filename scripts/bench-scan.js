#!/usr/bin/env node
// Newline scanning throughput vs `wc -l`, in the same run (design rule 8).
//
//   node scripts/bench-scan.js [file]     (default /tmp/hugefile-bench-1g.log, made if missing)
//   ROUNDS=5 node scripts/bench-scan.js
//
// Every way reads the file in 1 MiB chunks with fs.readSync, as the line indexer will,
// with the page cache hot. Rounds are interleaved so that noise from other processes on
// this 2-core machine hits every way alike; the best round of each is reported.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const esbuild = require('esbuild');

const FILE = process.argv[2] || '/tmp/hugefile-bench-1g.log';
const ROUNDS = Number(process.env.ROUNDS || 5);
const CHUNK = 1 << 20;
const EVERY = 64;

function makeLogFile(file, size) {
  // Log-like lines of 20..200 bytes: timestamp, level, component, random words.
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const levels = ['INFO ', 'DEBUG', 'WARN ', 'ERROR'];
  const words = 'request served cache miss user session timeout retry upstream connection closed id ok ' +
    'latency bytes worker queue flushed opened handler status path GET POST /api/v1/items';
  const fd = fs.openSync(file + '.tmp', 'w');
  const block = Buffer.alloc(8 << 20);
  let written = 0;
  let t = Date.UTC(2024, 0, 1);
  while (written < size) {
    let n = 0;
    while (n < block.length - 256) {
      const len = 20 + Math.floor(rand() * 181);
      t += Math.floor(rand() * 50);
      let line = new Date(t).toISOString() + ' ' + levels[Math.floor(rand() * 4)] + ' [w' + Math.floor(rand() * 8) + '] ';
      while (line.length < len) {
        const at = Math.floor(rand() * words.length);
        line += words.slice(at, at + 1 + Math.floor(rand() * 12));
      }
      n += block.write(line.slice(0, len - 1) + '\n', n, 'latin1');
    }
    const take = Math.min(n, size - written);
    fs.writeSync(fd, block, 0, take);
    written += take;
  }
  fs.closeSync(fd);
  fs.renameSync(file + '.tmp', file);
}

function loadScanner() {
  // Bundle the TypeScript source the same way the extension build does, into /tmp.
  const outfile = '/tmp/bench-scan/newlineScanner.js';
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, '..', 'src', 'lines', 'newlineScanner.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error',
  });
  return require(outfile);
}

function readChunks(file, buffer, onChunk) {
  const fd = fs.openSync(file, 'r');
  try {
    let pos = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, CHUNK, pos);
      if (n === 0) return;
      onChunk(n, pos);
      pos += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function main() {
  if (!fs.existsSync(FILE)) {
    process.stdout.write(`generating ${FILE} (1 GiB)... `);
    makeLogFile(FILE, 1 << 30);
    console.log('done');
  }
  const size = fs.statSync(FILE).size;
  const { createScanner } = loadScanner();
  const wasm = createScanner({ simd: true });
  const js = createScanner({ simd: false });
  const wasmBuf = wasm.scanBuffer(CHUNK);
  const plainBuf = Buffer.allocUnsafeSlow(CHUNK);
  let marks = new Float64Array(0); // sized once wc -l has told the line count

  const countWith = (s, buf) => () => {
    let lines = 0;
    readChunks(FILE, buf, (n) => { lines += s.countByte(buf, n, 10); });
    return lines;
  };
  const checkpointsWith = (s, buf) => () => {
    let lines = 0;
    // As the index will: append line-start offsets of every 64th line to one array.
    readChunks(FILE, buf, (n, pos) => {
      lines += s.checkpoints(buf, n, 10, EVERY, lines, marks, Math.floor(lines / EVERY), pos + 1);
    });
    return lines;
  };
  const ways = [
    ['wc -l', () => {
      const r = spawnSync('wc', ['-l', FILE], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`wc failed: ${r.stderr}`);
      return Number(r.stdout.trim().split(/\s+/)[0]);
    }],
    ['readSync 1 MiB chunks only (no scan)', () => { readChunks(FILE, wasmBuf, () => {}); return undefined; }],
    ['wasm countByte, read into scanBuffer', countWith(wasm, wasmBuf)],
    ['wasm countByte, read into plain Buffer (+copy)', countWith(wasm, plainBuf)],
    [`wasm checkpoints every ${EVERY}, scanBuffer`, checkpointsWith(wasm, wasmBuf)],
    ['js fallback countByte (indexOf)', countWith(js, plainBuf)],
    [`js fallback checkpoints every ${EVERY}`, checkpointsWith(js, plainBuf)],
  ];

  // Warm the page cache and check every way finds wc's count.
  const expected = ways[0][1]();
  marks = new Float64Array(Math.floor(expected / EVERY) + 1);
  for (const [name, run] of ways) {
    const got = run();
    if (got !== undefined && got !== expected) throw new Error(`${name}: ${got} lines, wc -l says ${expected}`);
  }
  const best = ways.map(() => Infinity);
  for (let r = 0; r < ROUNDS; r++) {
    ways.forEach(([, run], i) => {
      const t0 = process.hrtime.bigint();
      run();
      best[i] = Math.min(best[i], Number(process.hrtime.bigint() - t0) / 1e9);
    });
  }

  // The SIMD kernel alone on one cached 1 MiB chunk: the ceiling the read path is under.
  const fd = fs.openSync(FILE, 'r');
  fs.readSync(fd, wasmBuf, 0, CHUNK, 0);
  fs.closeSync(fd);
  const kernel = (fn) => {
    let t = Infinity;
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 1024; i++) fn();
      t = Math.min(t, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return (1024 * CHUNK) / t / 1e9;
  };
  const kCount = kernel(() => wasm.countByte(wasmBuf, CHUNK, 10));
  const kMarks = kernel(() => wasm.checkpoints(wasmBuf, CHUNK, 10, EVERY, 0, marks));
  const kNth = kernel(() => wasm.nthByte(wasmBuf, CHUNK, 10, 1e6));

  const gbps = (t) => size / t / 1e9;
  console.log(`${FILE}: ${(size / 2 ** 30).toFixed(2)} GiB, ${expected} lines, best of ${ROUNDS}, GB = 1e9 bytes`);
  console.log(`${'way'.padEnd(48)} ${'seconds'.padStart(8)} ${'GB/s'.padStart(6)} ${'vs wc -l'.padStart(9)}`);
  ways.forEach(([name], i) => {
    console.log(`${name.padEnd(48)} ${best[i].toFixed(3).padStart(8)} ${gbps(best[i]).toFixed(2).padStart(6)} ` +
      `${(best[0] / best[i]).toFixed(2).padStart(9)}`);
  });
  console.log(`kernel only, 1 MiB in cache: count ${kCount.toFixed(1)} GB/s, ` +
    `checkpoints/${EVERY} ${kMarks.toFixed(1)} GB/s, nthByte (not found) ${kNth.toFixed(1)} GB/s`);
}

main();
