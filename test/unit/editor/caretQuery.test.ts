import * as assert from 'assert';
import type { CaretForMessage } from '../../../src/editor/caretProtocol';
import { CaretQuery } from '../../../src/editor/caretQuery';

describe('CaretQuery: the host asks the view where its caret is', () => {
  it('pairs each answer with its request by id, in any order', async () => {
    const asked: CaretForMessage[] = [];
    const query = new CaretQuery((m) => asked.push(m));
    const first = query.ask();
    const second = query.ask();
    assert.deepStrictEqual(asked.map((m) => m.type), ['caretFor', 'caretFor']);
    assert.notStrictEqual(asked[0].id, asked[1].id);
    query.answered({ type: 'caretAt', id: asked[1].id, offset: 4096 });
    query.answered({ type: 'caretAt', id: asked[0].id, position: { line: 7, column: 2 } });
    assert.deepStrictEqual(await first, { position: { line: 7, column: 2 } });
    assert.deepStrictEqual(await second, { offset: 4096 });
  });

  it('gives up a request the view does not answer in time, and drops the answer that comes later', async () => {
    const asked: CaretForMessage[] = [];
    const query = new CaretQuery((m) => asked.push(m), 20);
    const started = Date.now();
    assert.strictEqual(await query.ask(), undefined);
    assert.ok(Date.now() - started >= 15, 'it waited');
    query.answered({ type: 'caretAt', id: asked[0].id, offset: 1 });
    const next = query.ask();
    query.answered({ type: 'caretAt', id: asked[0].id, offset: 2 });
    query.answered({ type: 'caretAt', id: 999, offset: 3 });
    query.answered({ type: 'caretAt', id: asked[1].id, offset: 4 });
    assert.deepStrictEqual(await next, { offset: 4 }, 'an answer to no request waiting changes nothing');
  });

  it('gives up every request at dispose', async () => {
    const query = new CaretQuery(() => undefined, 60_000);
    const waiting = [query.ask(), query.ask()];
    query.dispose();
    assert.deepStrictEqual(await Promise.all(waiting), [undefined, undefined]);
  });
});
