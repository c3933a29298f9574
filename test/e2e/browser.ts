import { build } from 'esbuild'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { repoRoot } from '../../db/testing'
import { serveRendererFile } from '../../electron/protocol'
import type { SenderInfo } from '../../electron/services/dispatcher'

// The stand-in for the Electron window and transport, shared by the e2e suite and the renderer
// benchmark: Debian's Chromium shows the production renderer bundle, and window.omu reaches the
// real services over HTTP instead of ipcRenderer.
//
// One local HTTP server answers for the app's origin (Chromium resolves omu.local to it and every
// other host to nothing, so nothing leaves the machine): GET serves the built renderer through the
// app's own protocol handler (electron/protocol.ts, with the CSP), POST /__omu/invoke carries an
// IPC request. HTTP rather than a Playwright binding or request interception: those walk every
// request and result through the DevTools protocol (about 0.4 s for a 2,000-case caseload), where
// Electron's IPC takes milliseconds, and the renderer benchmark should measure the app.

export const ORIGIN = 'http://omu.local'
export const ROOT = repoRoot()
const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer')
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots')

type Invoke = (channel: string, input: unknown, sender: SenderInfo) => Promise<unknown>

let bridgeScript: string | null = null
async function bridge(): Promise<string> {
  if (bridgeScript) return bridgeScript
  const out = await build({ entryPoints: [path.join(ROOT, 'test/e2e/bridge-entry.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120' })
  bridgeScript = out.outputFiles[0]?.text ?? ''
  return bridgeScript
}

/** Each browser context's services, by the token its injected bridge sends. */
const contexts = new Map<string, Invoke>()
let server: http.Server | null = null

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', ORIGIN)
  if (req.method === 'POST' && url.pathname === '/__omu/invoke') {
    const body = JSON.parse(await readBody(req)) as { token: string; channel: string; input: unknown; isMainFrame: boolean }
    const invoke = contexts.get(body.token)
    if (!invoke) {
      res.writeHead(403).end()
      return
    }
    // The document that sent the request, as Electron's senderFrame.url would give it.
    const result = await invoke(body.channel, body.input, { url: req.headers.referer ?? '', isMainFrame: body.isMainFrame === true })
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
    return
  }
  if (req.method !== 'GET') {
    res.writeHead(405).end()
    return
  }
  const file = serveRendererFile(RENDERER_DIR, url.href)
  const headers: Record<string, string> = {}
  file.headers.forEach((value, name) => {
    headers[name] = value
  })
  res.writeHead(file.status, headers).end(Buffer.from(await file.arrayBuffer()))
}

async function startServer(): Promise<number> {
  server = http.createServer((req, res) => {
    answer(req, res).catch((err: unknown) => {
      console.error('[e2e transport]', err)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** Connects a browser context to services: its pages get window.omu, answered by `invoke`. */
export async function attachApp(context: BrowserContext, invoke: Invoke): Promise<void> {
  const token = randomUUID()
  contexts.set(token, invoke)
  context.on('close', () => contexts.delete(token))
  await context.addInitScript({ content: `window.__omuStandInToken = ${JSON.stringify(token)};\n${await bridge()}` })
}

let browser: Browser | null = null
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: node scripts/build.mjs --renderer-only')
  if (browser) return browser
  const port = await startServer()
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // Native date fields follow the process locale: en-GB shows dd/mm/yyyy as the app does in Electron.
    env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' },
    args: [`--host-resolver-rules=MAP omu.local 127.0.0.1:${port}, MAP * ~NOTFOUND`, '--lang=en-GB', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  })
  return browser
}

export async function closeBrowser(): Promise<void> {
  await browser?.close()
  browser = null
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
}

