// Who has the draft open, from the provider's awareness: one entry per person (several windows of one
// person count once), with the section their caret is in.
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { FRAGMENT, NODE, plainText } from '@concord/editor-schema';
import type { CollabSession } from './collab-session';
import { safeColour } from './user-colour';

export interface PresentPerson {
  key: string;
  name: string;
  colour: string;
  isMe: boolean;
  /** Title of the section their caret is in; undefined when they are not in the text. */
  section?: string;
}

interface AwarenessState {
  user?: { id?: unknown; name?: unknown; color?: unknown };
  cursor?: { head?: unknown } | null;
}

/** The heading above a Yjs relative position (as awareness carries it), by walking up to the body. */
function sectionAt(doc: Y.Doc, fragment: Y.XmlFragment, position: unknown): string | undefined {
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(position), doc);
    if (!absolute) return undefined;
    const blocks = fragment.toArray();
    let index = absolute.index;
    if (absolute.type !== fragment) {
      let node: Y.AbstractType<unknown> | null = absolute.type;
      while (node && node.parent !== fragment) node = node.parent;
      if (!node) return undefined;
      index = blocks.indexOf(node as Y.XmlElement);
    }
    for (let i = Math.min(index, blocks.length - 1); i >= 0; i--) {
      const block = blocks[i];
      if (block instanceof Y.XmlElement && block.nodeName === NODE.heading) return plainText(block).trim() || 'an untitled section';
    }
    return 'the opening text';
  } catch {
    return undefined;
  }
}

export function readPresence(session: CollabSession): PresentPerson[] {
  const { awareness } = session.provider;
  const fragment = session.doc.getXmlFragment(FRAGMENT);
  const people = new Map<string, PresentPerson>();
  awareness.getStates().forEach((raw, clientId) => {
    const state = raw as AwarenessState;
    const user = state.user;
    if (!user || typeof user.name !== 'string') return;
    const key = typeof user.id === 'string' ? user.id : `client-${clientId}`;
    const isMe = clientId === awareness.clientID;
    const section = state.cursor?.head ? sectionAt(session.doc, fragment, state.cursor.head) : undefined;
    const known = people.get(key);
    if (known) {
      known.isMe ||= isMe;
      known.section ??= section;
      return;
    }
    people.set(key, { key, name: user.name.slice(0, 120) || 'Someone', colour: safeColour(user.color, key), isMe, section });
  });
  return [...people.values()].sort((a, b) => (a.isMe !== b.isMe ? (a.isMe ? -1 : 1) : a.name.localeCompare(b.name, 'en-GB')));
}

export function usePresence(session: CollabSession): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>(() => readPresence(session));
  useEffect(() => {
    let last = '';
    const read = () => {
      const next = readPresence(session);
      // Carets move with every keystroke; re-render only when what the list shows has changed.
      const signature = JSON.stringify(next);
      if (signature === last) return;
      last = signature;
      setPeople(next);
    };
    read();
    session.provider.awareness.on('change', read);
    return () => session.provider.awareness.off('change', read);
  }, [session]);
  return people;
}
