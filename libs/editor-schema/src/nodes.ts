// The editor's node and mark names, as Tiptap's StarterKit and table extensions write them into the
// Y.XmlFragment `default` (CONTRACT). The web editor and the server both read these.
export const FRAGMENT = 'default';

export const NODE = {
  paragraph: 'paragraph',
  heading: 'heading',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  blockquote: 'blockquote',
  codeBlock: 'codeBlock',
  horizontalRule: 'horizontalRule',
  hardBreak: 'hardBreak',
  table: 'table',
  tableRow: 'tableRow',
  tableHeader: 'tableHeader',
  tableCell: 'tableCell',
} as const;

export const MARK = { bold: 'bold', italic: 'italic', strike: 'strike', code: 'code', link: 'link', underline: 'underline' } as const;

/** Heading levels the guidance uses: 1 for the title, 2 for sections, 3 for subsections. */
export const HEADING_LEVELS = [1, 2, 3] as const;
