import { open } from '../../mmap';
import type { FileReaders } from './fileReader';
import { PlainReader } from './plainReader';
import { WindowedReader } from './windowedReader';

export type { FileReader, FileReaders } from './fileReader';

/** POSIX: a truncate, rename or delete by another program goes through whatever maps the file. */
const mappedReaders: FileReaders = {
  openRandom: (path) => open(path),
  openSequential: (path, size) => new WindowedReader(path, size),
};

/**
 * Windows: a mapping stops another program's truncate and delete, so nothing is kept
 * mapped; positioned reads cost little more, as every read copies anyway (see the
 * README's numbers).
 */
const plainReaders: FileReaders = {
  openRandom: (path) => new PlainReader(path),
  openSequential: (path, size) => new PlainReader(path, size),
};

/**
 * This platform's readers, chosen once at load; `HUGEFILE_READS=plain` or `mapped`
 * picks either anywhere (plain reads suit file systems where mappings misbehave).
 */
export const fileReaders: FileReaders = (process.env.HUGEFILE_READS ?? (process.platform === 'win32' ? 'plain' : 'mapped')) === 'plain'
  ? plainReaders : mappedReaders;
