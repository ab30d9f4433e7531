// Caret and presence colours. Every colour carries white text at 6:1 or more (WCAG 1.4.3 for caret
// labels) and stands out at 3:1 against the page (1.4.11 for the caret line and the presence swatch).
export const USER_COLOURS = [
  '#005eb8', // blue
  '#b3261e', // red
  '#00703c', // green
  '#8a4b00', // brown
  '#6b2c91', // purple
  '#00626e', // teal
  '#a0005a', // magenta
  '#4b3d9e', // indigo
  '#425563', // slate
  '#7a5c00', // olive
] as const;

const PALETTE: ReadonlySet<string> = new Set(USER_COLOURS);

/** The same colour for a user on every device and in every session: a hash of the user id. */
export function colourFor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (Math.imul(hash, 31) + userId.charCodeAt(i)) | 0;
  return USER_COLOURS[Math.abs(hash) % USER_COLOURS.length];
}

/**
 * The colour to draw another client's caret in. Awareness states come from other browsers: a colour
 * outside the palette (too light for white text, or not a colour at all) is replaced by the palette's.
 */
export function safeColour(colour: unknown, fallbackKey: string): string {
  return typeof colour === 'string' && PALETTE.has(colour) ? colour : colourFor(fallbackKey);
}
