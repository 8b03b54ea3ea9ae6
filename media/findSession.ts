/**
 * The viewer's side of find: the widget, the searches it sends (each with a new id,
 * so late answers to old ones are dropped), the running count, and the matcher the
 * view highlights visible lines with. One next/previous search (or Replace, answered
 * like one) is in flight at a time: the host searches from the selection, so a press
 * made before the answer waits for it and searches on from the match it shows (else
 * two quick presses would both search from the same place and find the same match).
 */
import type { FindCountMessage } from '../src/editor/findProtocol';
import type { ViewerMessage } from '../src/editor/protocol';
import type { SearchQuery } from '../src/search/query';
import { FindWidget } from './findWidget';
import { compileMatcher, type LineMatcher } from '../src/search/lineMatches';

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
  /** The widget closed (Escape, its close button). */
  closed?(): void;
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
  /** The current search's answer has not come yet. */
  private inFlight = false;
  /** Requests (next, previous, replace) made while a search was in flight, oldest first. */
  private readonly waiting: ((id: number) => void)[] = [];
  /** Shown where the count is until the next search (Replace All's progress and outcome). */
  private note: { text: string; state: 'ok' | 'error' } | undefined;

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
    this.send((id) => this.host.send(id, this.query!, backwards, false));
  }

  /**
   * Sends a request the host answers like a search (`found` with its `id`), e.g.
   * Replace: now, or once the search in flight is answered (it moves the selection the
   * request is made from). Nothing without a query.
   */
  request(send: (id: number, query: SearchQuery) => void): void {
    if (this.query) this.send((id) => send(id, this.query!));
  }

  /** Shows `text` in place of the count, until the query changes or the next search is sent. */
  showNote(text: string, state: 'ok' | 'error'): void {
    this.note = { text, state };
    this.widget.showCount(text, state);
  }

  close(): void {
    if (!this.widget.isOpen) return;
    this.widget.close();
    this.setQuery(undefined);
    this.host.post({ type: 'findStop' });
    this.host.closed?.();
    this.host.focusView();
  }

  /**
   * Takes the host's answer: when it is the current search's and found a match, calls
   * `show` (which selects it), then sends the next press that waited for it.
   */
  answered<M extends { index?: number }>(m: { id: number; match?: M; wrapped: boolean; error?: string }, show: (match: M) => void): void {
    if (m.id !== this.findId) return;
    this.inFlight = false;
    this.noMatch = !m.match && !m.error;
    if (m.error || !m.match) this.waiting.length = 0;
    if (m.error) {
      this.widget.showCount(m.error, 'error');
      return;
    }
    if (m.match) {
      this.index = m.match.index;
      if (m.wrapped) this.host.announce('Search wrapped around the file');
    }
    this.showCount();
    if (!m.match) return;
    show(m.match);
    const request = this.waiting.shift();
    if (request) this.send(request);
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
    this.send((id) => this.host.send(id, query, false, true), true);
  }

  private setQuery(query: SearchQuery | undefined): void {
    this.query = query;
    this.inFlight = false;
    this.waiting.length = 0;
    this.matcher = compileMatcher(query);
    this.version++;
    this.index = undefined;
    this.noMatch = false;
    this.note = undefined;
    this.host.redraw();
  }

  /** Sends `request` with a new id, which the next answer must carry; a new query (`restart`) does not wait. */
  private send(request: (id: number) => void, restart = false): void {
    if (this.inFlight && !restart) {
      this.waiting.push(request);
      return;
    }
    this.inFlight = true;
    this.note = undefined;
    this.findId = this.nextId++;
    request(this.findId);
  }

  private showCount(): void {
    if (this.note) {
      this.widget.showCount(this.note.text, this.note.state);
      return;
    }
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
