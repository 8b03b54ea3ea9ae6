/**
 * The data inspector as the hex view uses it: the panel (dataInspectorPanel.ts)
 * fed the bytes where the cursor inspects, its typed values written back as an
 * overwrite there, its byte order and whether it is shown (both saved with the
 * view), and where it goes: beside the rows when both fit whole, else below them.
 */
import { encodeValue, type InspectorLabel } from '../../src/hex/dataInspector';
import type { ByteCache } from './byteCache';
import { DataInspectorPanel } from './dataInspectorPanel';
import type { HexCursor } from './hexCursor';

/** Bytes the data inspector reads at once: enough for every reading (64-bit values). */
const INSPECTED_BYTES = 8;

/** What the inspector needs from the view. */
export interface InspectorHost {
  readonly size: number;
  /** Writes `bytes` over the bytes at `offset`; false when the file is read-only. */
  overwrite(offset: number, bytes: Uint8Array): boolean;
  /** The byte order or visibility changed: draw again. */
  changed(): void;
  /** Focus goes back to the hex rows. */
  leave(): void;
}

/** The hex view's data inspector; `update` each frame brings it up to the cursor and the bytes held. */
export class HexInspector {
  /** Numbers read with the least significant byte first. */
  littleEndian = true;
  shown = true;
  private readonly panel: DataInspectorPanel;

  constructor(private readonly body: HTMLElement, private readonly cursor: HexCursor, private readonly cache: ByteCache, private readonly host: InspectorHost) {
    this.panel = new DataInspectorPanel(body, {
      write: (label, text) => this.write(label, text),
      setLittleEndian: (le) => {
        this.littleEndian = le;
        host.changed();
      },
      leave: () => host.leave(),
    });
  }

  /** The toolbar's Inspector button: shows or hides the panel. */
  toggle(): void {
    this.shown = !this.shown;
    this.host.changed();
  }

  /** The font changed: the panel measures its values again. */
  remeasure(): void {
    this.panel.remeasure();
  }

  /**
   * Shows the values at the cursor (or hides the panel), and places it beside rows
   * `rowWidth` pixels wide when the body, `bodyWidth` wide, holds both whole.
   */
  update(readOnly: boolean, rowWidth: number, bodyWidth: number): void {
    this.panel.el.classList.toggle('hidden', !this.shown);
    if (this.shown) this.panel.update(this.inspectedBytes(), this.cursor.inspected, this.littleEndian, readOnly);
    // Neither rows nor values are cut to put the inspector beside the rows: it goes below them instead.
    const beside = this.shown && bodyWidth >= rowWidth + this.panel.fitWidth();
    this.body.classList.toggle('beside', this.shown && beside);
    this.body.classList.toggle('stacked', this.shown && !beside);
  }

  /** Up to 8 bytes where the inspector reads (fewer at the end of the file); undefined while any of them loads. */
  private inspectedBytes(): Uint8Array | undefined {
    const at = this.cursor.inspected;
    const n = Math.max(0, Math.min(INSPECTED_BYTES, this.host.size - at));
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const b = this.cache.byteAt(at + i);
      if (b === undefined) return undefined;
      out[i] = b;
    }
    return out;
  }

  /** The panel's Enter: the typed value's bytes overwrite the bytes it reads. */
  private write(label: InspectorLabel, text: string): string | undefined {
    let bytes: Uint8Array;
    try {
      bytes = encodeValue(label, text, this.littleEndian);
    } catch (err) {
      return (err as Error).message;
    }
    const at = this.cursor.inspected;
    if (at + bytes.length > this.host.size) return `${label} needs ${bytes.length} bytes; the file ends before that`;
    return this.host.overwrite(at, bytes) ? undefined : 'the file is read-only';
  }
}
