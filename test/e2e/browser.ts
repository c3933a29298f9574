import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { repoRoot } from '../../db/testing'
import { CONTENT_SECURITY_POLICY } from '../../electron/security'
import type { SenderInfo } from '../../electron/services/dispatcher'

// The stand-in for the Electron window and transport, shared by the e2e suite and the renderer
// benchmark: Debian's Chromium shows the production renderer bundle, and window.omu reaches the
// real services through a Playwright binding instead of ipcRenderer.

export const ORIGIN = 'http://omu.local'
export const ROOT = repoRoot()
const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer')
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots')

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' }

let bridgeScript: string | null = null
async function bridge(): Promise<string> {
  if (bridgeScript) return bridgeScript
  const out = await build({ entryPoints: [path.join(ROOT, 'test/e2e/bridge-entry.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120' })
  bridgeScript = out.outputFiles[0]?.text ?? ''
  return bridgeScript
}


/** Serves the built renderer (with the app's CSP), refuses every other request, and installs window.omu. */
export async function attachApp(context: BrowserContext, invoke: (channel: string, input: unknown, sender: SenderInfo) => Promise<unknown>): Promise<void> {
  // Nothing leaves the machine: every request is answered from the built renderer or refused.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== ORIGIN) return route.abort()
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html'
    const file = path.resolve(RENDERER_DIR, rel)
    if (!file.startsWith(RENDERER_DIR + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' })
    return route.fulfill({ status: 200, body: fs.readFileSync(file), headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY } })
  })
  await context.exposeBinding('__omuInvoke', (source, channel: string, input: unknown) =>
    invoke(channel, input, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }),
  )
  await context.addInitScript({ content: await bridge() })
}

let browser: Browser | null = null
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: node scripts/build.mjs --renderer-only')
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // Native date fields follow the process locale: en-GB shows dd/mm/yyyy as the app does in Electron.
    env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' },
    args: ['--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  })
  return browser
}

export async function closeBrowser(): Promise<void> {
  await browser?.close()
  browser = null
}

