// Which browser origins may use the session cookie on a WebSocket (a cookie rides along with any
// page's WebSocket, so cross-site pages must not): our own, PUBLIC_URL's, and outside production
// the web dev server's, which proxies to us.
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/app.config';

export function cookieOriginAllowed(req: IncomingMessage, config: Pick<AppConfig, 'publicUrl' | 'production'>): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser page
  try {
    const url = new URL(origin);
    if (url.host === req.headers.host) return true;
    if (config.publicUrl && url.origin === new URL(config.publicUrl).origin) return true;
    return !config.production && /^(localhost|127\.0\.0\.1):4200$/.test(url.host);
  } catch {
    return false;
  }
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
