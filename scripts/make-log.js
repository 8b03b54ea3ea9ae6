#!/usr/bin/env node
// Writes a realistic, reproducible log file of about SIZE bytes: every line starts
// with its 1-based line number ("#123 ..."), so tests can check which line they see.
// Usage: node scripts/make-log.js PATH SIZE[K|M|G]   (reuses PATH if it already has that size)
const fs = require('fs');

const levels = ['INFO ', 'DEBUG', 'WARN ', 'ERROR', 'TRACE'];
const words = ['request', 'served', 'user', 'cache', 'miss', 'hit', 'upstream', 'timeout', 'retry', 'queue',
  'flushed', 'segment', 'index', 'checkpoint', 'GET', 'POST', '/api/v1/items', '/health', 'session', 'token'];

function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)([KMG]?)$/i.exec(text || '');
  if (!m) throw new Error(`bad size '${text}': use e.g. 1G, 200M, 64K`);
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase()];
  return Math.floor(Number(m[1]) * unit);
}

/** Writes the log; returns the number of lines. */
function makeLog(path, size) {
  let seed = 12345;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n;
  };
  // Line bodies are drawn from a pool: building each line from scratch makes a
  // 4 GiB file take minutes; the line number keeps every line distinct.
  const bodies = [];
  for (let i = 0; i < 4096; i++) {
    const msg = [];
    for (let w = 3 + rand(25); w > 0; w--) msg.push(words[rand(words.length)]);
    const time = new Date(Date.UTC(2026, 0, 1) + rand(86_400_000)).toISOString();
    bodies.push(` ${time} ${levels[rand(5)]} [worker-${rand(16)}] ${msg.join(' ')} took=${rand(5000)}ms\n`);
  }
  const bodyBytes = bodies.map((b) => Buffer.from(b));
  const block = Buffer.alloc(4 * 1024 * 1024);
  const fd = fs.openSync(path, 'w');
  let written = 0;
  let line = 0;
  try {
    while (written < size) {
      let used = 0;
      for (;;) {
        const body = bodyBytes[rand(bodyBytes.length)];
        if (used + 20 + body.length > block.length || written + used >= size) break;
        line++;
        block[used++] = 0x23;
        used += block.latin1Write(String(line), used);
        used += body.copy(block, used);
      }
      if (written + used > size) {
        used = size - written;
        block[used - 1] = 0x0a;
      }
      fs.writeSync(fd, block, 0, used);
      written += used;
    }
  } finally {
    fs.closeSync(fd);
  }
  return line;
}

module.exports = { makeLog, parseSize };

if (require.main === module) {
  const [path, sizeText] = process.argv.slice(2);
  if (!path) {
    console.error('usage: node scripts/make-log.js PATH SIZE[K|M|G]');
    process.exit(2);
  }
  const size = parseSize(sizeText ?? '1G');
  if (fs.existsSync(path) && fs.statSync(path).size === size) {
    console.log(`${path}: already ${size} bytes`);
  } else {
    const t0 = Date.now();
    const lines = makeLog(path, size);
    console.log(`${path}: ${size} bytes, ${lines} lines in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}
