/**
 * What the log colouring's tokenizer costs per screen of 100 lines, for lines of
 * typical and long lengths (the view tokenizes a line once, when it first shows it).
 *   npx tsx scripts/bench-log-tokens.ts
 */
import { tokenizeLogLine } from '../media/highlight/logTokens';

const SAMPLES = [
  '2026-12-06T15:04:05.123Z ERROR [main] c.e.Service - Request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed: user_id=42 path=/var/log/app.log',
  '203.0.113.7 - - [06/Dec/2026:15:04:05 +0000] "GET /api/v1/users?id=42 HTTP/1.1" 200 1534 "https://example.com/start" "Mozilla/5.0"',
  'Dec  6 15:04:05 myhost sshd[1234]: Accepted publickey for root from 192.168.1.10 port 52144 ssh2',
  'level=warn ts=2026-12-06T15:04:05Z msg="slow query" duration=1.5s ok=true addr=[2001:db8::1]:8080',
];

/** 100 lines of `width` units, made of the samples. */
function screen(width: number): string[] {
  return Array.from({ length: 100 }, (_, i) => {
    let line = '';
    while (line.length < width) line += `${SAMPLES[(i + line.length) % SAMPLES.length]} `;
    return line.slice(0, width);
  });
}

const cases: [string, string[]][] = [
  ['100 lines of 150 units', screen(150)],
  ['100 lines of 1 KiB', screen(1024)],
  ['100 lines of 4 KiB (MAX_SCANNED)', screen(4096)],
  ['100 lines of 4 KiB of prose', Array.from({ length: 100 }, () => 'lorem ipsum dolor sit amet, '.repeat(147))],
  ['one 16 KiB window of a one-line JSON', ['{' + Array.from({ length: 2000 }, (_, i) => `"k${i}":"v${i}",`).join('').slice(0, 16383)]],
];

for (const [name, lines] of cases) {
  for (let i = 0; i < 20; i++) for (const l of lines) tokenizeLogLine(l);
  const runs = 50;
  let best = Infinity;
  let spans = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    spans = 0;
    for (const l of lines) spans += tokenizeLogLine(l).spans.length;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(`${name}: ${best.toFixed(3)} ms (best of ${runs}), ${spans} spans`);
}
