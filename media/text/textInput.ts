/**
 * The keyboard's way into the text view, and its focus. Text is received by a hidden
 * textarea kept at the caret, so input methods (IME, dead keys, emoji pickers) work and
 * place their windows there: keys with a plain character are handled on keydown,
 * whatever else produces text arrives as input events. Focus given to the view (Tab, a
 * click, a test, VS Code focusing the frame) goes on to the textarea.
 */
import { type ClipboardAction, listenClipboard } from '../clipboard';
import { el } from '../dom';
import { IS_MAC, isBoundOptionChord } from '../keys';
import { type TextCommand, textKeyCommand } from './textKeys';

/** What keys, typed text and focus changes do in the view. */
export interface TextInputHost {
  /** Runs `action` now, or holds it behind the keys held before it. */
  queueKey(action: () => void): void;
  /** False for a key's command that is none of the view's now (the key goes on to VS Code). */
  handles(command: TextCommand): boolean;
  run(command: TextCommand): void;
  type(text: string): void;
  clipboard(action: ClipboardAction): void;
  openFind(): void;
  /** Ctrl+H: find with the replace row. */
  openReplace(): void;
  openFilter(): void;
  goToLine(): void;
  findNext(backwards: boolean): void;
  /** The view gained or lost focus. */
  focusChanged(): void;
}

/** The text view's textarea, focus and key routing; listens until `signal` aborts. */
export class TextInput {
  readonly textarea: HTMLTextAreaElement;
  private hasFocus = false;
  private lastTabAt = -Infinity;

  constructor(private readonly root: HTMLElement, private readonly editor: HTMLElement, signal: AbortSignal, private readonly host: TextInputHost) {
    const input = el('textarea', 'text-input', editor);
    input.tabIndex = -1;
    input.setAttribute('aria-label', 'File content (type to edit)');
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('autocorrect', 'off');
    input.setAttribute('autocapitalize', 'off');
    input.spellcheck = false;
    input.wrap = 'off';
    this.textarea = input;
    this.listen(signal);
  }

  /** True while the focus is in the view. */
  get focused(): boolean {
    return this.hasFocus;
  }

  /** Puts the focus in the view (on the textarea), without scrolling. */
  focus(): void {
    if (document.activeElement !== this.textarea) this.textarea.focus({ preventScroll: true });
  }

  private listen(signal: AbortSignal): void {
    const { editor, textarea } = this;
    // The focus ring shows only when the view was reached with Tab, as in VS Code.
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Tab') this.lastTabAt = performance.now();
    }, { capture: true, signal });
    window.addEventListener('focus', () => {
      // VS Code focuses the webview's frame, not an element in it: keys must reach the view.
      if (!document.activeElement || document.activeElement === document.body) this.focus();
    }, { signal });
    editor.addEventListener('focus', () => this.focus());
    editor.addEventListener('focusin', () => this.setFocused(true));
    editor.addEventListener('focusout', () => {
      // Wait for the focus to land: moving within the view is not leaving it.
      queueMicrotask(() => {
        if (!editor.contains(document.activeElement)) this.setFocused(false);
      });
    });
    textarea.addEventListener('compositionstart', () => editor.classList.add('composing'));
    textarea.addEventListener('compositionend', () => {
      editor.classList.remove('composing');
      this.takeInput();
    });
    textarea.addEventListener('input', (e) => {
      if (!(e as InputEvent).isComposing) this.takeInput();
    });
    editor.addEventListener('keydown', (e) => this.onEditorKey(e));
    // Capture phase, before VS Code's forwarding listener on the window: Ctrl+G is ours.
    window.addEventListener('keydown', (e) => this.onWindowKey(e), { capture: true, signal });
    listenClipboard(() => editor.contains(document.activeElement), (action) => this.host.queueKey(() => this.host.clipboard(action)), signal);
  }

  /** Text the input methods left in the textarea: type it, empty the textarea. */
  private takeInput(): void {
    const text = this.textarea.value;
    this.textarea.value = '';
    if (text) this.host.queueKey(() => this.host.type(text.replace(/\r\n?/g, '\n')));
  }

  private setFocused(focused: boolean): void {
    if (focused === this.hasFocus) return;
    // While the textarea has focus the view is one tab stop, not two (Shift+Tab leaves it).
    this.editor.tabIndex = focused ? -1 : 0;
    this.hasFocus = focused;
    this.editor.classList.toggle('focus-ring', focused && performance.now() - this.lastTabAt < 1000);
    this.root.classList.toggle('focused', focused);
    this.host.focusChanged();
  }

  private onWindowKey(e: KeyboardEvent): void {
    const h = this.host;
    const mod = IS_MAC ? e.metaKey : e.ctrlKey;
    const plain = mod && !e.altKey && !e.shiftKey;
    const lower = e.key.toLowerCase();
    // VS Code's Replace: Ctrl+H; on macOS ⌥⌘F (⌘H hides the app).
    const replace = IS_MAC ? mod && e.altKey && !e.shiftKey && e.code === 'KeyF' : plain && lower === 'h';
    // Find, Replace and Filter open at once: the keys typed next go to their boxes, never into the file.
    // Go to Line and F3 wait behind the keys held before them (F3 finds from where they leave the caret).
    if (plain && lower === 'f') h.openFind();
    else if (replace) h.openReplace();
    else if (mod && e.altKey && !e.shiftKey && e.code === 'KeyL') h.openFilter();
    else if (plain && lower === 'g') h.queueKey(() => h.goToLine());
    else if (e.key === 'F3' && !mod && !e.altKey) h.queueKey(() => h.findNext(e.shiftKey));
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  /**
   * Keys the view handles are stopped here: VS Code forwards every keydown that reaches
   * the webview's window to the workbench, so a handled key must not run a workbench
   * keybinding too. Unhandled keys (Ctrl+Z/Y/S, Ctrl+P, Ctrl+PageDown...) go on to
   * VS Code, which runs undo, redo and save on the document it owns.
   */
  private onEditorKey(e: KeyboardEvent): void {
    const command = textKeyCommand(e);
    if (command && this.host.handles(command)) {
      e.preventDefault();
      e.stopPropagation();
      this.host.queueKey(() => this.host.run(command));
    } else if (isBoundOptionChord(e)) e.preventDefault(); // VS Code runs it: its character must not reach the textarea
  }
}
