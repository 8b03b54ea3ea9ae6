import type { CaretAtMessage, CaretForMessage, ViewCaret } from './caretProtocol';

/**
 * How long a command waits for the view's caret. A shown view answers within a frame or
 * two, but a loaded machine can hold the webview back for hundreds of milliseconds (300
 * was seen to run out under a full test run): going on with the caret of the last report
 * then acts at the wrong place. Only a view that is closing never answers.
 */
export const CARET_ANSWER_MS = 2000;

/**
 * Asks the view where its caret is (see caretProtocol.ts), pairing each answer with
 * its request by id. Free of VS Code, so the webview tests' fake host asks with it too.
 */
export class CaretQuery {
  private lastId = 0;
  private readonly waiting = new Map<number, (caret: ViewCaret | undefined) => void>();

  constructor(private readonly post: (message: CaretForMessage) => void, private readonly waitMs = CARET_ANSWER_MS) {}

  /** The view's caret now; undefined when the view did not answer within the wait, or `dispose` came first. */
  ask(): Promise<ViewCaret | undefined> {
    const id = ++this.lastId;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id, undefined), this.waitMs);
      this.waiting.set(id, (caret) => {
        clearTimeout(timer);
        resolve(caret);
      });
      this.post({ type: 'caretFor', id });
    });
  }

  /** Hands the view's answer to its request; one that no request waits for (it came too late) is dropped. */
  answered(message: CaretAtMessage): void {
    this.settle(message.id, message.position !== undefined ? { position: message.position } : { offset: message.offset });
  }

  /** Gives up every request still waiting. */
  dispose(): void {
    for (const id of [...this.waiting.keys()]) this.settle(id, undefined);
  }

  private settle(id: number, caret: ViewCaret | undefined): void {
    const resolve = this.waiting.get(id);
    if (!resolve) return;
    this.waiting.delete(id);
    resolve(caret);
  }
}
