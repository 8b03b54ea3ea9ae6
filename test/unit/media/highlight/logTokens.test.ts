import * as assert from 'assert';
import { looksLikeLog } from '../../../../media/highlight/logSniff';
import { MAX_SCANNED, tokenizeLogLine } from '../../../../media/highlight/logTokens';
import { type ClassSpan, splitRun } from '../../../../media/highlight/spanRuns';

/** The line's spans as "kind:text". */
function tokens(line: string, atLineStart = true): string[] {
  return tokenizeLogLine(line, atLineStart).spans.map((s) => `${s.kind}:${line.slice(s.start, s.end)}`);
}

describe('log tokens', () => {
  it('syslog: timestamp, numbers, IPv4', () => {
    assert.deepStrictEqual(tokens('Dec  6 15:04:05 myhost sshd[1234]: Accepted publickey for root from 192.168.1.10 port 52144 ssh2'),
      ['date:Dec  6 15:04:05', 'number:1234', 'ip:192.168.1.10', 'number:52144']);
  });

  it('nginx access log: IP, [06/Dec/2026:15:04:05 +0000], quoted request and URL, status and size', () => {
    assert.deepStrictEqual(tokens('203.0.113.7 - - [06/Dec/2026:15:04:05 +0000] "GET /api/v1/users?id=42 HTTP/1.1" 200 1534 "https://example.com/start"'),
      ['ip:203.0.113.7', 'date:06/Dec/2026:15:04:05 +0000', 'string:"GET /api/v1/users?id=42 HTTP/1.1"', 'number:200', 'number:1534', 'string:"https://example.com/start"']);
  });

  it('ISO 8601 / RFC 3339 timestamps, levels, GUIDs, key=value keys, paths, URLs', () => {
    const { spans, level } = tokenizeLogLine('2026-12-06T15:04:05.123+01:00 ERROR request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 user_id=42 file=/var/log/app.log see https://example.com/x.');
    assert.strictEqual(level, 'error');
    assert.deepStrictEqual(spans.map((s) => s.kind), ['date', 'error', 'guid', 'key', 'number', 'key', 'path', 'url']);
    assert.deepStrictEqual(tokens('2026-12-06 15:04:05,123 see https://example.com/x.').slice(1), ['url:https://example.com/x']);
    assert.deepStrictEqual(tokens('seen 15:04:05.123 and 9:30:00Z'), ['date:15:04:05.123', 'date:9:30:00Z']);
  });

  it('every level word, in the level it is', () => {
    const cases: [string, string][] = [
      ['FATAL', 'error'], ['CRITICAL', 'error'], ['ERROR', 'error'], ['ERR', 'error'], ['Error', 'error'],
      ['WARN', 'warning'], ['WARNING', 'warning'], ['NOTICE', 'info'], ['INFO', 'info'], ['DEBUG', 'debug'], ['TRACE', 'verbose'],
    ];
    for (const [word, level] of cases) {
      assert.deepStrictEqual(tokenizeLogLine(`x ${word} y`).level, level, word);
      assert.deepStrictEqual(tokens(`x ${word} y`), [`${level}:${word}`], word);
    }
    assert.deepStrictEqual(tokens('ERRORS and INFORMATIONAL and TERROR'), []);
  });

  it('short forms: [E], <W>, [INF], logcat E/Tag and its threadtime letter, glog E1206', () => {
    assert.deepStrictEqual(tokens('[E] x <W> y [INF] z [main] [D]'), ['error:[E]', 'warning:<W>', 'info:[INF]', 'debug:[D]']);
    assert.deepStrictEqual(tokens('E/AndroidRuntime( 1234): boom'), ['error:E', 'number:1234']);
    assert.deepStrictEqual(tokens('12-06 15:04:05.123  1234  1234 W ActivityManager: slow'), ['date:12-06 15:04:05.123', 'number:1234', 'number:1234', 'warning:W']);
    assert.deepStrictEqual(tokens('E1206 15:04:05.123456 1 ctl.go:12] x').slice(0, 2), ['error:E', 'date:15:04:05.123456']);
    // A single letter is a level only where a log line puts it: before any other letter.
    assert.deepStrictEqual(tokens('Disk E full, I/O error'), []);
    assert.deepStrictEqual(tokens('E/Tag: x', false), []);
  });

  it('Java stack trace: exception names, `at` frames whole, Caused by:, ... n more', () => {
    assert.deepStrictEqual(tokens('Exception in thread "main" java.lang.IllegalStateException: boom'), ['string:"main"', 'exceptionType:java.lang.IllegalStateException']);
    assert.deepStrictEqual(tokens('\tat com.example.Foo.bar(Foo.java:42)'), ['stackTrace:\tat com.example.Foo.bar(Foo.java:42)']);
    assert.deepStrictEqual(tokens('Caused by: java.io.IOException: disk full'), ['stackTrace:Caused by:', 'exceptionType:java.io.IOException']);
    assert.deepStrictEqual(tokens('\t... 12 more'), ['stackTrace:... 12 more']);
    // A window that does not start at the line's start is not a frame line.
    assert.deepStrictEqual(tokens('  at 3 o\'clock', false), ['number:3']);
  });

  it('Python traceback', () => {
    assert.deepStrictEqual(tokens('Traceback (most recent call last):'), ['stackTrace:Traceback (most recent call last):']);
    assert.deepStrictEqual(tokens('  File "/app/main.py", line 12, in <module>'), ['stackTrace:  File "/app/main.py", line 12, in <module>']);
    assert.deepStrictEqual(tokens("ValueError: invalid literal for int() with base 10: 'abc'"), ['exceptionType:ValueError', 'number:10', "string:'abc'"]);
  });

  it('logfmt and JSON: keys, quoted strings, a level written in lower case as the value of a level key, IPv6', () => {
    assert.deepStrictEqual(tokens('level=warn msg="slow query" took=1.5s ok=true addr=2001:db8::1 local=::1'),
      ['key:level', 'warning:warn', 'key:msg', 'string:"slow query"', 'key:took', 'number:1.5s', 'key:ok', 'number:true', 'key:addr', 'ip:2001:db8::1', 'key:local', 'ip:::1']);
    const json = '{"level":"error","ts":"2026-12-06T15:04:05Z","n":3}';
    assert.deepStrictEqual(tokens(json), ['key:"level"', 'error:error', 'key:"ts"', 'string:"2026-12-06T15:04:05Z"', 'key:"n"', 'number:3']);
    assert.strictEqual(tokenizeLogLine(json).level, 'error');
    assert.deepStrictEqual(tokens('C++ std::string'), []);
  });

  it('paths: Unix and Windows, not fractions or words with slashes', () => {
    assert.deepStrictEqual(tokens('open /var/lib/x.db and ~/notes and ./a/b C:\\Windows\\x.dll'), ['path:/var/lib/x.db', 'path:~/notes', 'path:./a/b', 'path:C:\\Windows\\x.dll']);
    assert.deepStrictEqual(tokens('and/or HTTP/1.1'), ['number:1.1']);
  });

  it('spans are sorted, do not overlap, and stop at MAX_SCANNED units on long lines', () => {
    const long = '2026-12-06T15:04:05Z ERROR ' + 'x=1 "q" 10.0.0.1 '.repeat(2000);
    const { spans } = tokenizeLogLine(long);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start >= spans[i - 1].end);
    assert.ok(spans[spans.length - 1].end <= MAX_SCANNED + 64);
    assert.ok(spans.length <= 400);
    // A 60 MB one-line JSON: only its first MAX_SCANNED units are looked at (its cost: scripts/bench-log-tokens.ts).
    const huge = '{"a":1,'.repeat(60e6 / 7);
    const last = tokenizeLogLine(huge).spans.at(-1)!;
    assert.ok(last.end <= MAX_SCANNED);
  });
});

