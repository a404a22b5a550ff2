/**
 * Content types of what the renderer build emits (Vite: html, js, css, fonts, images, wasm). A file whose
 * extension is not listed is not served at all: guessing a type would let the page load something as script
 * that was never meant to be one (`X-Content-Type-Options: nosniff` stops the browser guessing too).
 */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a file name, or null when the app does not serve that kind of file. */
export function contentTypeOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return null;
  return TYPES[fileName.slice(dot).toLowerCase()] ?? null;
}
