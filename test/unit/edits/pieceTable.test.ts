import * as assert from 'assert';
import { PieceTable } from '../../../src/edits/pieceTable';
import { randInt, random } from '../testUtil';

function tableOver(content: Buffer): PieceTable {
  return new PieceTable({ read: (offset, length) => Buffer.from(content.subarray(offset, offset + length)) }, content.length);
}

describe('PieceTable', () => {
  it('inserts, deletes and reads like a Buffer would (random edits against a naive reference)', () => {
    const rand = random(3);
    for (let round = 0; round < 50; round++) {
      const original = Buffer.from(Array.from({ length: randInt(rand, 200) }, () => 97 + randInt(rand, 26)));
      const table = tableOver(original);
      let expected = Buffer.from(original);
      for (let step = 0; step < 40; step++) {
        const offset = randInt(rand, expected.length + 1);
        if (rand() < 0.5) {
          const bytes = Buffer.from(Array.from({ length: 1 + randInt(rand, 5) }, () => 65 + randInt(rand, 26)));
          table.insert(offset, bytes);
          expected = Buffer.concat([expected.subarray(0, offset), bytes, expected.subarray(offset)]);
        } else {
          const length = randInt(rand, expected.length - offset + 1);
          table.delete(offset, length);
          expected = Buffer.concat([expected.subarray(0, offset), expected.subarray(offset + length)]);
        }
        assert.strictEqual(table.size, expected.length);
        assert.ok(table.read(0, table.size).equals(expected), `round ${round} step ${step}`);
        const from = randInt(rand, expected.length + 1);
        const len = randInt(rand, expected.length - from + 1);
        assert.ok(table.read(from, len).equals(expected.subarray(from, from + len)));
      }
    }
  });

  it('tells where bytes of the file were taken out, in the edited content', () => {
    const table = tableOver(Buffer.from('0123456789abcdef'));
    assert.deepStrictEqual(table.removedAt(), []);
    table.delete(2, 3); // 01|56789abcdef
    assert.deepStrictEqual(table.removedAt(), [2]);
    table.insert(0, Buffer.from('xx')); // xx01|56789abcdef
    assert.deepStrictEqual(table.removedAt(), [4], 'moved by the text typed before it');
    table.delete(table.size - 2, 2); // xx01|56789abcd|
    assert.deepStrictEqual(table.removedAt(), [4, 13], 'the end of the file too');
    table.delete(0, 2); // 01|56789abcd|  (typed text taken out again: nothing of the file)
    assert.deepStrictEqual(table.removedAt(), [2, 11]);
    table.delete(0, 1); // |1|56789abcd|
    assert.deepStrictEqual(table.removedAt(), [0, 1, 10]);
  });

  it('undoes a delete by re-inserting the removed pieces', () => {
    const table = tableOver(Buffer.from('hello world'));
    table.insert(5, Buffer.from(','));
    const removed = table.delete(3, 6);
    assert.strictEqual(table.read(0, table.size).toString(), 'helrld');
    table.insertPieces(3, removed);
    assert.strictEqual(table.read(0, table.size).toString(), 'hello, world');
  });

  it('typing character by character makes one piece; pristine only when unchanged', () => {
    const table = tableOver(Buffer.from('abc'));
    assert.ok(table.isPristine);
    for (const [i, c] of [...'xyz'].entries()) table.insert(1 + i, Buffer.from(c));
    assert.strictEqual(table.read(0, table.size).toString(), 'axyzbc');
    assert.strictEqual(table.list().length, 3);
    assert.ok(!table.isPristine);
    table.delete(1, 3);
    assert.ok(table.isPristine, 'deleting what was typed gives the original back');
  });

  it('refuses ranges outside the content', () => {
    const table = tableOver(Buffer.from('abc'));
    assert.throws(() => table.read(2, 2), RangeError);
    assert.throws(() => table.delete(-1, 1), RangeError);
    assert.throws(() => table.insert(4, Buffer.from('x')), RangeError);
  });

  it('a file grown by appending: the new bytes follow the edits, undo still fits, undoing all is pristine', () => {
    const file = Buffer.from('alpha\nbeta\n');
    const grownFile = Buffer.concat([file, Buffer.from('gamma\n')]);
    const table = new PieceTable({ read: (offset, length) => Buffer.from(grownFile.subarray(offset, offset + length)) }, file.length);
    const removed = table.delete(6, 5); // the whole of 'beta\n', the old end
    const typed = table.insert(0, Buffer.from('>'));
    table.appendOriginal(grownFile.length);
    assert.strictEqual(table.read(0, table.size).toString(), '>alpha\ngamma\n');
    table.delete(0, 1);
    table.insertPieces(6, removed);
    assert.strictEqual(table.read(0, table.size).toString(), 'alpha\nbeta\ngamma\n');
    assert.ok(table.isPristine, 'the undone table is the grown file, one piece');
    assert.strictEqual(typed.length, 1);
    assert.throws(() => table.appendOriginal(grownFile.length), RangeError);
  });
});
