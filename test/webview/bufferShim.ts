/**
 * Node's Buffer, as much of it as the host's edit code (src/edits, src/editor/lineService)
 * uses, for bundling that code into the fake host in the browser (esbuild `inject`).
 */
const encoder = new TextEncoder();

class ShimBuffer extends Uint8Array {
  copy(target: Uint8Array, targetStart = 0, sourceStart = 0, sourceEnd = this.length): number {
    const part = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(part, targetStart);
    return part.length;
  }

  override toString(encoding = 'utf8'): string {
    if (encoding === 'latin1') return String.fromCharCode(...this);
    return new TextDecoder('utf-8').decode(this);
  }

  equals(other: Uint8Array): boolean {
    return this.length === other.length && this.every((b, i) => b === other[i]);
  }
}

function from(value: string | ArrayBufferLike | ArrayLike<number>, offset?: number | string, length?: number): ShimBuffer {
  if (typeof value === 'string') {
    const bytes = encoder.encode(value);
    return new ShimBuffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  if (value instanceof ArrayBuffer) {
    const start = Number(offset ?? 0);
    return new ShimBuffer(value, start, length ?? value.byteLength - start);
  }
  const list = value as ArrayLike<number>;
  const out = new ShimBuffer(list.length);
  out.set(Array.from(list));
  return out;
}

export const Buffer = Object.assign(ShimBuffer, {
  from,
  alloc: (size: number) => new ShimBuffer(size),
  allocUnsafe: (size: number) => new ShimBuffer(size),
  byteLength: (s: string) => encoder.encode(s).length,
  concat: (list: Uint8Array[]) => {
    const out = new ShimBuffer(list.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of list) { out.set(b, at); at += b.length; }
    return out;
  },
  isBuffer: (b: unknown) => b instanceof ShimBuffer,
}) as unknown as BufferConstructor;
