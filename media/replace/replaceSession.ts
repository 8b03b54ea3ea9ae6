/**
 * The viewer's side of Replace (Ctrl+H): the replace row under the find field, and the
 * requests it sends. Replace goes through the find session (findSession.ts) as a
 * search would: the host answers it with the next match, and a press made before that
 * answer waits for it. Replace All runs on the host over the whole file; its progress
 * and outcome show where the count is.
 */
import type { FileState, Position, ViewerMessage } from '../../src/editor/protocol';
import type { SearchQuery } from '../../src/search/query';
import type { ReplacedMessage, ReplaceProgressMessage } from '../../src/editor/replaceProtocol';
import type { FindSession } from '../findSession';
import { ReplaceRow } from './replaceRow';

export interface ReplaceHost {
  post(message: ViewerMessage): void;
  /** The view's selection, start first: what Replace replaces when it is a match. */
  selection(): [Position, Position];
  announce(text: string): void;
}

export class ReplaceSession {
  private readonly row: ReplaceRow;
  private nextId = 1;
  /** The Replace All on its way (its id), until the host says it ended. */
  private running: number | undefined;
  private readOnly = false;

  constructor(private readonly find: FindSession, private readonly host: ReplaceHost) {
    this.row = new ReplaceRow(find.widget, {
      replaceOne: () => this.replaceOne(),
      replaceAll: () => this.replaceAll(),
      stop: () => this.stop(),
    });
  }

  /**
   * Ctrl+F (`replace` false) and Ctrl+H open the find widget with `seed` (the selected
   * text, or a query), as VS Code does: Ctrl+H shows the replace row and focuses its
   * input when there is something to find; Ctrl+F hides the row, unless the widget was
   * open already.
   */
  open(seed: string | Exclude<SearchQuery, { kind: 'bytes' }> | undefined, replace: boolean): void {
    const wasOpen = this.find.widget.isOpen;
    if (typeof seed === 'object') this.find.widget.setQuery(seed);
    this.find.open(typeof seed === 'string' ? seed : undefined);
    if (replace) {
      this.row.show(true);
      if (this.find.widget.input.value !== '') this.row.focus();
    } else if (!wasOpen) {
      this.row.show(false);
    }
  }

  /** Follows the file's state: a read-only file has nothing to replace. */
  update(state: FileState): void {
    this.readOnly = state.readOnly;
    this.row.setReadOnly(state.readOnly);
  }

  /** Replaces the selection when it is a match, then selects the next match (the host's answer). */
  replaceOne(): void {
    if (this.readOnly || this.running !== undefined) return;
    this.find.widget.flush(); // a query still being typed is searched first: its match is the one replaced
    const { replacement, preserveCase } = this.row;
    this.find.request((id, query) => {
      const [from, to] = this.host.selection();
      this.host.post({ type: 'replaceOne', id, query, replacement, preserveCase, from: { ...from }, to: { ...to } });
    });
  }

  replaceAll(): void {
    if (this.readOnly || this.running !== undefined) return;
    this.find.widget.flush();
    const query = this.find.currentQuery;
    if (!query) return;
    this.running = this.nextId++;
    this.row.setRunning(true);
    this.find.showNote('Replacing…', 'ok');
    this.host.post({ type: 'replaceAll', id: this.running, query, replacement: this.row.replacement, preserveCase: this.row.preserveCase });
  }

  /** Stops the Replace All running (Escape, its button, the widget closing); the host answers `replaced`. */
  stop(): void {
    if (this.running !== undefined) this.host.post({ type: 'replaceStop', id: this.running });
  }

  onProgress(m: ReplaceProgressMessage): void {
    if (m.id !== this.running) return;
    this.find.showNote(`Replacing… ${m.matches.toLocaleString()} found · ${Math.floor(m.progress * 100)} %`, 'ok');
  }

  onReplaced(m: ReplacedMessage): void {
    if (m.id !== this.running) return;
    this.running = undefined;
    this.row.setRunning(false);
    const text = m.error ?? (m.cancelled ? 'Replace All cancelled' : `Replaced ${m.count.toLocaleString()} ${m.count === 1 ? 'occurrence' : 'occurrences'}`);
    if (this.find.widget.isOpen) this.find.showNote(text, m.error ? 'error' : 'ok');
    this.host.announce(text);
  }
}
