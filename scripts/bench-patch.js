#!/usr/bin/env node
// Benchmarks patching a few bytes in place (src/edits/patchInPlace.ts and
// `hugefile patch`) in a 40 MB log and in 40 MB and 4 GiB sparse files: the cost must follow
// the patch, not the file. Each contender runs in turn inside every round (so load
// from other work hits them alike); medians of ROUNDS rounds, each at a new random
// offset, with a `sync` before every timed run so no earlier writeback lands in it.
//
// References, chosen for the same work and the same durability (the new bytes are
// on disk when the call returns):
//  - in process: pread of the old bytes + pwrite + fdatasync through Node's fs
//    (what patchInPlace does, without mmap);
//  - whole process: `dd of=FILE bs=N seek=OFFSET oflag=seek_bytes conv=notrunc,fdatasync`,
//    one process like the CLI. `dd ... conv=notrunc` + `sync FILE` is shown too: it
//    pays a second process start for the same guarantee.
// `node -e 0` and `hugefile --help` show how much of the CLI's time is Node's start-up.
// Usage: node scripts/bench-patch.js [DIR]   (files go to DIR, default the temp folder)
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const esbuild = require('esbuild');
const { makeLog } = require('./make-log');

const repo = path.resolve(__dirname, '..');
const dir = process.argv[2] ?? os.tmpdir();
const cli = path.join(repo, 'dist/cli.js');
const ROUNDS = 21;
const PATCH_BYTES = 4;

// Bundled inside the repo (.cache/ is ignored) so that `require('koffi')` resolves.
const outDir = path.join(repo, '.cache', 'bench-patch');
esbuild.buildSync({
  entryPoints: { patchInPlace: path.join(repo, 'src/edits/patchInPlace.ts') },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outdir: outDir, external: ['koffi'], logLevel: 'error',
});
const { patchInPlace } = require(path.join(outDir, 'patchInPlace.js'));

function ms(run) {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

let counter = 0;
/** Bytes that differ from whatever a previous round wrote (a patch of equal bytes writes nothing). */
function nextBytes() {
  counter++;
  return Buffer.from(Array.from({ length: PATCH_BYTES }, (_, i) => (counter * 7 + i * 31 + 1) & 0xff));
}

function plainPatch(file, offset, bytes) {
  const fd = fs.openSync(file, 'r+');
  try {
    const old = Buffer.alloc(bytes.length);
    fs.readSync(fd, old, 0, old.length, offset);
    fs.writeSync(fd, bytes, 0, bytes.length, offset);
    fs.fdatasyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function dd(file, offset, bytes, extraConv) {
  execFileSync('dd', [`of=${file}`, `bs=${bytes.length}`, `seek=${offset}`, 'oflag=seek_bytes', `conv=notrunc${extraConv}`, 'status=none'], { input: bytes });
}

const CLI = 'hugefile patch (whole CLI process)';
const HELP = 'hugefile --help (CLI start-up, no file work)';
const contenders = {
  'patchInPlace (in process)': (file, offset, bytes) => {
    const r = patchInPlace(file, offset, bytes);
    if (!r.changed) throw new Error('the patch wrote nothing: the benchmark would time a no-op');
  },
  'fs pread + pwrite + fdatasync (in process, reference)': plainPatch,
  [CLI]: (file, offset, bytes) => execFileSync(process.execPath, [cli, 'patch', file, String(offset), bytes.toString('hex')]),
  'dd conv=notrunc,fdatasync (whole process, reference)': (file, offset, bytes) => dd(file, offset, bytes, ',fdatasync'),
  'dd conv=notrunc + sync FILE (two processes)': (file, offset, bytes) => {
    dd(file, offset, bytes, '');
    execFileSync('sync', [file]);
  },
  'node -e 0 (Node start-up alone)': () => execFileSync(process.execPath, ['-e', '0']),
  [HELP]: () => execFileSync(process.execPath, [cli, '--help']),
};
// NODE_EXTRA_CA_CERTS makes every Node start read and parse a bundle of certificates (this
// machine sets it); the CLI makes no TLS connection, so it is also timed as on a machine
// without it.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  Object.assign(contenders, {
    [`${CLI}, without NODE_EXTRA_CA_CERTS`]: (file, offset, bytes) => execFileSync(process.execPath, [cli, 'patch', file, String(offset), bytes.toString('hex')], { env }),
    'node -e 0, without NODE_EXTRA_CA_CERTS': () => execFileSync(process.execPath, ['-e', '0'], { env }),
  });
}

