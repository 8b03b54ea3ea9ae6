import * as assert from 'assert';
import { offsetOf } from '../../../src/edits/editCommands';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { replaceRange } from '../../../src/edits/textEdit';
import { HighlightLanes } from '../../../src/editor/highlightLanes';
import type { HugeDocument } from '../../../src/editor/hugeDocument';
import type { HostMessage } from '../../../src/editor/protocol';
import type { RulerMessage } from '../../../src/editor/rulerProtocol';
import { checkRules } from '../../../src/highlight/userRules';
import { LineIndex } from '../../../src/lines';
import { randInt, random, tempFile } from '../testUtil';

const LINES = 3000;

/** The buckets set in a ruler message. */
function setBuckets(m: RulerMessage): number[] {
  const bits = Buffer.from(m.bits ?? '', 'base64');
  const out: number[] = [];
  for (let b = 0; b < m.count; b++) if (bits[b >> 3] & (1 << (b & 7))) out.push(b);
  return out;
}

/** Checks that the lane shows each line of `matching` and nothing far from them. */
function assertLane(m: RulerMessage, matching: number[], lineCount: number, what: string): void {
  const bucketOf = (line: number) => Math.floor((line / lineCount) * m.count);
  const set = new Set(setBuckets(m));
  for (const line of matching) assert.ok(set.has(bucketOf(line)), `${what}: line ${line} (bucket ${bucketOf(line)}) is not on the ruler`);
  const near = Math.ceil(m.count / lineCount) + 1;
  const wanted = matching.map(bucketOf);
  for (const b of set) assert.ok(wanted.some((w) => Math.abs(w - b) <= near), `${what}: bucket ${b} is set with no match near it`);
}

describe('highlight rules on the overview ruler', () => {
  let index: LineIndex;
  let lines: string[];
  let document: HugeDocument;
  let text: EditedText;

  beforeEach(async () => {
    const rand = random(11);
    lines = Array.from({ length: LINES }, (_, i) => {
      const roll = randInt(rand, 40);
      return roll === 0 ? `line ${i} ERROR disk full` : roll === 1 ? `line ${i} took 1234 ms` : `line ${i} ok`;
    });
    const file = tempFile('rules.log', `${lines.join('\n')}\n`);
    index = LineIndex.open(file, { every: 4 });
    await index.whenComplete();
    text = new EditedText(index, new PieceTable(index, index.fileSize));
    document = { uri: { fsPath: file }, text, index, isSaving: false } as unknown as HugeDocument;
  });
  afterEach(() => index.dispose());

  /** Runs `lanes` until each of `rules` rules has sent its lane after the scan, the last message of each. */
  function finalLanes(received: RulerMessage[], rules: number): Map<number, RulerMessage> {
    const last = new Map<number, RulerMessage>();
    for (const m of received) last.set(m.rule!, m);
    assert.strictEqual(last.size, rules);
    return last;
  }

  it('scans the whole file for each rule, text and regex, and sends each its lane', async () => {
    const received: RulerMessage[] = [];
    const lanes = new HighlightLanes(document, (m: HostMessage) => {
      if (m.type === 'ruler') received.push(m);
    });
    const { rules } = checkRules([{ pattern: 'ERROR', background: 'red' }, { pattern: '\\d{4} ms', regex: true, background: 'blue' }]);
    lanes.setRules(rules);
    // The lanes may come in parts (a slow machine sends what a scan found so far): the last of each counts.
    await lanes.scanned();
    lanes.stop();
    assert.ok(received.every((m) => m.lane === 'highlight' && m.count === 4096));
    const last = finalLanes(received, 2);
    const lineCount = text.estimatedLineCount();
    assertLane(last.get(0)!, lines.flatMap((l, i) => (l.includes('ERROR') ? [i] : [])), lineCount, 'ERROR');
    assertLane(last.get(1)!, lines.flatMap((l, i) => (/\d{4} ms/.test(l) ? [i] : [])), lineCount, 'regex');
  });

  it('fewer rules take the lanes of the others away; an edit scans again, over the edited content', async () => {
    const received: RulerMessage[] = [];
    let wake: (() => void) | undefined;
    const lanes = new HighlightLanes(document, (m: HostMessage) => {
      if (m.type !== 'ruler') return;
      received.push(m);
      wake?.();
    });
    const until = async (test: () => boolean) => {
      while (!test()) await new Promise<void>((resolve) => { wake = resolve; });
    };
    const both = checkRules([{ pattern: 'ERROR', background: 'red' }, { pattern: 'ms', wholeWord: true, background: 'blue' }]).rules;
    lanes.setRules(both);
    await until(() => received.some((m) => m.rule === 1 && m.count > 0));
    received.length = 0;
    lanes.setRules(both.slice(0, 1));
    assert.deepStrictEqual(received, [{ type: 'ruler', lane: 'highlight', count: 0, rule: 1 }], 'rule 1 goes at once');
    await until(() => received.some((m) => m.rule === 0 && m.count > 0));

    // A new ERROR typed at the start of a line far from the others: the lane shows it after the rescan.
    const quiet = lines.findIndex((_, i) => i > 100 && lines.slice(i - 30, i + 30).every((x) => !x.includes('ERROR')));
    assert.ok(quiet > 0);
    received.length = 0;
    replaceRange(text.table, 'insert', offsetOf(text, { line: quiet, column: 0 }), 0, Buffer.from('ERROR '));
    text.invalidate();
    lanes.contentChanged();
    await lanes.scanned();
    lanes.stop();
    const matching = lines.flatMap((l, i) => (l.includes('ERROR') || i === quiet ? [i] : []));
    assertLane(received[received.length - 1], matching, text.estimatedLineCount(), 'after the edit');
  });
});
