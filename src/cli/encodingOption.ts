import { byBom } from '../encoding/detectEncoding';
import { fileHead } from '../encoding/fileHead';
import { ENCODING_IDS, encodingOf, TextEncoding, UTF8 } from '../encoding/textEncoding';
import { UsageError } from './usageError';

/** `--encoding NAME` (or `--encoding=NAME`) taken out of `args`, with the arguments left. Throws UsageError without a NAME. */
export function takeEncodingOption(args: readonly string[]): { rest: string[]; name: string | undefined } {
  const rest: string[] = [];
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '--encoding' || arg.startsWith('--encoding=')) {
      name = arg === '--encoding' ? args[++i] : arg.slice('--encoding='.length);
      if (!name) throw new UsageError('--encoding needs a NAME, e.g. --encoding windows1252');
    } else rest.push(arg);
  }
  return { rest, name };
}

/**
 * The encoding `file` is read in: `name` (VS Code's names: utf8, windows1252, iso88591...),
 * else the one its byte order mark names, else UTF-8. Throws UsageError for an unknown name.
 */
export function cliEncoding(file: string, name: string | undefined): TextEncoding {
  let encoding: TextEncoding | undefined;
  if (name !== undefined) {
    const id = name.toLowerCase().replace(/[-_\s]/g, '');
    encoding = encodingOf(id === 'latin1' ? 'iso88591' : id);
    if (!encoding) throw new UsageError(`unknown encoding ${name}; known: ${ENCODING_IDS.join(', ')}`);
  } else {
    encoding = byBom(fileHead(file, 4)) ?? UTF8;
  }
  return encoding;
}