describe('looks like a log', () => {
  const lines = (texts: string[], atLineStart = true) => texts.map((text) => ({ text, atLineStart }));

  it('yes when most lines have a timestamp or a level (stack frames count), blank lines aside', () => {
    assert.ok(looksLikeLog(lines(['2026-12-06 15:04:05 start', '', 'java.lang.X: y', '\tat a.b(C.java:1)', '\tat a.c(C.java:2)', '15:04:06 INFO done'])));
    assert.ok(looksLikeLog(lines(['[W] low disk', 'plain'])));
  });

  it('no for prose, code and data, and for nothing', () => {
    assert.ok(!looksLikeLog(lines(['Chapter 1', 'It was 42 degrees in "the city".', 'See /home and http://x.org.'])));
    assert.ok(!looksLikeLog(lines(['function f(x) {', '  return x + 1;', '}'])));
    assert.ok(!looksLikeLog(lines(['', ''])));
  });
});

describe('span runs', () => {
  it('cuts a run at span edges, spans that go on into the next run included', () => {
    const spans = [{ start: 2, end: 4, className: 'a' }, { start: 6, end: 12, className: 'b' }];
    const pieces: string[] = [];
    const piece = (s: number, e: number, span?: ClassSpan) => pieces.push(`${s}-${e}${span ? `:${span.className}` : ''}`);
    const next = splitRun(spans, 0, 0, 8, piece);
    splitRun(spans, next, 9, 14, piece);
    assert.deepStrictEqual(pieces, ['0-2', '2-4:a', '4-6', '6-8:b', '9-12:b', '12-14']);
  });
});
