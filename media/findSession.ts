/**
 * The viewer's side of find: the widget, the searches it sends (each with a new id,
 * so late answers to old ones are dropped), the running count, and the matcher the
 * view highlights visible lines with.
 */
import type { FindCountMessage, FoundMessage } from '../src/editor/findProtocol';
import type { Position, ViewerMessage } from '../src/editor/protocol';
import type { SearchQuery } from '../src/search/query';
import { FindWidget } from './findWidget';
import { compileMatcher, type LineMatcher } from './lineMatches';

export interface FindHost {
  post(message: ViewerMessage): void;
  /** The selection, start first. */
  selection(): [Position, Position];
  /** Selects a match and scrolls it into view. */
  showMatch(from: Position, to: Position): void;
  announce(text: string): void;
  /** Highlights changed: draw again. */
  redraw(): void;
  focusView(): void;
}

export class FindSession {
  readonly widget: FindWidget;
  private query: SearchQuery | undefined;
  /** For the visible lines' highlights; `version` changes with it. */
  matcher: LineMatcher | undefined;
  version = 0;
  private nextId = 1;
  private findId = 0;
  private countId = 0;
  private count: Omit<FindCountMessage, 'type' | 'id'> | undefined;
  private index: number | undefined;
  private noMatch = false;

  constructor(parent: HTMLElement, private readonly host: FindHost) {
    this.widget = new FindWidget(parent, {
      changed: (query) => this.changed(query),
      next: (backwards) => this.next(backwards),
      close: () => this.close(),
    });
  }

  /** Ctrl+F: opens the widget with the selected text (a short one-line selection). */
  open(selectedText: string | undefined): void {
    this.widget.open(selectedText);
  }

  /** F3 / Shift+F3: the next match of the current query, or open the widget. */
  next(backwards: boolean): void {
    if (!this.query) {
      this.widget.open();
      return;
    }
    const [start, end] = this.host.selection();
    this.send(backwards ? start : end, backwards, false);
  }

  close(): void {
    if (!this.widget.isOpen) return;
    this.widget.close();
    this.setQuery(undefined);
    this.host.post({ type: 'findStop' });
    this.host.focusView();
  }

  onFound(m: FoundMessage): void {
    if (m.id !== this.findId) return;
    this.noMatch = !m.match && !m.error;
    if (m.error) {
      this.widget.showCount(m.error, 'error');
      return;
    }
    if (m.match) {
      this.index = m.match.index;
      this.host.showMatch(m.match.from, m.match.to);
      if (m.wrapped) this.host.announce('Search wrapped around the file');
    }
    this.showCount();
  }

  onCount(m: FindCountMessage): void {
    if (m.id !== this.countId) return;
    this.count = { matches: m.matches, progress: m.progress, done: m.done, error: m.error };
    if (m.current !== undefined) this.index = m.current;
    this.showCount();
  }

  private changed(query: SearchQuery | undefined): void {
    this.setQuery(query);
    if (!query) {
      this.host.post({ type: 'findStop' });
      return;
    }
    this.countId = this.nextId;
    this.count = undefined;
    this.send(this.host.selection()[0], false, true);
  }

  private setQuery(query: SearchQuery | undefined): void {
    this.query = query;
    this.matcher = compileMatcher(query);
    this.version++;
    this.index = undefined;
    this.noMatch = false;
    this.host.redraw();
  }

  private send(from: Position, backwards: boolean, restart: boolean): void {
    this.findId = this.nextId++;
    this.host.post({ type: 'find', id: this.findId, query: this.query!, from: { ...from }, backwards, restart });
  }

  private showCount(): void {
    const c = this.count;
    if (c?.error) {
      this.widget.showCount(c.error, 'error');
      return;
    }
    if (this.noMatch || (c?.done && c.matches === 0)) {
      this.widget.showCount('No results', 'none');
      return;
    }
    if (!c) {
      this.widget.showCount('…', 'ok');
      return;
    }
    const rank = this.index === undefined ? '?' : (this.index + 1).toLocaleString();
    const total = c.matches.toLocaleString();
    this.widget.showCount(c.done ? `${rank} of ${total}` : `${rank} of ${total}+ · ${Math.floor(c.progress * 100)} %`, 'ok');
  }
}
