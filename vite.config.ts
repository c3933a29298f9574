import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import path from 'node:path'

/**
 * The entry (renderer/src/main.tsx) is small: it starts the first screen's reads, then imports
 * boot.tsx (React, Mantine, the app). This lists boot's chunks in index.html as module preloads, so
 * they are fetched and compiled alongside the entry rather than after it has run, and their CSS as
 * stylesheets (issue 8).
 */
function preloadBoot(): Plugin {
  return {
    name: 'omu-preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return []
        const boot = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId === path.resolve(import.meta.dirname, 'renderer/src/boot.tsx'))
        if (!boot || boot.type !== 'chunk') throw new Error('omu-preload-boot: no boot chunk in the bundle')
        const files = new Set<string>()
        const css = new Set<string>()
        const visit = (fileName: string) => {
          const chunk = bundle[fileName]
          if (files.has(fileName) || !chunk || chunk.type !== 'chunk' || chunk.isEntry) return
          files.add(fileName)
          chunk.viteMetadata?.importedCss.forEach((f) => css.add(f))
          chunk.imports.forEach(visit)
        }
        visit(boot.fileName)
        return [
          ...[...css].map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
          ...[...files].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        ]
      },
    },
  }
}

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), preloadBoot()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
})
