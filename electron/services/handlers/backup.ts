import { writeAudit } from '../audit'
import type { Handlers } from './types'

// Backups and restore (issue 7). The work is in backupService.ts; here only what the request adds.

export const backupHandlers: Handlers['backup'] = {
  list: (_input, ctx) => ctx.backups.list(),
  backUpNow: (_input, ctx) => ctx.backups.backUpNow(),
  chooseFile: (_input, ctx) => ctx.backups.chooseFile(),
  restore: async (input, ctx) => {
    // The password was checked by the dispatcher (permissions.ts); the backup service gets only the target.
    const result = await ctx.backups.restore(input.id !== undefined ? { id: input.id } : { path: input.path })
    const store = ctx.backups.store()
    try {
      // The restored file records that it was restored, by whom and from what (issue 7: audit trail).
      if (store) {
        await store.write((c) =>
          writeAudit(c.db, ctx.actor, ctx.channel, ctx.now, {
            entity: 'data_file',
            entityId: null,
            before: result.safetyBackup ? { keptAs: result.safetyBackup.id } : null,
            after: { restoredFrom: result.restoredFrom },
          }),
        )
      }
    } catch (err) {
      // The restore itself has happened; a missing audit row is logged, not reported as a failed restore.
      ctx.log(err)
    }
    // The restored file has its own users, who may differ from the replaced file's: sign in again.
    ctx.session.signOut()
    return result
  },
}
