// Builds the three bundles: main (Node, CJS), preload (sandboxed, CJS) and the renderer (Vite).
// `--renderer-only` skips main/preload (the e2e suite needs only the renderer bundle).
import { build as esbuild } from 'esbuild'
import { build as viteBuild } from 'vite'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rendererOnly = process.argv.includes('--renderer-only')

if (!rendererOnly) {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' }
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/main.ts')],
    outfile: path.join(root, 'dist/main/main.cjs'),
    // Native and Electron modules stay outside the bundle; electron-builder ships better-sqlite3 unpacked.
    external: ['electron', 'better-sqlite3'],
  })
  await esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/preload.ts')],
    outfile: path.join(root, 'dist/preload/preload.cjs'),
    external: ['electron'],
  })
}
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
console.log(`built ${rendererOnly ? 'renderer' : 'main, preload and renderer'} into dist/`)
