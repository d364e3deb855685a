import type { Plugin } from 'vite';

/**
 * The page's Content-Security-Policy. The app has no inline script, no eval and no plugin content, so scripts
 * come from its own origin only. Tiles come from the basemaps the manifest names (any https host), data links
 * (?data=) are fetched from any https host, or a local one while an office tries a file; the shared map's
 * WebSocket may live on another host (wss:). Workers are the app's own module workers. The same text is the
 * header the README recommends for hosts that can set one (a header also covers frame-ancestors, which a meta
 * tag cannot).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline styles: the PNG export (modern-screenshot) writes them; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self' https: wss: ws: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Writes the policy into the built index.html as a meta tag, first in <head> (a meta policy covers only what
 * comes after it). Build only: the dev server's React refresh needs an inline script.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
