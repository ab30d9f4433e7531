import type { Editor } from '@tiptap/react';

/**
 * Takes the reader to the outline's `index`-th heading (headings at the top level of the document, in
 * order, as documentSections finds them): the caret goes there when the text is editable; otherwise the
 * read-only text takes focus and the heading scrolls into view.
 */
export function goToHeading(editor: Editor, index: number): void {
  let seen = 0;
  let target = -1;
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name !== 'heading') return;
    if (seen === index) target = offset;
    seen++;
  });
  if (target < 0) return;
  if (editor.isEditable) editor.chain().focus().setTextSelection(target + 1).run();
  else editor.view.dom.focus({ preventScroll: true });
  const dom = editor.view.nodeDOM(target);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: 'smooth' });
}
