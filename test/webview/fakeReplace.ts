/**
 * Replace and Replace All for the fake host, by the extension host's own replace code
 * (src/replace) over the fake document; the matches come from the fake host's naive
 * search (fakeSearch.ts), as positions turned into offsets of the edited content.
 */
import { offsetOf } from '../../src/edits/editCommands';
import type { FoundMessage } from '../../src/editor/findProtocol';
import type { ReplaceAllMessage, ReplaceOneMessage } from '../../src/editor/replaceProtocol';
import { MatchList } from '../../src/replace/matchList';
import { replaceAll, replaceOne } from '../../src/replace/replaceEdits';
import { planReplace } from '../../src/replace/replacePlan';
import { samePos } from '../../media/guards';
import type { Change, FakeDocument } from './fakeDocument';
import type { FakeFile } from './fakeFiles';
import { allMatches, findMatch } from './fakeSearch';

/**
 * Replaces the selection `m.from`..`m.to` when it is a match, then finds the next
 * match after the replacement (or after the selection); a bad replacement is the
 * answer's error. `file` is `doc` as lines.
 */
export function fakeReplaceOne(doc: FakeDocument, file: FakeFile, m: ReplaceOneMessage): { change?: Change; found: FoundMessage } {
  let from = m.to;
  let change: Change | undefined;
  try {
    const plan = planReplace(m.query, m.replacement, m.preserveCase);
    const hit = allMatches(file, m.query).find((x) => samePos(x.from, m.from) && samePos(x.to, m.to));
    if (hit) {
      const offset = offsetOf(doc.text, hit.from);
      change = doc.applyReplace((text) => replaceOne(text, offset, offsetOf(text, hit.to) - offset, plan));
      if (change) from = doc.position(change.caretOffset);
    }
  } catch (err) {
    return { found: { type: 'found', id: m.id, wrapped: false, error: (err as Error).message } };
  }
  const next = findMatch(file, m.query, from, false);
  return { change, found: { type: 'found', id: m.id, match: next.match, wrapped: next.wrapped } };
}

/** Replaces every match as one edit; `count` replaced, or the error that left the file as it was. */
export function fakeReplaceAll(doc: FakeDocument, file: FakeFile, m: ReplaceAllMessage): { change?: Change; count: number; error?: string } {
  try {
    const plan = planReplace(m.query, m.replacement, m.preserveCase);
    const matches = new MatchList();
    for (const x of allMatches(file, m.query)) {
      const offset = offsetOf(doc.text, x.from);
      matches.add(offset, offsetOf(doc.text, x.to) - offset);
    }
    return { change: doc.applyReplace((text) => replaceAll(text, matches, plan)), count: matches.count };
  } catch (err) {
    return { count: 0, error: (err as Error).message };
  }
}
