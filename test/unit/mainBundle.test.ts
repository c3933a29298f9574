import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../db/testing'

const ROOT = repoRoot()

describe('the built main-process bundle', () => {
  it('loads without throwing and registers the app:// scheme before ready', () => {
    execFileSync('node', [path.join(ROOT, 'scripts/build.mjs'), '--main-only'], { cwd: ROOT, stdio: 'pipe' })
    const out = execFileSync('node', [path.join(ROOT, 'test/unit/fixtures/fakeElectron.cjs'), path.join(ROOT, 'dist/main/main.cjs')], { cwd: ROOT }).toString()
    const calls = JSON.parse(out) as unknown[][]
    expect(calls).toContainEqual(['appendSwitch', 'lang', 'en-GB'])
    expect(calls).toContainEqual(['registerSchemesAsPrivileged', 'app'])
    // Issue 18: crash dumps are kept on this computer, never uploaded.
    expect(calls).toContainEqual(['crashReporter.start', false])
  }, 60_000)
})
