/**
 * The viewer's side of find: the widget, the searches it sends (each with a new id,
 * so late answers to old ones are dropped), the running count, and the matcher the
 * view highlights visible lines with.
 */
import type { FindCountMessage } from '../src/editor/findProtocol';
import type { ViewerMessage } from '../src/editor/protocol';
import type { SearchQuery } from '../src/search/query';
import { FindWidget } from './findWidget';
import { compileMatcher, type LineMatcher } from './lineMatches';

export interface FindHost {
  post(message: ViewerMessage): void;
  /**
   * Sends search `id` for `query` from the view's selection: from its start for a new
   * query, past it for the next match, before it for the previous one.
   */
  send(id: number, query: SearchQuery, backwards: boolean, restart: boolean): void;
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

  constructor(parent: HTMLElement, private readonly host: FindHost, options: { hex?: boolean } = {}) {
    this.widget = new FindWidget(parent, options, {
      changed: (query) => this.changed(query),
      next: (backwards) => this.next(backwards),
      close: () => this.close(),
    });
  }

  /** The query searched for now (undefined: none, or the widget is closed). */
  get currentQuery(): SearchQuery | undefined {
    return this.query;
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
    this.send(backwards, false);
  }

  close(): void {
    if (!this.widget.isOpen) return;
    this.widget.close();
    this.setQuery(undefined);
    this.host.post({ type: 'findStop' });
    this.host.focusView();
  }

  /** Takes the host's answer; true when it is the current search's and found a match (the view then shows it). */
  answered(m: { id: number; match?: { index?: number }; wrapped: boolean; error?: string }): boolean {
    if (m.id !== this.findId) return false;
    this.noMatch = !m.match && !m.error;
    if (m.error) {
      this.widget.showCount(m.error, 'error');
      return false;
    }
    if (m.match) {
      this.index = m.match.index;
      if (m.wrapped) this.host.announce('Search wrapped around the file');
    }
    this.showCount();
    return m.match !== undefined;
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
    this.send(false, true);
  }

  private setQuery(query: SearchQuery | undefined): void {
    this.query = query;
    this.matcher = compileMatcher(query);
    this.version++;
    this.index = undefined;
    this.noMatch = false;
    this.host.redraw();
  }

  private send(backwards: boolean, restart: boolean): void {
    this.findId = this.nextId++;
    this.host.send(this.findId, this.query!, backwards, restart);
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
