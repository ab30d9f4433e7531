// Characters refused in every text argument, before validation (apps/api/src/common/validation.ts).
/**
 * Characters no text field may hold: NUL (PostgreSQL's text cannot store it) and unpaired UTF-16
 * surrogates (not Unicode: they cannot be encoded as UTF-8 faithfully). Other control characters are
 * the fields' own business.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
export const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted path of the first string in `value` that holds an unstorable character, or null. */
export function unstorableAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = unstorableAt(value[i], `${path}[${i}]`);
      if (at !== null) return at;
    }
    return null;
  }
  // Arguments are plain data: arrays and plain objects (graphql-js makes input objects with a null
  // prototype). Anything else (a request, a context) is not an argument's value and is not walked.
  const proto = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === null || proto === Object.prototype) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const at = unstorableAt(v, path ? `${path}.${k}` : k);
      if (at !== null) return at;
    }
  }
  return null;
}

