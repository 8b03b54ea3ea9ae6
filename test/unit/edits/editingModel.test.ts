// The model-based editing test at the host's level: seeded random keys on random small
// files, turned into the messages the view sends, applied by the host's edit commands
// (EditedText over a real LineIndex of a real file), undone and redone by its undo
// steps, saved by the real save engine; after every key the content must equal the
// reference editor's (test/model/referenceEditor.ts), and after every save the bytes on
// disk. The same keys run through the real webview in test/webview/model.test.ts.
// Replay: MODEL_SEED=<seed> npx mocha test/unit/edits/editingModel.test.ts
import * as assert from 'assert';
import * as fs from 'fs';
import { deleteText, type EditResult, type LinePosition, typeText } from '../../../src/edits/editCommands';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { rebaseForSave } from '../../../src/edits/rebaseEdits';
import { saveInPlace } from '../../../src/edits/saveEngine';
import { planOf } from '../../../src/edits/savePlan';
import { type UndoEntry, type UndoStep, UndoSteps } from '../../../src/edits/undoSteps';
import { reloadContent } from '../../../src/editor/contentReload';
import { type FileMark, markOf } from '../../../src/editor/fileMark';
import { encodingOf, UTF8 } from '../../../src/encoding/textEncoding';
import { LineIndex } from '../../../src/lines';
import { randomCase } from '../../model/keySequences';
import { type Key, ReferenceEditor } from '../../model/referenceEditor';
import { tempFile } from '../testUtil';

const CASES = Number(process.env.MODEL_CASES ?? 150);
const STEPS = Number(process.env.MODEL_STEPS ?? 60);
const FIRST_SEED = Number(process.env.MODEL_SEED ?? 1);

/** The host's side of one document: what HugeDocument and ViewerSession do with the view's messages. */
class Host {
  readonly text: EditedText;
  private readonly steps: UndoSteps;
  private readonly entries: UndoEntry[] = [];
  private readonly undoStack: UndoStep[] = [];
  private readonly redoStack: UndoStep[] = [];
  private baseline: FileMark;

  constructor(readonly path: string, private readonly index: LineIndex) {
    this.text = new EditedText(index, new PieceTable(index, index.fileSize));
    this.steps = new UndoSteps(this.text.table);
    this.baseline = markOf(path);
  }

  get eol(): '\n' | '\r\n' | '\r' {
    const t = this.text;
    if (t.lineBreak.kind === 'cr') return '\r';
    if (t.availableLines() < 2) return '\n';
    const first = t.lineBounds(0);
    return first.next - first.end === 2 * t.lineBreak.unitBytes ? '\r\n' : '\n';
  }

  content(): string {
    return this.text.encoding.decode(this.text.read(0, this.text.size));
  }

  push(result: EditResult | undefined): void {
    if (!result) return;
    this.text.invalidate();
    const entry = { edit: result.edit };
    this.entries.push(entry);
    const step = this.steps.add(entry, result, 0);
    if (step) {
      this.undoStack.push(step);
      this.redoStack.length = 0;
    }
  }

  undo(): void {
    const step = this.undoStack.pop();
    if (!step) return;
    this.redoStack.push(step);
    assert.ok(step.undo(), 'undo lost its bytes');
    this.text.invalidate();
  }

  redo(): void {
    const step = this.redoStack.pop();
    if (!step) return;
    this.undoStack.push(step);
    assert.ok(step.redo(), 'redo lost its bytes');
    this.text.invalidate();
  }

  /** HugeDocument.endUndoStep. */
  endUndoStep(): void {
    this.steps.close();
  }

  /** HugeDocument.saveOnce: plan, rebase the undo edits, write in place, re-index. */
  async save(): Promise<void> {
    if (this.text.table.isPristine) return;
    const plan = planOf(this.path, this.text.table, this.baseline);
    const live = this.entries.filter((e) => e.edit);
    const rebased = rebaseForSave(this.text.table, live.map((e) => e.edit!));
    this.index.release();
    await saveInPlace(plan);
    rebased().forEach((edit, i) => { live[i].edit = edit; });
    this.baseline = reloadContent(this.path, this.text, this.index);
    await this.index.whenComplete();
    this.steps.close();
  }
}

