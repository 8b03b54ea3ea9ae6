import { offsetOf, positionOf } from '../edits/editCommands';
import { MatchList } from '../replace/matchList';
import { maxReplacements, replaceAll, replaceOne } from '../replace/replaceEdits';
import { planReplace, type ReplacePlan } from '../replace/replacePlan';
import { searchFile } from '../search/searchFile';
import type { FindController } from './findController';
import type { HugeDocument } from './hugeDocument';
import type { HostMessage } from './protocol';
import type { ReplaceAllMessage, ReplaceOneMessage } from './replaceProtocol';
import { segmentsOf } from './searchSegments';

/** Most often Replace All reports its search's progress. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * The host side of one viewer's replace row: Replace (the selected match, then find the
 * next) and Replace All (search the whole edited content off the event loop, then
 * change every match as one undo step). Nothing is changed when anything fails.
 */
export class ReplaceController {
  private running: { id: number; abort: AbortController } | undefined;

  constructor(private readonly document: HugeDocument, private readonly finder: FindController, private readonly post: (message: HostMessage) => void) {}

  /** Answers `replaceOne` with `found`: the next match after the replacement, or after the selection when it was no match. */
  async replaceOne(m: ReplaceOneMessage): Promise<void> {
    const abort = new AbortController();
    let next = m.from;
    try {
      const plan = planReplace(m.query, m.replacement, m.preserveCase);
      const text = this.document.text!;
      const [from, to] = [offsetOf(text, m.from), offsetOf(text, m.to)];
      const found = to > from ? await this.finder.firstMatchFrom(m.query, from, abort.signal) : undefined;
      if (found && found.offset === from && found.length === to - from && this.document.text === text) {
        const result = this.document.applyEdit((edited) => replaceOne(edited, from, to - from, plan));
        if (result) next = positionOf(this.document.text!, result.caretOffset);
      }
    } catch (err) {
      this.post({ type: 'found', id: m.id, wrapped: false, error: `Not replaced: ${(err as Error).message}` });
      return;
    }
    await this.finder.find({ type: 'find', id: m.id, query: m.query, from: next, backwards: false, restart: false });
  }

  /** Answers `replaceAll` with `replaceProgress` while it searches, then `replaced`. */
  async replaceAll(m: ReplaceAllMessage): Promise<void> {
    this.running?.abort.abort();
    const abort = new AbortController();
    this.running = { id: m.id, abort };
    try {
      const plan = planReplace(m.query, m.replacement, m.preserveCase);
      const text = this.document.text!;
      const size = text.size;
      let changed = false;
      const watch = this.document.onDidChangeContent(() => { changed = true; });
      let matches: MatchList | undefined;
      try {
        matches = await this.search(m.id, plan, abort);
      } finally {
        watch.dispose();
      }
      if (!matches) {
        this.post({ type: 'replaced', id: m.id, count: 0, cancelled: true });
        return;
      }
      if (changed || this.document.text !== text || text.size !== size) throw new Error('the file changed while Replace All searched it; nothing was replaced');
      const result = this.document.applyEdit((edited) => replaceAll(edited, matches, plan));
      this.post({ type: 'replaced', id: m.id, count: result ? matches.count : 0 });
    } catch (err) {
      this.post({ type: 'replaced', id: m.id, count: 0, error: `Nothing replaced: ${(err as Error).message}` });
    } finally {
      if (this.running?.abort === abort) this.running = undefined;
    }
  }

  /** Stops Replace All `id` while it searches (nothing is changed). */
  stop(id?: number): void {
    if (this.running && (id === undefined || this.running.id === id)) this.running.abort.abort();
  }

  /**
   * Every match in content order, without overlaps (see MatchList.add) and without
   * empty ones; undefined when stopped. Throws RangeError past the most the editor replaces.
   */
  private async search(id: number, plan: ReplacePlan, abort: AbortController): Promise<MatchList | undefined> {
    const text = this.document.text!;
    const matches = new MatchList();
    const most = maxReplacements(plan);
    let reportedAt = 0;
    let tooMany = false;
    await searchFile({
      path: this.document.uri.fsPath,
      segments: segmentsOf(text.table),
      encoding: text.encoding.id,
      lineBreak: text.lineBreak.kind,
      query: plan.query,
      signal: abort.signal,
      onMatches: (batch) => {
        for (const match of batch) {
          if (match.length === 0) continue;
          matches.add(match.offset, match.length);
          if (matches.count > most) {
            tooMany = true;
            abort.abort();
            return;
          }
        }
      },
      onProgress: (p) => {
        const now = Date.now();
        if (now - reportedAt < PROGRESS_INTERVAL_MS) return;
        reportedAt = now;
        this.post({ type: 'replaceProgress', id, matches: matches.count, progress: p.totalBytes > 0 ? p.scannedBytes / p.totalBytes : 1 });
      },
    }).catch((err: Error) => {
      if (err.name !== 'AbortError') throw err;
    });
    if (tooMany) {
      throw new RangeError(`more than ${most.toLocaleString('en-US')} matches: more than Replace All changes in the editor; \`hugefile replace\` changes any number, in place`);
    }
    return abort.signal.aborted ? undefined : matches;
  }
}
