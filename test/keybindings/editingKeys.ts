/**
 * Chords the views handle as edits, as VS Code's own text editor does (they type, delete,
 * cut, paste or toggle overwrite). VS Code binds some of them too, but only to widgets
 * of other parts of the workbench (suggestions, breadcrumbs, breakpoint input), which a
 * when clause this evaluator cannot rule out. Every other chord that reaches the
 * webview must leave the document unchanged.
 */
export const EDITING_CHORDS: ReadonlySet<string> = new Set([
  'enter', 'shift+enter', 'space', 'shift+space', 'tab', 'backspace', 'shift+backspace', 'delete',
  'ctrl+backspace', 'ctrl+delete', 'alt+backspace', 'alt+delete', 'cmd+backspace',
  'shift+delete', 'shift+insert', 'ctrl+x', 'ctrl+v', 'cmd+x', 'cmd+v', 'insert',
]);
