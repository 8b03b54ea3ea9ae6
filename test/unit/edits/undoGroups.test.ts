import * as assert from 'assert';
import { type EditShape, UNDO_PAUSE_MS, UndoGroups } from '../../../src/edits/undoGroups';

const enc = (s: string) => new TextEncoder().encode(s);
const typed = (offset: number, s: string): EditShape => ({ offset, removed: 0, inserted: enc(s), action: 'type' });
const back = (offset: number): EditShape => ({ offset, removed: 1, inserted: enc(''), action: 'backspace' });
const del = (offset: number): EditShape => ({ offset, removed: 1, inserted: enc(''), action: 'delete' });

/** Types `text` key by key from `offset`; returns where each group started, as the text typed in each. */
function groupsOf(groups: UndoGroups, offset: number, text: string, at = 0): string[] {
  const out: string[] = [];
  [...text].forEach((ch, i) => {
    if (groups.joins(typed(offset + i, ch), at + i * 10)) out[out.length - 1] += ch;
    else out.push(ch);
  });
  return out;
}

describe('undo groups', () => {
  it('groups typing by words as VS Code: the first space after a word starts a group', () => {
    assert.deepStrictEqual(groupsOf(new UndoGroups(), 0, 'hello world  again'), ['hello', ' world', '  again']);
  });

  it('a pause, typing elsewhere, a line break, an undo or a save end the group', () => {
    const g = new UndoGroups();
    assert.ok(!g.joins(typed(0, 'a'), 0));
    assert.ok(g.joins(typed(1, 'b'), 10));
    assert.ok(!g.joins(typed(2, 'c'), 10 + UNDO_PAUSE_MS), 'a pause');
    assert.ok(!g.joins(typed(7, 'd'), 20 + UNDO_PAUSE_MS), 'the caret moved');
    assert.ok(!g.joins(typed(8, '\n'), 30 + UNDO_PAUSE_MS), 'Enter');
    assert.ok(!g.joins(typed(9, 'e'), 40 + UNDO_PAUSE_MS), 'after Enter');
    g.close();
    assert.ok(!g.joins(typed(10, 'f'), 50 + UNDO_PAUSE_MS), 'after a save');
    assert.ok(!g.joins({ ...typed(11, 'pasted'), action: 'other' }, 60 + UNDO_PAUSE_MS), 'a paste');
  });

  it('joins Backspaces in a row and Deletes in a row, never with typing', () => {
    const g = new UndoGroups();
    g.joins(typed(0, 'a'), 0);
    g.joins(typed(1, 'b'), 1);
    assert.ok(!g.joins(back(1), 2), 'a delete after typing');
    assert.ok(g.joins(back(0), 3));
    assert.ok(!g.joins(typed(0, 'x'), 4), 'typing after deleting');
    assert.ok(!g.joins(del(1), 5));
    assert.ok(g.joins(del(1), 6));
    assert.ok(!g.joins(back(1), 7), 'Backspace after Delete');
  });
});
