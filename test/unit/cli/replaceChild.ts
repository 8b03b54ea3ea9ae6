// `hugefile replace` with the save engine's fault injection, for
// test/unit/cli/replaceFaults.test.ts, which bundles it with esbuild beside the workers:
//   node replaceChild.js FILE PATTERN REPLACEMENT [options]
// HUGEFILE_SAVE_KILL_AT=<step>:<n> SIGKILLs this process after the n-th occurrence of
// that save step (see SaveStep); HUGEFILE_SAVE_APPLY_IN=inline|worker picks where the
// apply phase runs. Only this test child reads them: the CLI itself takes no hooks.
import { replace } from '../../../src/cli/replace';
import type { SaveHooks, SaveStep } from '../../../src/edits/saveTypes';

const hooks: SaveHooks = {};
const kill = process.env.HUGEFILE_SAVE_KILL_AT;
if (kill) hooks.fault = { step: kill.split(':')[0] as SaveStep, after: Number(kill.split(':')[1]), action: 'kill' };
const applyIn = process.env.HUGEFILE_SAVE_APPLY_IN;
if (applyIn === 'inline' || applyIn === 'worker') hooks.applyIn = applyIn;
hooks.chunkBytes = 64 * 1024; // many chunks, so kill points land all over a small file

replace(process.argv.slice(2), hooks).then((status) => process.exit(status), (err) => {
  process.stderr.write(`hugefile: ${(err as Error).message}\n`);
  process.exit(2);
});
