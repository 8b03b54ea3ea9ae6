#!/usr/bin/env node
// UTF-16 against UTF-8 in one run, page cache hot (best of 3 after a warm-up): the same
// log as UTF-8 and as UTF-16 LE (with its byte order mark), counted and searched by the
// CLI; GNU `wc -l` and `grep -c -F` on the UTF-8 file as the reference. Target (#16):
// on the UTF-16 copy the same numbers, at no less than half the UTF-8 speed in lines
// per second. Usage: node scripts/bench-utf16.js [SIZE_MIB] (npm run bench:utf16; 512).
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { bestOf: best } = require('./bestOf');
const { makeLog } = require('./make-log');

const mib = Number(process.argv[2] ?? 512);
const utf8 = path.join(os.tmpdir(), `hugefile-utf16-bench-${mib}m.log`);
const utf16 = `${utf8}.utf16le`;
if (!fs.existsSync(utf8)) makeLog(utf8, mib * 1024 ** 2);
if (!fs.existsSync(utf16)) {
  fs.writeFileSync(utf16, Buffer.from([0xff, 0xfe]));
  execFileSync('sh', ['-c', `iconv -f UTF-8 -t UTF-16LE "${utf8}" >> "${utf16}"`]);
}
const cli = path.join(__dirname, '../dist/cli.js');

const out = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' }).trim();
const grepCount = (args) => { try { return out('grep', args); } catch (e) { return e.stdout.trim(); } };
const rows = [
  ['wc -l (UTF-8, reference)', best(() => out('wc', ['-l', utf8]).split(/\s+/)[0])],
  ['hugefile count (UTF-8)', best(() => out(process.execPath, [cli, 'count', utf8]))],
  ['hugefile count (UTF-16 LE)', best(() => out(process.execPath, [cli, 'count', utf16]))],
  ['grep -c -F ERROR (UTF-8, reference)', best(() => grepCount(['-c', '-F', 'ERROR', utf8]))],
  ['hugefile grep --count ERROR (UTF-8)', best(() => out(process.execPath, [cli, 'grep', utf8, 'ERROR', '--count']))],
  ['hugefile grep --count ERROR (UTF-16 LE)', best(() => out(process.execPath, [cli, 'grep', utf16, 'ERROR', '--count']))],
];
console.log(`UTF-8 ${(fs.statSync(utf8).size / 1024 ** 2).toFixed(0)} MiB, UTF-16 LE ${(fs.statSync(utf16).size / 1024 ** 2).toFixed(0)} MiB, ${os.cpus().length} cores, ${new Date().toISOString()}`);
console.log('| measurement | result | seconds | vs reference | UTF-16 vs UTF-8 (target >= 0.50x) |');
console.log('| --- | --- | --- | --- | --- |');
for (let i = 0; i < rows.length; i++) {
  const [name, r] = rows[i];
  const reference = rows[i < 3 ? 0 : 3][1];
  const versus8 = name.includes('UTF-16') ? `${(rows[i - 1][1].seconds / r.seconds).toFixed(2)}x` : '';
  console.log(`| ${name} | ${r.result} | ${r.seconds.toFixed(3)} | ${(reference.seconds / r.seconds).toFixed(2)}x | ${versus8} |`);
}
const same = rows[0][1].result === rows[1][1].result && rows[1][1].result === rows[2][1].result && rows[3][1].result === rows[4][1].result && rows[4][1].result === rows[5][1].result;
console.log(`same numbers on both copies and as the GNU tools: ${same ? 'yes' : 'NO'}`);
