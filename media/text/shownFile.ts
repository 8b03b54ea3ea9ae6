/**
 * The file as the text view shows it, kept true to what the host says. Its state is
 * the host's last, with the lines the view's unanswered edits add or remove and Follow
 * as asked while a toggle is unanswered. Its lines stay on screen until replaced (no
 * flash of placeholders), but are fetched again where the file may have changed.
 */
import type { FileState } from '../../src/editor/protocol';
import type { LineCache } from '../lineCache';
import { FollowToggle } from './followToggle';
import type { LineRequests } from './lineRequests';
import type { TextEdits } from './textEditing';

/** What the view does when the state it shows moves. */
export interface ShownFileHost {
  /** The state shown moved from `prev` to `next` (not called for the first state): draw again. */
  moved(prev: FileState, next: FileState): void;
  invalidate(): void;
}

/** The shown state and the lines held, updated by the host's messages and the view's own edits. */
export class ShownFile {
  private shown: FileState | undefined;
  /** The state as the host reported it last. */
  private reported: FileState | undefined;
  private readonly followToggle = new FollowToggle();

  constructor(
    private readonly cache: LineCache,
    private readonly requests: LineRequests,
    private readonly edits: TextEdits,
    private readonly host: ShownFileHost,
  ) {}

  /** The state shown; undefined until the host's first (`init`). */
  get state(): FileState | undefined {
    return this.shown;
  }

  /** Lines of the file as shown. */
  get lineCount(): number {
    return this.shown ? this.shown.lineCount : 0;
  }

  /** The host (re)started the view on `state`: nothing held is kept. True for the first start. */
  init(state: FileState): boolean {
    const first = !this.shown;
    this.reported = state;
    this.shown = this.fromHost(state);
    this.cache.clear();
    this.requests.forgetAbsent();
    this.requests.drop();
    return first;
  }

  /** A state the host sent. */
  report(state: FileState): void {
    this.reported = state;
    this.show(this.fromHost(state));
  }

  /** The host's line count lags (its index has not reached `line`): shown with at least the lines up to it. */
  reach(line: number): void {
    if (this.shown && line >= this.shown.lineCount) this.shown = { ...this.shown, lineCount: line + 1 };
  }

  /** The user toggled Follow (the command is on its way to the host): shown as asked at once. */
  toggleFollow(): void {
    if (this.shown) this.show({ ...this.shown, following: this.followToggle.toggled(this.shown.following) });
  }

  /** An edit on its way changed the line count the view shows. */
  predictLines(): void {
    if (!this.shown || !this.reported) return;
    const { lineCount, knownLines } = this.predicted(this.reported);
    this.shown = { ...this.shown, lineCount, knownLines };
    this.requests.forgetAbsent();
    this.host.invalidate();
  }

  /**
   * Lines the host sent for request `id`, read at edit `edit`, with its state. False when
   * none were taken: the reply is stale (the window moved or the file changed since).
   */
  lines(id: number, lines: unknown[], state: FileState, edit: number): boolean {
    // Taken before the state is applied: dropping the request for a truncation it reports does not make its reply stale.
    const request = this.requests.take(id);
    this.report(state);
    if (!request) return false;
    // Read before an edit of ours was applied (held during a save): none of them is shown; asked again once it is.
    this.requests.store(request, edit < this.edits.lastSent ? [] : lines);
    return true;
  }

  /**
   * The content changed from `fromLine` (an edit from any view, undo, redo, revert,
   * save), or all of it (`reset`); `editId` when it answers an edit of this view, whose
   * lines the view predicted (unless it said it could not).
   */
  edited(fromLine: number, state: FileState, reset: boolean, editId: number | undefined): void {
    const own = this.edits.isOwn(editId);
    if (reset) this.cache.clear();
    else this.cache.markStale(fromLine, !own);
    this.edits.settle(editId);
    this.requests.drop(); // a reply in flight may predate the edit
    this.requests.forgetAbsent();
    // The edit explains the size change: no truncation handling.
    if (this.shown) this.shown = { ...this.shown, fileSize: state.fileSize };
    this.report(state);
    // Lines past the end (an edit removed them) would never be fetched again, nor drop their doubt.
    if (this.edits.pending === 0 && this.shown?.complete) this.cache.deleteFrom(this.shown.lineCount);
  }

  /** The state to show for one the host reported. */
  private fromHost(reported: FileState): FileState {
    return { ...this.predicted(reported), following: this.followToggle.shown(reported.following) };
  }

  /** `reported` with the lines the edits the host has not answered yet add or remove. */
  private predicted(reported: FileState): FileState {
    const delta = this.edits.lineDelta;
    return delta === 0 ? reported : { ...reported, lineCount: reported.lineCount + delta, knownLines: reported.knownLines + delta };
  }

  private show(next: FileState): void {
    const prev = this.shown;
    this.shown = next;
    if (!prev) return;
    if (next.fileSize < prev.fileSize) {
      // Truncated or rotated (an edit's removal comes through `edited`): no old line may show.
      this.cache.clear();
      this.requests.restart();
    } else if (next.fileSize > prev.fileSize) {
      // Appended: the old last line may have been unterminated and grown.
      this.cache.markStale(Math.max(0, Math.min(prev.lineCount, prev.knownLines) - 1));
    }
    if (next.knownLines !== prev.knownLines || next.lineCount !== prev.lineCount || next.fileSize !== prev.fileSize) {
      this.requests.forgetAbsent();
    }
    this.host.moved(prev, next);
  }
}
