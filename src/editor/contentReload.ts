import type { EditedText } from '../edits/editedText';
import type { LineIndex } from '../lines';
import { FileMark, markOf } from './fileMark';

/**
 * The file became the content again (a save wrote it, or a revert drops the
 * edits): the piece table starts over from the file as it is now, then the index
 * reads it again. In that order: the index tells its listeners (who read the
 * content: line counts, the caret) while it reloads, and a table still holding the
 * edits over the old file would name bytes the new one may not have. Returns the
 * file's new mark. Throws like `LineIndex.reload` (the file is gone).
 */
export function reloadContent(filePath: string, text: EditedText, index: Pick<LineIndex, 'reload'>): FileMark {
  const mark = markOf(filePath);
  text.table.reset(Math.max(0, mark.size));
  text.invalidate();
  index.reload();
  return mark;
}
