import * as assert from 'assert';
import { SaveGate } from '../../../src/editor/saveGate';

/** A promise and its resolve/reject, to end a save when the test says. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

const fail = (err: unknown): never => assert.fail(String(err));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SaveGate', () => {
  it('runs a change at once when no save runs', () => {
    const gate = new SaveGate(() => Promise.resolve(), fail);
    const log: string[] = [];
    gate.change(() => log.push('a'));
    assert.deepStrictEqual(log, ['a']);
    assert.strictEqual(gate.busy, false);
  });

  it('holds changes made during a save and carries them out in order once the editor took the save', async () => {
    const settled = deferred();
    const gate = new SaveGate(() => settled.promise, fail);
    const save = deferred();
    const log: string[] = [];
    const done = gate.run(() => save.promise.then(() => log.push('saved')));
    gate.change(() => log.push('a'));
    gate.change(() => log.push('b'));
    assert.strictEqual(gate.heldCount, 2);
    save.resolve();
    await done;
    await tick();
    assert.deepStrictEqual(log, ['saved'], 'nothing before VS Code took the save');
    gate.change(() => log.push('c')); // typed while waiting: after the others
    settled.resolve();
    await tick();
    assert.deepStrictEqual(log, ['saved', 'a', 'b', 'c']);
    assert.strictEqual(gate.busy, false);
  });

  it('after a failed save, releases held changes without waiting for the editor', async () => {
    const gate = new SaveGate(() => new Promise(() => undefined), fail);
    const log: string[] = [];
    const done = gate.run(() => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })));
    gate.change(() => log.push('a'));
    await assert.rejects(done, /no space/);
    await tick();
    assert.deepStrictEqual(log, ['a']);
  });

  it('never overlaps two saves: the second starts when the first ended, and held changes wait for both', async () => {
    const gate = new SaveGate(() => Promise.resolve(), fail);
    const first = deferred();
    const log: string[] = [];
    const a = gate.run(async () => { log.push('first starts'); await first.promise; log.push('first ends'); });
    gate.change(() => log.push('typed'));
    const b = gate.run(async () => { log.push('second starts'); });
    await tick();
    assert.deepStrictEqual(log, ['first starts']);
    first.resolve();
    await Promise.all([a, b]);
    await tick();
    assert.deepStrictEqual(log, ['first starts', 'first ends', 'second starts', 'typed']);
  });

  it('a save started while held changes wait for the editor releases them after it', async () => {
    const settled = deferred();
    const gate = new SaveGate(() => settled.promise, fail);
    const log: string[] = [];
    await gate.run(async () => { log.push('save 1'); });
    // (nothing held: no waiting)
    const second = deferred();
    const s2 = gate.run(async () => { await second.promise; log.push('save 2'); });
    gate.change(() => log.push('typed'));
    second.resolve();
    await s2;
    const s3 = gate.run(async () => { log.push('save 3'); });
    settled.resolve();
    await s3;
    await tick();
    await tick();
    assert.deepStrictEqual(log, ['save 1', 'save 2', 'save 3', 'typed']);
  });

  it('dropHeld forgets held changes (revert)', async () => {
    const gate = new SaveGate(() => Promise.resolve(), fail);
    const log: string[] = [];
    const s = gate.run(async () => { gate.change(() => log.push('typed')); gate.dropHeld(); });
    await s;
    await tick();
    assert.deepStrictEqual(log, []);
  });

  it('idle resolves once the saves ended and the held changes ran, not before', async () => {
    const settled = deferred();
    const gate = new SaveGate(() => settled.promise, fail);
    const log: string[] = [];
    await gate.idle();
    const save = deferred();
    void gate.run(() => save.promise);
    gate.change(() => log.push('typed'));
    void gate.idle().then(() => log.push('idle'));
    await tick();
    save.resolve();
    await tick();
    assert.deepStrictEqual(log, [], 'not while the editor has not taken the save');
    settled.resolve();
    await tick();
    await tick();
    assert.deepStrictEqual(log, ['typed', 'idle']);
  });

  it('a change that throws is reported and the ones after it still run', async () => {
    const errors: unknown[] = [];
    const gate = new SaveGate(() => Promise.resolve(), (err) => errors.push(err));
    const log: string[] = [];
    const s = gate.run(async () => {
      gate.change(() => { throw new RangeError('line 9 is not known'); });
      gate.change(() => log.push('b'));
    });
    await s;
    await tick();
    assert.deepStrictEqual(log, ['b']);
    assert.strictEqual(errors.length, 1);
  });

  it('gives the records of the held changes, up to the first held without one', async () => {
    const gate = new SaveGate<string>(() => Promise.resolve(), fail);
    const save = deferred();
    const done = gate.run(() => save.promise);
    gate.change(() => undefined, 'a');
    gate.change(() => undefined, 'b');
    assert.deepStrictEqual(gate.heldRecords, ['a', 'b']);
    gate.change(() => undefined); // an undo: what follows was asked for on the content it makes
    gate.change(() => undefined, 'c');
    assert.deepStrictEqual(gate.heldRecords, ['a', 'b']);
    save.resolve();
    await done;
    await tick();
    assert.deepStrictEqual(gate.heldRecords, []);
  });

  it('a save asked for during another, with nothing changed since, is that save: a Cancel of it is not redone', async () => {
    const gate = new SaveGate(() => Promise.resolve(), fail);
    const save = deferred();
    let runs = 0;
    const first = gate.run(() => { runs++; return save.promise; }, 7);
    const again = gate.sameSave(7);
    assert.strictEqual(again, first);
    assert.strictEqual(gate.sameSave(8), undefined, 'changed since: a save of its own');
    save.reject(Object.assign(new Error('Canceled'), { name: 'Canceled' }));
    await assert.rejects(first, /Canceled/);
    await assert.rejects(again!, /Canceled/);
    await tick();
    assert.strictEqual(runs, 1);
    assert.strictEqual(gate.sameSave(7), undefined, 'once over, a request saves again');
  });

  it('never joins a save when a change is held or a revert was asked for after it', async () => {
    const gate = new SaveGate(() => Promise.resolve(), fail);
    const save = deferred();
    const done = gate.run(() => save.promise, 1);
    gate.change(() => undefined);
    assert.strictEqual(gate.sameSave(1), undefined, 'a held change is not saved by the running save');
    const other = deferred();
    const gate2 = new SaveGate(() => Promise.resolve(), fail);
    void gate2.run(() => other.promise, 1);
    void gate2.run(() => Promise.resolve());
    assert.strictEqual(gate2.sameSave(1), undefined, 'a revert comes between');
    save.resolve();
    other.resolve();
    await done;
  });
});
