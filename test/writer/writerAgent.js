// A second process that writes a file the way a logging program does, while the test
// process holds the file open (index, search, view). Plain JavaScript with no imports
// of the project, so the official Windows Node runs it under Wine as is.
// Usage: node writerAgent.js CONTROL_DIR
// It carries out CONTROL_DIR/go-1.json, go-2.json, ... in turn ({ op, file, arg }) and
// answers each with result-N.json ({ ok } or { ok: false, code, message }); op 'exit' ends it.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const IDLE_LIMIT_MS = 120_000;

const ops = {
  append: (file, text) => fs.appendFileSync(file, text),
  truncate: (file, size) => fs.truncateSync(file, Number(size)),
  rename: (file, to) => fs.renameSync(file, to),
  delete: (file) => fs.unlinkSync(file),
  create: (file, text) => fs.writeFileSync(file, text),
};

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

for (let n = 1, idleSince = Date.now(); Date.now() - idleSince < IDLE_LIMIT_MS; sleep(5)) {
  const go = path.join(dir, `go-${n}.json`);
  if (!fs.existsSync(go)) continue;
  let order;
  try {
    order = JSON.parse(fs.readFileSync(go, 'utf8'));
  } catch {
    continue; // being written
  }
  if (order.op === 'exit') process.exit(0);
  let result;
  try {
    ops[order.op](order.file, order.arg);
    result = { ok: true };
  } catch (err) {
    result = { ok: false, code: err.code, message: err.message };
  }
  fs.writeFileSync(path.join(dir, `result-${n}.tmp`), JSON.stringify(result));
  fs.renameSync(path.join(dir, `result-${n}.tmp`), path.join(dir, `result-${n}.json`));
  n++;
  idleSince = Date.now();
}
process.exit(3);
