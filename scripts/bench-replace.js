#!/usr/bin/env node
// Benchmarks `hugefile replace` (src/cli/replace.ts, whole CLI process) against GNU
// `sed -i` on a 2 GiB generated log with about a million matches, in one run:
//  1. same-length replace, against `sed -i` (which is not durable: it leaves the new
//     file in the page cache); target: at least 2x faster;
//  2. length-changing replace (every match grows by 4 bytes), against `sed -i` +
//     `sync FILE` (the same durability as ours); target: at least 0.5x;
//  3. peak RSS of the replace above an idle `hugefile --help` (both from
//     /usr/bin/time); target: at most 32 MB.
// The log is edited in place and put back: each tool runs once in each direction
// (A to B, then B to A) and the sums are compared, so both do the same work. A `sync`
// before each timed run keeps one run's writeback out of the next.
// Usage: node scripts/bench-replace.js [DIR]   (the log goes to DIR, default the temp folder)
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { makeLog } = require('./make-log');

const repo = path.resolve(__dirname, '..');
const cli = path.join(repo, 'dist/cli.js');
const dir = process.argv[2] ?? os.tmpdir();
const file = path.join(dir, 'hugefile-log-2g.log');
const GiB = 1024 ** 3;

const A = 'worker-7]'; // on about 1 line in 16: ~1 M matches in 2 GiB
const SAME = 'WORKER-7]'; // absent from the generated log, so the way back finds exactly the same matches
const LONGER = 'worker-seven]';

/** Runs argv under /usr/bin/time: seconds, peak RSS in bytes, stdout. */
function timed(argv) {
  execFileSync('sync');
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', ...argv], { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  const rss = Number(/maxrss=(\d+)/.exec(r.stderr)[1]) * 1024;
  return { seconds, rss, stdout: r.stdout.trim() };
}

const hugefile = (from, to) => timed([process.execPath, cli, 'replace', file, from, to]);
const sed = (from, to, sync) => timed(['sh', '-c', `sed -i 's/${from}/${to}/g' "${file}"${sync ? ` && sync "${file}"` : ''}`]);

function round(label, there, back, sync) {
  const ours = [hugefile(A, there)];
  const theirs = [sed(there, A, sync), sed(A, there, sync)];
  ours.push(hugefile(there, A));
  if (ours[0].stdout !== ours[1].stdout) throw new Error(`${label}: replaced ${ours[0].stdout} there but ${ours[1].stdout} back`);
  const sum = (runs) => runs.reduce((s, r) => s + r.seconds, 0);
  return { label, matches: Number(ours[0].stdout), ours: sum(ours), theirs: sum(theirs), rss: Math.max(...ours.map((r) => r.rss)), back };
}

function main() {
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  if (!fs.existsSync(file) || fs.statSync(file).size !== 2 * GiB) {
    console.log(`generating ${file} (2 GiB, takes a few seconds) ...`);
    makeLog(file, 2 * GiB);
  }
  execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'] }); // page cache hot for everyone
  const idle = timed([process.execPath, cli, '--help']).rss;
  const same = round('same-length', SAME, 'sed -i', false);
  const longer = round('length-changing (+4 bytes a match)', LONGER, 'sed -i + sync FILE', true);
  const left = spawnSync(process.execPath, [cli, 'replace', file, SAME, A, '--dry-run'], { encoding: 'utf8' }).stdout.trim();

  const sedVersion = execFileSync('sed', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  console.log(`file: ${file} (2 GiB), ${os.cpus().length} cores, ${sedVersion}, ${new Date().toISOString()}`);
  console.log('| replace, there and back | matches | hugefile s | reference | reference s | speed vs reference | target | peak RSS above idle |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [r, target] of [[same, 2], [longer, 0.5]]) {
    const ratio = r.theirs / r.ours;
    const mb = (r.rss - idle) / 1e6;
    console.log(`| ${r.label} | ${r.matches} | ${r.ours.toFixed(2)} | ${r.back} | ${r.theirs.toFixed(2)} | ${ratio.toFixed(2)}x ${ratio >= target ? '(met)' : '(MISSED)'} | >= ${target}x | ${mb.toFixed(1)} MB${r === same ? (mb <= 32 ? ' (met)' : ' (MISSED: target 32 MB)') : ''} |`);
  }
  console.log(`idle CLI peak RSS: ${(idle / 1e6).toFixed(1)} MB; log restored: ${left === '0' ? 'yes' : `NO (${left} replacements left)`}`);
}

main();
