import * as assert from 'assert';
import { LineIndex } from '../../../src/lines';
import { searchFile } from '../../../src/search';
import { writerScenario } from '../../writer/writerScenario';
import { tempDir } from '../testUtil';

describe('the program writing a file is never blocked by the reader', () => {
  it('another process appends, truncates, renames, deletes and re-creates the file while an index, a view and a search hold it', async function () {
    this.timeout(120_000);
    const steps = await writerScenario({ LineIndex, searchFile }, tempDir());
    assert.deepStrictEqual(steps.filter((s) => !s.ok || s.message), [], 'every write went through');
    assert.deepStrictEqual(steps.map((s) => [s.op, s.refresh]), [
      ['append', 'grown'], ['truncate', 'shrunk'], ['rename', undefined], ['delete', undefined], ['create', 'replaced'],
    ]);
  });
});
