// The editor's schema as Tiptap extensions, without React: the web editor adds the collaboration
// extensions on top, and the server builds the same ProseMirror schema to read documents.
import { Extension, getSchema } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { HEADING_LEVELS, NODE } from './nodes';

/** Gives every heading a stable `id` attribute, so mappings to sections survive renaming them. */
export const SectionIds = Extension.create({
  name: 'sectionIds',
  addGlobalAttributes() {
    return [
      {
        types: [NODE.heading],
        attributes: {
          id: { default: null, parseHTML: (el) => el.getAttribute('data-section-id'), renderHTML: (attrs) => (attrs.id ? { 'data-section-id': attrs.id } : {}) },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('sectionIds'),
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((t) => t.docChanged)) return null;
          const seen = new Set<string>();
          const tr = state.tr;
          state.doc.descendants((node, pos) => {
            if (node.type.name !== NODE.heading) return true;
            const id = node.attrs.id as string | null;
            if (!id || seen.has(id)) tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: newSectionId() });
            else seen.add(id);
            return false;
          });
          return tr.steps.length > 0 ? tr.setMeta('addToHistory', false) : null;
        },
      }),
    ];
  },
});

export function newSectionId(): string {
  return `sec-${Math.random().toString(36).slice(2, 10)}`;
}

/** The nodes and marks of a Concord document. Collaboration replaces the editor's own history. */
export function editorExtensions() {
  return [
    StarterKit.configure({ undoRedo: false, heading: { levels: [...HEADING_LEVELS] }, link: { openOnClick: false, autolink: true, defaultProtocol: 'https' } }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    SectionIds,
  ];
}

export function editorSchema() {
  return getSchema(editorExtensions());
}
