// The hex view's host side without VS Code: byte edits by offset on the piece
// table, undo and redo, reads with the edited ranges marked, and the bytes a save
// puts on disk, all against a naive reference (a plain array of bytes, each
// remembering whether it was typed).
import * as assert from 'assert';
import * as fs from 'fs';
import { readByteSelection, readByteWindow } from '../../../src/editor/byteService';
import { MAX_HEX_COPY_BYTES } from '../../../src/editor/protocol';
import { replaceBytes } from '../../../src/edits/byteEdits';
import type { EditResult } from '../../../src/edits/editCommands';
import { PieceTable } from '../../../src/edits/pieceTable';
import { encodingOf } from '../../../src/encoding/textEncoding';
import { saveInPlace } from '../../../src/edits/saveEngine';
import { planOf } from '../../../src/edits/savePlan';
import { redoEdit, undoEdit } from '../../../src/edits/textEdit';
import { fileSource, randInt, random, tempFile } from '../testUtil';

/** A byte of the reference content: its value, and whether it came from an edit. */
interface RefByte {
  value: number;
  added: boolean;
}

function randomBytes(rand: () => number, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => randInt(rand, 256));
}

/** The reference's edited ranges: runs of added bytes in [from, to). */
function refRanges(ref: RefByte[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    if (!ref[i].added) continue;
    if (out.length && out[out.length - 1] === i) out[out.length - 1] = i + 1;
    else out.push(i, i + 1);
  }
  return out;
}

