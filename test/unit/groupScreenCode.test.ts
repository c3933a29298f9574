// Issue 19, "Benchmark": the Group view over 10 establishments painted within a second. Its
// screen's code once brought the whole task engine (about 1 MB with the EDM catalogues) and zod
// with it, through the rows' schema (shared/export/groupView.ts); the table's order and words now
// come from shared/export/groupViewTable.ts, which needs neither. This keeps it that way.
import path from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../db/testing'

const ROOT = repoRoot()

/** Every source file the module pulls in at run time (type-only imports are left out by the build). */
async function runtimeInputs(entry: string): Promise<string[]> {
  const out = await build({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    // The UI libraries are in the start-up bundle already; what matters is what this screen adds.
    external: ['react', 'react-dom', 'react/jsx-runtime', '@mantine/*', '@tanstack/*', 'date-fns'],
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  })
  return Object.keys(out.metafile.inputs)
}

describe('the Group screen’s code', () => {
  it('loads neither the task engine nor zod, so the screen appears without waiting for them', async () => {
    const inputs = await runtimeInputs('renderer/src/screens/group/GroupScreen.tsx')
    expect(inputs).toContain('shared/export/groupViewTable.ts')
    expect(inputs.filter((f) => f.startsWith('shared/engine/') || f.includes('node_modules/zod/') || f === 'shared/export/groupView.ts' || f === 'shared/export/readinessExport.ts')).toEqual([])
  })
})