/** Sends `key` as the view would (positions from the reference's caret and selection), before the reference applies it. */
async function send(host: Host, ref: ReferenceEditor, key: Key): Promise<void> {
  const t = host.text;
  const [a, b] = [Math.min(ref.caret, ref.anchor), Math.max(ref.caret, ref.anchor)];
  const from: LinePosition = ref.position(a);
  const to: LinePosition | undefined = a === b ? undefined : ref.position(b);
  switch (key.kind) {
    case 'type':
    case 'enter':
      return host.push(typeText(t, t.table, from, to, key.kind === 'enter' ? '\n' : key.text, ref.overwrite && !to, host.eol));
    case 'paste':
      return host.push(typeText(t, t.table, from, to, key.text, false, host.eol, 'paste'));
    case 'backspace':
    case 'delete':
      return host.push(deleteText(t, t.table, from, to, key.kind === 'backspace' ? 'backward' : 'forward'));
    case 'cut': {
      if (to) return host.push(deleteText(t, t.table, from, to, 'forward'));
      const lines = t.availableLines();
      const end = from.line + 1 < lines ? { line: from.line + 1, column: 0 } : { line: from.line, column: t.lineBounds(from.line).end - t.lineBounds(from.line).start };
      return host.push(deleteText(t, t.table, { line: from.line, column: 0 }, end, 'forward'));
    }
    case 'undo': return host.undo();
    case 'redo': return host.redo();
    case 'save': return host.save();
    default: return undefined; // moves and Insert: the view's alone (a move's end of the undo step: see below)
  }
}

/** Keys that only move the caret or the selection. */
function isMove(key: Key): boolean {
  return ['left', 'right', 'up', 'down', 'home', 'end', 'docStart', 'docEnd'].includes(key.kind);
}

describe('model-based editing through the host\'s edit code and the real save engine', function () {
  this.timeout(120_000);

  /** `cases` random cases from FIRST_SEED, their files' lines ending as `lineBreak` says and read so, in `encoding`. */
  async function runCases(cases: number, lineBreak: 'lf' | 'cr', encoding = UTF8): Promise<void> {
    const onDisk = (file: string) => encoding.decode(fs.readFileSync(file));
    for (let n = 0; n < cases; n++) {
      const seed = FIRST_SEED + n;
      const c = randomCase(seed, STEPS, lineBreak);
      const file = tempFile(`model-${seed}.txt`, encoding.encode(c.file));
      const index = LineIndex.open(file, { lineBreak, encoding });
      try {
        await index.whenComplete();
        const host = new Host(file, index);
        const ref = new ReferenceEditor(c.file, encoding.units, lineBreak);
        for (let i = 0; i < c.keys.length; i++) {
          const where = () => `seed ${seed} (MODEL_SEED=${seed}), file ${JSON.stringify(c.file)}, after key ${i} of ${JSON.stringify(c.keys.slice(0, i + 1))}`;
          await send(host, ref, c.keys[i]);
          const [caret, anchor] = [ref.caret, ref.anchor];
          ref.press(c.keys[i]);
          // A key that moved the caret or selection: the view's next edit says so (`moved`), and starts a new undo step.
          if (isMove(c.keys[i]) && (ref.caret !== caret || ref.anchor !== anchor)) host.endUndoStep();
          assert.strictEqual(host.content(), ref.text, where());
          assert.strictEqual(host.text.availableLines(), ref.lines().length, `line count, ${where()}`);
          if (c.keys[i].kind === 'save') assert.strictEqual(onDisk(file), ref.saved, `bytes on disk, ${where()}`);
        }
        await host.save();
        assert.strictEqual(onDisk(file), ref.text, `bytes on disk at the end, seed ${seed}`);
      } finally {
        index.dispose();
      }
    }
  }

  it(`${CASES} random files, ${STEPS} random keys each: content after every key, bytes on disk after every save`, () => runCases(CASES, 'lf'));

  it(`${Math.ceil(CASES / 3)} random files of lone CR line ends, read so: Enter types CR, lines split at CR`, () => runCases(Math.ceil(CASES / 3), 'cr'));

  it(`${Math.ceil(CASES / 3)} random files in UTF-16 LE and as many in UTF-16 BE (one with lone CR line ends): two bytes a unit`, async () => {
    await runCases(Math.ceil(CASES / 3), 'lf', encodingOf('utf16le')!);
    await runCases(Math.ceil(CASES / 3), 'cr', encodingOf('utf16be')!);
  });
});
