import * as assert from 'assert';
import { ansiSpans, blankEscapes } from '../../../../media/highlight/ansiSgr';
import { type ClassSpan, layerSpans } from '../../../../media/highlight/spanRuns';

const E = '\x1b';

/** The spans as `text-of-span:classes[:style]`, escapes as `<esc>`, to read a case at a glance. */
function shown(text: string): string[] {
  return ansiSpans(text).map((s) => {
    if (s.className === 'ansi-esc') return `<${text.slice(s.start + 1, s.end)}>`;
    const style = s.style && Object.keys(s.style).length > 0 ? `:${JSON.stringify(s.style)}` : '';
    return `${text.slice(s.start, s.end)}:${s.className}${style}`;
  });
}

describe('ANSI escape sequences', () => {
  it('colours the text after an SGR until a reset, and hides each sequence', () => {
    assert.deepStrictEqual(shown(`a ${E}[31mred${E}[0m plain`), ['<[31m>', 'red:ansi ansi-fg-1', '<[0m>']);
    assert.deepStrictEqual(shown(`${E}[1;94mbold bright blue${E}[m`), ['<[1;94m>', 'bold bright blue:ansi ansi-fg-12 ansi-b', '<[m>']);
    assert.deepStrictEqual(shown(`${E}[42;30mx${E}[49my`), ['<[42;30m>', 'x:ansi ansi-fg-0 ansi-bg-2', '<[49m>', 'y:ansi ansi-fg-0']);
  });

  it('keeps the style to the end of the line when nothing resets it', () => {
    assert.deepStrictEqual(shown(`${E}[3;4mslanted`), ['<[3;4m>', 'slanted:ansi ansi-i ansi-u']);
  });

  it('turns attributes off one by one (22, 23, 24, 27, 39)', () => {
    assert.deepStrictEqual(shown(`${E}[1;2;3;4;7;31ma${E}[22mb${E}[23;24mc${E}[27;39md`), [
      '<[1;2;3;4;7;31m>', 'a:ansi ansi-fg-inverse ansi-bg-1 ansi-b ansi-dim ansi-i ansi-u',
      '<[22m>', 'b:ansi ansi-fg-inverse ansi-bg-1 ansi-i ansi-u',
      '<[23;24m>', 'c:ansi ansi-fg-inverse ansi-bg-1',
      '<[27;39m>',
    ]);
  });

  it('gives 256 and true colours as styles (the 16 first as classes), and ignores one out of range', () => {
    assert.deepStrictEqual(shown(`${E}[38;5;9ma${E}[38;5;196mb${E}[38;5;244mc${E}[48;2;10;20;30md${E}[38;5;300me`), [
      '<[38;5;9m>', 'a:ansi ansi-fg-9',
      '<[38;5;196m>', 'b:ansi:{"color":"rgb(255, 0, 0)"}',
      '<[38;5;244m>', 'c:ansi:{"color":"rgb(128, 128, 128)"}',
      '<[48;2;10;20;30m>', 'd:ansi:{"color":"rgb(128, 128, 128)","backgroundColor":"rgb(10, 20, 30)"}',
      '<[38;5;300m>', 'e:ansi:{"backgroundColor":"rgb(10, 20, 30)"}',
    ]);
    assert.deepStrictEqual(shown(`${E}[38:2:1:2:3mcolon`), ['<[38:2:1:2:3m>', 'colon:ansi:{"color":"rgb(1, 2, 3)"}']);
  });

  it('hides other CSI sequences (cursor, erase) without styling; a lone or broken ESC stays as it is', () => {
    assert.deepStrictEqual(shown(`${E}[2K${E}[1Gprogress`), ['<[2K>', '<[1G>']);
    assert.deepStrictEqual(shown(`a${E}b`), []);
    assert.deepStrictEqual(shown(`a${E}[31`), [], 'no final byte: not a sequence');
    assert.deepStrictEqual(shown(`${E}[31${E}[32mx`), ['<[32m>', 'x:ansi ansi-fg-2']);
  });

  it('an empty parameter counts as 0', () => {
    assert.deepStrictEqual(shown(`${E}[31mr${E}[;1mb`), ['<[31m>', 'r:ansi ansi-fg-1', '<[;1m>', 'b:ansi ansi-b']);
  });

  it('spans cover the text in order without overlap, whatever the input', () => {
    const parts = [`${E}[`, 'm', ';', '1', '3', '8', '5', '2', '0', 'x', ' ', E, 'K', '4', '9'];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      let text = '';
      for (let k = rnd(30); k > 0; k--) text += parts[rnd(parts.length)];
      let at = 0;
      for (const s of ansiSpans(text)) {
        assert.ok(s.start >= at && s.end > s.start && s.end <= text.length, `${JSON.stringify(text)}: ${JSON.stringify(s)}`);
        at = s.end;
      }
      const blank = blankEscapes(text);
      assert.strictEqual(blank.length, text.length);
      assert.ok(!blank.includes(`${E}[`) || ansiSpans(blank).length === 0, JSON.stringify(text));
    }
  });

  it('blanks sequences out for the log tokenizer, keeping every index', () => {
    assert.strictEqual(blankEscapes(`${E}[31mERROR${E}[0m x`), '     ERROR     x');
    assert.strictEqual(blankEscapes('no escapes'), 'no escapes');
    assert.strictEqual(blankEscapes(`lone ${E} stays`), `lone ${E} stays`);
  });
});

describe('layered spans', () => {
  const span = (start: number, end: number, className: string, style?: ClassSpan['style']): ClassSpan => (style ? { start, end, className, style } : { start, end, className });

  it('cuts where either list starts or ends a span and gives each part both classes', () => {
    assert.deepStrictEqual(layerSpans([span(0, 6, 'a')], [span(2, 4, 'b'), span(5, 9, 'c')]), [
      span(0, 2, 'a'), span(2, 4, 'a b'), span(4, 5, 'a'), span(5, 6, 'a c'), span(6, 9, 'c'),
    ]);
  });

  it('carries styles, the top one winning', () => {
    const red = { color: 'red' };
    const blue = { color: 'blue', backgroundColor: 'black' };
    assert.deepStrictEqual(layerSpans([span(0, 4, 'lg', red)], [span(2, 6, 'ansi', blue)]), [
      span(0, 2, 'lg', red), span(2, 4, 'lg ansi', { color: 'blue', backgroundColor: 'black' }), span(4, 6, 'ansi', blue),
    ]);
    assert.deepStrictEqual(layerSpans([span(0, 2, 'lg'), span(2, 4, 'lg')], [span(0, 4, 'ansi', red)]), [span(0, 4, 'lg ansi', red)], 'parts alike join up');
  });
});