function benchFile(label, file) {
  const size = fs.statSync(file).size;
  const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const offset = Math.floor(Math.random() * (size - PATCH_BYTES));
      const bytes = nextBytes();
      execFileSync('sync');
      times[name].push(ms(() => run(file, offset, bytes)));
      if (name !== HELP && !name.startsWith('node')) check(file, offset, bytes, name);
    }
  }
  // Start-up time swings with the machine's load: the CLI's own work is the difference
  // to `--help` run next to it in the same round.
  const own = times[CLI].map((t, i) => t - times[HELP][i]);
  return {
    label, size, ownMs: median(own),
    medians: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])),
    worst: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.max(...v)])),
  };
}

function check(file, offset, bytes, name) {
  const fd = fs.openSync(file, 'r');
  const got = Buffer.alloc(bytes.length);
  fs.readSync(fd, got, 0, got.length, offset);
  fs.closeSync(fd);
  if (!got.equals(bytes)) throw new Error(`${name} did not write the bytes at ${offset}`);
}

function main() {
  const log = path.join(dir, 'hugefile-log-40m.log');
  if (!fs.existsSync(log) || fs.statSync(log).size !== 40e6) {
    console.log(`generating ${log} ...`);
    makeLog(log, 40e6);
  }
  // Patches go to copies: the generated log stays as other benchmarks expect it.
  const small = path.join(dir, 'hugefile-bench-patch-40m.log');
  fs.copyFileSync(log, small);
  // A sparse file of each size: a patch into a hole also allocates a block, so the
  // size comparison is between files of the same kind.
  const smallSparse = path.join(dir, 'hugefile-bench-patch-40m.bin');
  const sparse = path.join(dir, 'hugefile-bench-patch-4g.bin');
  for (const [file, size] of [[smallSparse, 40e6], [sparse, 4 * 1024 ** 3 + 12345]]) {
    fs.writeFileSync(file, '');
    fs.truncateSync(file, size);
  }
  try {
    const results = [benchFile('40 MB log', small), benchFile('40 MB sparse', smallSparse), benchFile('4 GiB sparse', sparse)];
    console.log(`\npatch benchmark, ${new Date().toISOString()}, ${os.cpus().length} cores, node ${process.version}, ` +
      `${PATCH_BYTES} bytes at a random offset, median of ${ROUNDS} (worst in brackets), files in ${dir}`);
    console.log(`| contender | ${results.map((r) => r.label).join(' | ')} | 4 GiB / 40 MB sparse |`);
    console.log(`| --- | ${results.map(() => '---').join(' | ')} | --- |`);
    for (const name of Object.keys(contenders)) {
      const cells = results.map((r) => `${r.medians[name].toFixed(1)} ms (${r.worst[name].toFixed(0)})`);
      console.log(`| ${name} | ${cells.join(' | ')} | ${(results[2].medians[name] / results[1].medians[name]).toFixed(2)} |`);
    }
    for (const r of results) {
      const m = r.medians;
      const api = m['patchInPlace (in process)'];
      const cliMs = m[CLI];
      console.log(`${r.label}: patchInPlace ${(api / m['fs pread + pwrite + fdatasync (in process, reference)']).toFixed(2)}x the time of pread+pwrite+fdatasync; ` +
        `CLI ${(cliMs / m['dd conv=notrunc,fdatasync (whole process, reference)']).toFixed(2)}x dd conv=fdatasync, ` +
        `${(cliMs / m['dd conv=notrunc + sync FILE (two processes)']).toFixed(2)}x dd + sync FILE; ` +
        `CLI minus its own start-up (median of per-round differences): ${r.ownMs.toFixed(1)} ms (target < 50 ms, flat in file size)`);
    }
    console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    fs.rmSync(small, { force: true });
    fs.rmSync(smallSparse, { force: true });
    fs.rmSync(sparse, { force: true });
  }
}

main();
