import * as fs from 'fs';
import * as path from 'path';
import { writerScenario } from '../../writer/writerScenario';
import type { Payload } from './payload';
import type { Recorder } from './recorder';

/**
 * Another process writes the log as a logging program does (append, truncate, rename,
 * delete, re-create) while this one holds it as the editor does: an index, a view and a
 * running search (test/writer/). Records whether each write went through, and what the
 * index then saw.
 */
export async function writerChecks(p: Payload, r: Recorder): Promise<void> {
  const dir = path.resolve('writer');
  fs.mkdirSync(dir);
  const steps = await writerScenario({ LineIndex: p.lines.LineIndex, searchFile: p.search.searchFile }, dir);
  for (const { op, ok, code, message, refresh } of steps) {
    await r.check(`writer: another process can ${op} the log it holds`, () => ({ ok, code, message, refresh }));
  }
}
