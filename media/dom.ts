/** Small DOM builders. Nothing here parses markup: content only ever becomes text nodes. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, parent?: HTMLElement): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (parent) parent.appendChild(e);
  return e;
}

/**
 * Keeps a virtualized box at scroll position 0. The browser scrolls even an
 * overflow: hidden box to bring a clicked, focused or found child into view, which
 * would move every row away from where the view placed it (and clicks onto other
 * bytes or lines): the view scrolls by placing rows, never through the box.
 */
export function pinScroll(box: HTMLElement): void {
  box.addEventListener('scroll', () => {
    if (box.scrollTop !== 0) box.scrollTop = 0;
    if (box.scrollLeft !== 0) box.scrollLeft = 0;
  });
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const CIRCLE = 'M8 1.75a6.25 6.25 0 1 1 0 12.5a6.25 6.25 0 1 1 0-12.5z';

/** Stroked 16x16 icons (no icon font: the CSP loads fonts only from the extension). */
export const ICONS = {
  // An arrow down onto a bar: "go to the end and stay there".
  follow: ['M8 1.5v9', 'M4 7l4 4 4-4', 'M3 14h10'],
  info: [CIRCLE, 'M8 7.2v4', 'M8 4.9v.1'],
  warning: ['M8 1.8l6.6 11.7H1.4z', 'M8 6v3.6', 'M8 11.5v.1'],
  error: [CIRCLE, 'M5.8 5.8l4.4 4.4', 'M10.2 5.8l-4.4 4.4'],
  close: ['M4 4l8 8', 'M12 4l-8 8'],
  up: ['M8 13V3', 'M4 7l4-4 4 4'],
  down: ['M8 3v10', 'M4 9l4 4 4-4'],
  // A funnel: "show only the lines that match".
  filter: ['M2 3h12l-4.6 5.4v4.8l-2.8 1.3V8.4z'],
  add: ['M8 3v10', 'M3 8h10'],
  // A marker over a line: "colour what this matches".
  highlight: ['M9.5 2.5l3 3-6 6H3.5v-3z', 'M2 14.5h12'],
  chevronRight: ['M6 3.5l4.5 4.5-4.5 4.5'],
  chevronDown: ['M3.5 6l4.5 4.5 4.5-4.5'],
  // Codicon's replace: a box, an arrow bending down into another box.
  replace: ['M1.5 1.5h6v5h-6z', 'M9.5 4h1.75a2 2 0 0 1 2 2v2.5', 'M11.25 6.75l2 2 2-2', 'M8.5 10.5h6v4h-6z'],
  // The same into a stack of boxes: every match.
  replaceAll: ['M1.5 1.5h6v5h-6z', 'M9.5 4h.75a2 2 0 0 1 2 2v1.25', 'M10.5 5.75l1.75 1.75 1.75-1.75', 'M9.5 11h5v3.5h-5z', 'M7.5 12.75V9h5.5'],
  stop: ['M4.5 4.5h7v7h-7z'],
} as const;

export function icon(name: keyof typeof ICONS, className = 'icon'): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', className);
  for (const d of ICONS[name]) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '1.4');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
    svg.appendChild(path);
  }
  return svg;
}
