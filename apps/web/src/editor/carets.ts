// How other people's carets and selections are drawn in the text (CollaborationCaret's render options).
import type { DecorationAttrs } from '@tiptap/pm/view';
import { safeColour } from './user-colour';

interface CaretUser {
  id?: unknown;
  name?: unknown;
  color?: unknown;
}

const label = (user: CaretUser) => (typeof user.name === 'string' && user.name.trim() ? user.name.slice(0, 120) : 'Someone');
const colour = (user: CaretUser) => safeColour(user.color, typeof user.id === 'string' ? user.id : label(user));

/**
 * A line at the caret with the person's name above it: white on a palette colour (at least 6:1).
 * Hidden from screen readers, which would otherwise read names as part of the text; the presence list
 * says who is where in words.
 */
export function renderCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = colour(user);
  const name = document.createElement('span');
  name.className = 'collaboration-carets__label';
  name.style.backgroundColor = colour(user);
  name.textContent = label(user);
  caret.append(name);
  return caret;
}

/** A light tint of the person's colour, so the selected text keeps its contrast. */
export function renderSelection(user: CaretUser): DecorationAttrs {
  return { class: 'collaboration-carets__selection', style: `background-color: ${colour(user)}26` };
}
