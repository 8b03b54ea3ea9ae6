// A save that the engine kills part-way (fault injection), in a process of its own:
// what a crash leaves behind for recoverInterruptedSave.
//   node interruptedSave.js EXTENSION_DIR FILE SAVE.json      (SAVE: a ChildSave)
// Prints "saved" only if the save completed, which it must not.
import * as fs from 'fs';
import { loadPayload } from './payload';
import { ChildSave, fromChildSegments } from './savePlanFile';

async function main(): Promise<void> {
  const [extensionDir, file, saveFile] = process.argv.slice(2);
  const { edits } = loadPayload(extensionDir);
  const save = JSON.parse(fs.readFileSync(saveFile, 'utf8')) as ChildSave;
  await edits.saveInPlace({ path: file, segments: fromChildSegments(save.segments), originalSize: save.originalSize }, { hooks: save.hooks });
  console.log('saved');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
