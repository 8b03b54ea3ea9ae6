/**
 * VS Code's "Preserve Case" (Alt+P in the replace row): `replacement` takes the case of
 * the text it replaces. All capitals stay capitals ("ERROR" -> "WARNING"), all small
 * letters stay small, a capital first letter stays one ("Error" -> "Warning"); words
 * joined by `-` or `_` in both, as many in each, are cased word by word
 * ("Foo-bar" -> "Baz-qux").
 */
export function withCaseOf(matched: string, replacement: string): string {
  if (matched === '') return replacement;
  const splits = (separator: string) => matched.includes(separator) && matched.split(separator).length === replacement.split(separator).length;
  const [hyphens, underscores] = [splits('-'), splits('_')];
  if (hyphens !== underscores) {
    const separator = hyphens ? '-' : '_';
    const words = matched.split(separator);
    return replacement.split(separator).map((word, i) => withCaseOf(words[i], word)).join(separator);
  }
  if (matched.toUpperCase() === matched) return replacement.toUpperCase();
  if (matched.toLowerCase() === matched) return replacement.toLowerCase();
  const first = matched[0];
  if (replacement === '') return replacement;
  if (first.toLowerCase() !== first) return replacement[0].toUpperCase() + replacement.slice(1);
  if (first.toUpperCase() !== first) return replacement[0].toLowerCase() + replacement.slice(1);
  return replacement;
}
