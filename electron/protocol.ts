import fs from 'node:fs'
import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from './security'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/**
 * Serves a file of the packaged renderer for an app:// request, never anything outside
 * `rendererDir` (path traversal is refused), always with the CSP header.
 */
export function serveRendererFile(rendererDir: string, requestUrl: string): Response {
  const url = new URL(requestUrl)
  const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html'
  const file = path.resolve(rendererDir, rel)
  if (!file.startsWith(path.resolve(rendererDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return new Response('Not found', { status: 404 })
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream'
  return new Response(fs.readFileSync(file), {
    headers: { 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
  })
}
