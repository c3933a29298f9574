// Builds the three bundles: main (Node, CJS), preload (sandboxed, CJS) and the renderer (Vite).
// `--renderer-only` skips main/preload (the e2e suite needs only the renderer bundle).
import { build as esbuild } from 'esbuild'
import { build as viteBuild } from 'vite'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rendererOnly = process.argv.includes('--renderer-only')
const mainOnly = process.argv.includes('--main-only')

if (!rendererOnly) {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' }
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/main.ts')],
    outfile: path.join(root, 'dist/main/main.cjs'),
    // Native and Electron modules stay outside the bundle; electron-builder ships better-sqlite3 unpacked.
    // pdfkit and exceljs load their own data files relative to their package (pdfkit through
    // import.meta.url, which is empty in a CJS bundle), so they are required from node_modules.
    external: ['electron', 'better-sqlite3', 'pdfkit', 'exceljs'],
    // parseOffThread.ts reads import.meta only when __dirname is missing (tsx's ESM), never in this CJS bundle.
    logOverride: { 'empty-import-meta': 'silent' },
  })
  // Large files are parsed in a worker thread (electron/services/parseOffThread.ts), which loads
  // this bundle from next to main.cjs.
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/services/parseWorker.ts')],
    outfile: path.join(root, 'dist/main/parseWorker.cjs'),
  })
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/preload.ts')],
    outfile: path.join(root, 'dist/preload/preload.cjs'),
    external: ['electron'],
  })
}
if (!mainOnly) await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
console.log(`built ${rendererOnly ? 'renderer' : mainOnly ? 'main and preload' : 'main, preload and renderer'} into dist/`)
