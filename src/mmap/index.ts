/**
 * Memory-mapped files for Node: a TypeScript port of Nim's `std/memfiles` over
 * koffi. Usable without VS Code (`require('hugefile/dist/mmap.js')`).
 */
export { open, readBytes, writeBytes, pageSize, MemFile } from './memFile';
export type { FileMode, OpenOptions, MapMemOptions } from './memFile';
export { memSlices, lines, lineBuffers, MemSlice } from './memSlice';
export type { ByteLike } from './memSlice';
export { newMemMapFileStream, MemMapFileStream } from './memMapFileStream';
export type { SystemError } from './errors';
export { backend } from './platform';
