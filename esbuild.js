// Bundles the extension host code, its worker threads, the standalone library modules
// (mmap, lines, search, edits) and the CLI.
// `--production` minifies; `--watch` rebuilds on change; `--outdir DIR` writes to DIR
// instead of dist/ (scripts/package-vsix.ts builds the packages' bundle apart).
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt >= 0 ? process.argv[outdirAt + 1] : 'dist';

const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/mmap/index.ts', out: 'mmap' },
  { in: 'src/lines/index.ts', out: 'lines' },
  { in: 'src/lines/indexWorker.ts', out: 'indexWorker' },
  { in: 'src/search/index.ts', out: 'search' },
  { in: 'src/edits/index.ts', out: 'edits' },
  { in: 'src/edits/saveWorker.ts', out: 'saveWorker' },
  { in: 'src/search/searchWorker.ts', out: 'searchWorker' },
  { in: 'src/cli.ts', out: 'cli' },
];

// The viewer runs in the webview: a browser bundle of its own.
const webview = {
  entryPoints: { webview: 'media/main.ts' },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  outdir,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

async function main() {
  const contexts = [await esbuild.context(webview), await esbuild.context({
    entryPoints: entries,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir,
    external: ['vscode', 'koffi'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  })];
  for (const ctx of contexts) {
    if (watch) {
      await ctx.watch();
    } else {
      await ctx.rebuild();
      await ctx.dispose();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
