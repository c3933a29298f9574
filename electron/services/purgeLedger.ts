import fs from 'node:fs'
import { z } from 'zod'

// Issue 15: a retention purge forgets people, but backups taken before it still hold them until
// the rotation removes those backups (docs/SECURITY.md; the purge dialog says so). Restoring such
// a backup would bring them back, so every purge is also written to a ledger beside the data file,
// outside it (a restore replaces the file, not the ledger), and a restore purges again every record
// the ledger names since the backup was taken. Record ids only: the ledger itself names nobody.

const ledgerSchema = z.object({ purges: z.array(z.object({ at: z.string(), prisonerIds: z.array(z.number().int().positive()) })) })
export type PurgeEntry = z.infer<typeof ledgerSchema>['purges'][number]

export class PurgeLedger {
  /** `file`: the ledger's path; `enabled`: false in shared mode (its backups and restores are IT's, on the server). */
  constructor(
    private readonly file: string,
    private readonly enabled: () => boolean,
  ) {}

  /** Every purge recorded, oldest first; an unreadable ledger reads as empty (and is replaced by the next purge). */
  entries(): PurgeEntry[] {
    try {
      const parsed = ledgerSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data.purges : []
    } catch {
      return []
    }
  }

  /** Appends a purge (after it has committed), written whole or not at all. */
  record(at: Date, prisonerIds: readonly number[]): void {
    if (!this.enabled() || prisonerIds.length === 0) return
    const purges = [...this.entries(), { at: at.toISOString(), prisonerIds: [...prisonerIds] }]
    const tmp = `${this.file}.tmp`
    fs.writeFileSync(tmp, JSON.stringify({ purges }, null, 2), { mode: 0o600 })
    fs.renameSync(tmp, this.file)
  }

  /** The records purged after `since` (an ISO instant), or every one when the backup's time is unknown. */
  purgedSince(since: string | null): number[] {
    const ids = new Set<number>()
    for (const e of this.entries()) if (since === null || e.at > since) for (const id of e.prisonerIds) ids.add(id)
    return [...ids]
  }
}