describe('hex editing on the host', () => {
  it('random byte edits, undos and redos read back like the reference, edited ranges included', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = random(seed);
      const original = randomBytes(rand, randInt(rand, 3000));
      const file = tempFile(`h${seed}.bin`, original);
      const table = new PieceTable(fileSource(file), original.length);
      let ref: RefByte[] = [...original].map((value) => ({ value, added: false }));
      const done: { result: EditResult; before: RefByte[]; after: RefByte[] }[] = [];
      const undone: typeof done = [];
      for (let step = 0; step < 60; step++) {
        const r = rand();
        if (r < 0.15 && done.length) {
          const last = done.pop()!;
          undoEdit(table, last.result.edit);
          ref = last.before;
          undone.push(last);
        } else if (r < 0.25 && undone.length) {
          const next = undone.pop()!;
          redoEdit(table, next.result.edit);
          ref = next.after;
          done.push(next);
        } else {
          const offset = randInt(rand, ref.length + 1);
          const deleteLength = randInt(rand, 8);
          const bytes = randomBytes(rand, [0, 1, 1, 2, 8][randInt(rand, 5)]);
          const result = replaceBytes(table, offset, deleteLength, bytes);
          const removed = Math.min(deleteLength, ref.length - offset);
          const after = [...ref.slice(0, offset), ...[...bytes].map((value) => ({ value, added: true })), ...ref.slice(offset + removed)];
          if (removed === 0 && bytes.length === 0) {
            assert.strictEqual(result, undefined);
            continue;
          }
          assert.ok(result);
          assert.strictEqual(result.caretOffset, offset + bytes.length);
          assert.strictEqual(result.edit.kind, bytes.length === 0 ? 'delete' : removed === 0 ? 'insert' : removed === bytes.length ? 'overwrite' : 'replace');
          done.push({ result, before: ref, after });
          undone.length = 0;
          ref = after;
        }
        assert.strictEqual(table.size, ref.length, `seed ${seed} step ${step}`);
        const from = randInt(rand, ref.length + 1);
        const length = 1 + randInt(rand, 600);
        const window = readByteWindow(table, from, length);
        const to = Math.min(ref.length, from + length);
        assert.strictEqual(window.offset, from);
        assert.deepStrictEqual([...window.data], ref.slice(from, to).map((b) => b.value), `seed ${seed} step ${step}`);
        assert.deepStrictEqual(window.edited, refRanges(ref, from, to), `edited ranges, seed ${seed} step ${step}`);
      }
    }
  });

  it('a save writes exactly the edited bytes to disk; undo back to the original marks nothing edited', async () => {
    for (let seed = 100; seed < 120; seed++) {
      const rand = random(seed);
      const original = randomBytes(rand, 1 + randInt(rand, 20_000));
      const file = tempFile(`s${seed}.bin`, original);
      const table = new PieceTable(fileSource(file), original.length);
      let ref = [...original];
      const edits: EditResult[] = [];
      for (let step = 0; step < 1 + randInt(rand, 12); step++) {
        const offset = randInt(rand, ref.length + 1);
        // Mostly overwrites (two hex digits, an inspector value), some inserts and deletes.
        const kind = randInt(rand, 4);
        const bytes = kind === 3 ? new Uint8Array(0) : randomBytes(rand, 1 + randInt(rand, 8));
        const deleteLength = kind === 2 ? 0 : kind === 3 ? 1 + randInt(rand, 100) : bytes.length;
        const result = replaceBytes(table, offset, deleteLength, bytes);
        if (!result) continue;
        edits.push(result);
        ref = [...ref.slice(0, offset), ...bytes, ...ref.slice(offset + Math.min(deleteLength, ref.length - offset))];
      }
      // Undo and redo everything first: the save must still write the edited content.
      for (const r of [...edits].reverse()) undoEdit(table, r.edit);
      assert.deepStrictEqual([...table.read(0, table.size)], [...original]);
      assert.deepStrictEqual(readByteWindow(table, 0, 65536).edited, [], 'nothing edited after undoing all');
      for (const r of edits) redoEdit(table, r.edit);
      const stat = fs.statSync(file);
      await saveInPlace(planOf(file, table, { size: stat.size, mtimeMs: stat.mtimeMs }), { hooks: { applyIn: 'inline' } });
      assert.deepStrictEqual([...fs.readFileSync(file)], ref, `seed ${seed}`);
    }
  });

  it('refuses an edit past the end, appends on an overwrite at the end', () => {
    const file = tempFile('end.bin', Uint8Array.from([1, 2, 3]));
    const table = new PieceTable(fileSource(file), 3);
    assert.throws(() => replaceBytes(table, 4, 0, Uint8Array.from([9])), RangeError);
    const r = replaceBytes(table, 3, 1, Uint8Array.from([0xab]))!;
    assert.strictEqual(r.edit.kind, 'insert');
    assert.deepStrictEqual([...table.read(0, table.size)], [1, 2, 3, 0xab]);
    assert.deepStrictEqual(readByteWindow(table, 10, 5), { offset: 4, data: new Uint8Array(0), edited: [] }, 'a read past the end is empty');
  });

  it('copies as hex pairs or as UTF-8 text, and refuses over the limit naming the size', () => {
    const file = tempFile('copy.bin', Buffer.from('héllo\0'));
    const table = new PieceTable(fileSource(file), 7);
    assert.strictEqual(readByteSelection(table, 0, 7, 'hex'), '68 c3 a9 6c 6c 6f 00');
    assert.strictEqual(readByteSelection(table, 0, 6, 'text'), 'héllo');
    const big = new PieceTable({ read: (_o, n) => Buffer.alloc(n) }, MAX_HEX_COPY_BYTES + 1);
    assert.throws(() => readByteSelection(big, 0, MAX_HEX_COPY_BYTES + 1, 'hex'), (e: Error) => e instanceof RangeError && /4\.0 MB/.test(e.message));
  });

  it('copies text in the file\'s encoding: UTF-16 LE and BE, Windows-1252', () => {
    const wide = Buffer.from('héllo 😀', 'utf16le');
    const le = new PieceTable(fileSource(tempFile('copy16.bin', wide)), wide.length);
    assert.strictEqual(readByteSelection(le, 0, wide.length, 'text', encodingOf('utf16le')!), 'héllo 😀');
    const swapped = Buffer.from(wide).swap16();
    const be = new PieceTable(fileSource(tempFile('copy16be.bin', swapped)), swapped.length);
    assert.strictEqual(readByteSelection(be, 2, 8, 'text', encodingOf('utf16be')!), 'éllo');
    const legacy = new PieceTable(fileSource(tempFile('copy1252.bin', Uint8Array.from([0x80, 0x20, 0xe9]))), 3);
    assert.strictEqual(readByteSelection(legacy, 0, 3, 'text', encodingOf('windows1252')!), '€ é');
  });
});
