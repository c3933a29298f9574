import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { SharedLocation } from '../../../db/store/postgres'
import { sharedLocationSchema } from '../../../shared/ipc/channels/storage'

// Where this computer keeps its data (issue 13), in storage.json beside the data file: the
// shared database's address and TLS settings only. Never a password: each user signs in with
// their own, held in memory while they are signed in.

export type StorageChoice = { kind: 'local' } | { kind: 'shared'; location: SharedLocation }

const fileSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('local') }), z.object({ kind: z.literal('shared'), location: sharedLocationSchema })])

/** The saved choice; a missing or unreadable file means this computer's own file (the default). */
export function readStorageChoice(file: string): StorageChoice {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : { kind: 'local' }
  } catch {
    return { kind: 'local' }
  }
}

/** Written whole or not at all (a temp file, then a rename), readable by this user only. */
export function writeStorageChoice(file: string, choice: StorageChoice): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(choice, null, 2), { mode: 0o600 })
  fs.renameSync(tmp, file)
}
