// Bundles the unit tests of the platform code (mmap, file readers, thread priority) and mocha into one
// CommonJS file for node.exe under Wine.
// Usage: node test/wine/bundle.js <outfile>
// koffi stays external: its native part must come from the win32 package, installed
// in a node_modules folder next to the bundle by run.sh.
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const outfile = path.resolve(process.argv[2] ?? path.join(root, '.cache/wine/run/bundle.js'));
const testDirs = ['test/unit/mmap', 'test/unit/workers'].map((d) => path.join(root, d));
// bundle.test.ts checks the Linux build (dist/mmap.js) in a child node, which under Wine
// would load the project's node_modules/koffi: that holds no Windows binary.
const skipped = new Set(['bundle.test.ts']);
// The file readers run without workers; the rest of test/unit/lines needs the worker bundles.
const testFiles = ['test/unit/lines/fileReaders.test.ts'].map((f) => path.join(root, f));
const tests = testDirs.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts') && !skipped.has(f)).sort().map((f) => path.join(dir, f)))
  .concat(testFiles);

// Mocha's CLI finds and loads files from disk; the bundle instead sets up the BDD
// globals itself, then runs the test modules already inside it.
const entry = `
const Mocha = require('mocha');
const mocha = new Mocha({ timeout: 120000, reporter: 'spec', color: false });
mocha.suite.emit('pre-require', globalThis, 'bundle.js', mocha);
${tests.map((f) => `require(${JSON.stringify(f)});`).join('\n')}
mocha.run((failures) => { process.exitCode = failures ? 1 : 0; });
`;

esbuild.buildSync({
  stdin: { contents: entry, resolveDir: root, sourcefile: 'wine-entry.js', loader: 'js' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['koffi'],
  outfile,
  logLevel: 'error',
});
console.log(`bundled ${tests.length} test files into ${path.relative(root, outfile)}`);
