import * as fs from 'fs';
import type { SearchQuery, Segment } from '../../../src/search';
import type { Payload } from './payload';
import type { Recorder } from './recorder';

/** Search and filter: counts for each kind of query, the first and last matches, a filter, an edited stream. */
export async function searchChecks(p: Payload, file: string, r: Recorder): Promise<void> {
  const text = (t: string, matchCase = true, wholeWord = false): SearchQuery => ({ kind: 'text', text: t, matchCase, wholeWord });
  // Each search starts a worker, slow under Wine: a filter for one query of each kind only.
  const queries: [string, SearchQuery, 'and filter'?][] = [
    ['literal "timeout"', text('timeout')],
    ['literal "GET", whole word', text('GET', true, true)],
    ['literal "error", ignoring case', text('error', false), 'and filter'],
    ['regex took=4\\d{3}ms', { kind: 'regex', source: 'took=4\\d{3}ms', matchCase: true }, 'and filter'],
    ['regex worker-1[0-5]\\].*retry, ignoring case', { kind: 'regex', source: 'WORKER-1[0-5]\\].*RETRY', matchCase: false }],
    ['hex 23 31 ?? 30 ("#1?0")', { kind: 'bytes', pattern: p.search.parseHexPattern('23 31 ?? 30') }, 'and filter'],
  ];
  for (const [name, query, filter] of queries) {
    await r.check(`search: ${name}`, async () => {
      const { matches, matchingLines, stoppedEarly } = await p.search.searchFile({ path: file, query, lines: true });
      return { matches, matchingLines, stoppedEarly };
    });
    if (filter) await r.check(`filter: ${name}`, () => p.search.filterFile({ path: file, include: [query], exclude: [] }));
  }

  const upstream = text('upstream');
  await r.check('search: first 5 and last 3 matches of "upstream"', async () => {
    const first: unknown[] = [];
    const last: unknown[] = [];
    await p.search.searchFile({ path: file, query: upstream, lines: true, maxMatches: 5, onMatches: (b) => first.push(...b) });
    await p.search.searchFile({ path: file, query: upstream, lines: true, maxMatches: 3, backwards: true, onMatches: (b) => last.push(...b) });
    return { first, last };
  });
  await r.check('filter: ERROR lines without "timeout", first runs', async () => {
    const runs: unknown[] = [];
    const result = await p.search.filterFile({
      path: file, include: [text('ERROR')], exclude: [text('timeout')], onLines: (batch) => runs.push(...batch.slice(0, Math.max(0, 5 - runs.length))),
    });
    return { ...result, runs };
  });

  // An edited document: the file with a line inserted in the middle and its start cut.
  const size = fs.statSync(file).size;
  const half = Math.floor(size / 2);
  const segments: Segment[] = [
    { kind: 'file', start: 100, length: half - 100 },
    { kind: 'bytes', data: Buffer.from('\n#inserted ERROR upstream timeout line\n') },
    { kind: 'file', start: half, length: size - half },
  ];
  await r.check('search: "upstream" in an edited stream', async () => {
    const { matches, matchingLines } = await p.search.searchFile({ path: file, segments, query: upstream, lines: true });
    return { matches, matchingLines };
  });
  await r.check('filter: ERROR in an edited stream', () => p.search.filterFile({ path: file, segments, include: [text('ERROR')], exclude: [] }));
}
