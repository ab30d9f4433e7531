// What the link dialog accepts as an address.

/** "example.org/page" becomes "https://example.org/page"; anything but http(s) and mailto is refused. */
export function normaliseHref(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text) ? `mailto:${text}` : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol === 'mailto:') return url.pathname.includes('@') ? withScheme : undefined;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.hostname.includes('.') || url.hostname === 'localhost' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
