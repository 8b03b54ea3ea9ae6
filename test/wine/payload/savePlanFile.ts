// A save plan as JSON, for a save run in a child process (interruptedSave.ts):
// new bytes travel as base64.
import type { Segment, SaveOptions } from '../../../src/edits';

/** What the child saves, how, and where the engine kills it (a fault point with action 'kill'). */
export interface ChildSave {
  originalSize: number;
  segments: ({ kind: 'original'; offset: number; length: number } | { kind: 'bytes'; base64: string })[];
  hooks: NonNullable<SaveOptions['hooks']>;
}

export function toChildSegments(segments: Segment[]): ChildSave['segments'] {
  return segments.map((s) => (s.kind === 'bytes' ? { kind: 'bytes', base64: s.data.toString('base64') } : s));
}

export function fromChildSegments(segments: ChildSave['segments']): Segment[] {
  return segments.map((s) => (s.kind === 'bytes' ? { kind: 'bytes', data: Buffer.from(s.base64, 'base64') } : s));
}
