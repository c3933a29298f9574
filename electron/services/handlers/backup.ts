import { UserFacingError } from '../../../shared/ipc/result'
import { writeAudit } from '../audit'
import { writeFileAtomic } from '../export/atomic'
import type { Handlers } from './types'

// Backups and restore (issue 7). The work is in backupService.ts; here only what the request adds.

export const backupHandlers: Handlers['backup'] = {
  list: (_input, ctx) => ctx.backups.list(),
  backUpNow: (_input, ctx) => ctx.backups.backUpNow(),
  chooseFile: (_input, ctx) => ctx.backups.chooseFile(),
  restore: async (input, ctx) => {
    // The password was checked by the dispatcher (permissions.ts); the backup service gets only the target.
    const target = input.id !== undefined ? { id: input.id } : { path: input.path }
    const result = await ctx.backups.restore({ ...target, recoveryKey: input.recoveryKey })
    const store = ctx.backups.store()
    try {
      // The restored file records that it was restored, by whom and from what (issue 7: audit trail).
      if (store) {
        await store.write((c) =>
          writeAudit(c, ctx.actor, ctx.channel, ctx.now, {
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
  exportRecoveryKey: async (_input, ctx) => {
    // The HOMS's password was checked by the dispatcher (permissions.ts).
    const by = ctx.actor?.username ?? 'unknown'
    const { recoveryKey, fingerprint, savedTo } = await ctx.exportRecoveryKey(by, async (key, name) => {
      const target = await ctx.host.chooseSavePath({
        title: 'Save the recovery key (keep it away from this computer)',
        defaultName: `OMU-Desk-recovery-key-${name}.txt`,
        filters: [{ name: 'Text', extensions: ['txt'] }],
      })
      if (!target) return null
      try {
        writeFileAtomic(target, recoveryKeyFileText(key, name, ctx.now))
      } catch (err) {
        ctx.log(err)
        throw new UserFacingError('unavailable', `The recovery key could not be saved to ${target} (${(err as { code?: string }).code ?? 'the folder refused it'}). Nothing was exported: try again and choose another folder, such as a USB stick.`)
      }
      return target
    })
    const store = ctx.store
    if (store) {
      // Who exported it and when, never the key (issue 15).
      await store
        .write((c) => writeAudit(c, ctx.actor, ctx.channel, ctx.now, { entity: 'data_file', entityId: null, before: null, after: { recoveryKeyExported: fingerprint, saved: savedTo !== null } }))
        .catch((err: unknown) => ctx.log(err))
    }
    return { recoveryKey, fingerprint, savedTo }
  },
}

/** The recovery key file: the key and what it is for, in words a HOMS or IT can follow years later. */
function recoveryKeyFileText(recoveryKey: string, fingerprint: string, at: Date): string {
  return [
    'OMU Desk recovery key - OFFICIAL-SENSITIVE',
    '',
    `Key: ${recoveryKey}`,
    `Key name: ${fingerprint}`,
    `Exported: ${at.toISOString().slice(0, 10).split('-').reverse().join('/')}`,
    '',
    'This key opens the OMU Desk data file and every backup of it made on the computer it was exported from.',
    'Anyone who has it and a copy of the data file can read everything in it. Keep it away from that computer:',
    'printed in the establishment safe, or in the password manager IT approves. Do not email it.',
    '',
    'To restore a backup on a new computer: install OMU Desk, then in Settings > Backups restore the backup file',
    'and enter this key when asked. If OMU Desk says the data file needs its recovery key, enter it on that page.',
    '',
  ].join('\n')
}
