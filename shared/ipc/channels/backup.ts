import { z } from 'zod'
import { channel, type Domain } from '../define'
import { confirmingPassword, empty } from '../schemas'
import { appStatusSchema } from './app'

// Backups and restore from Settings (issue 7: "manual back up now and restore in Settings; restore
// first checks the backup's integrity and takes a backup of the current file"). System channels:
// they manage the store file itself, so they also work while the recovery page is showing.

/** A backup's id is its file name in the app's backup folder: no folder part, so no path tricks. */
export const BACKUP_ID = /^omu-\d{8}T\d{6}Z-[a-z0-9-]{1,40}\.db$/

export const BACKUP_KINDS = ['daily', 'manual', 'premigration', 'prerestore', 'other'] as const
export const backupKindSchema = z.enum(BACKUP_KINDS)
export type BackupKind = z.infer<typeof backupKindSchema>

export const backupEntrySchema = z.object({
  id: z.string(),
  /** ISO instant (UTC) the backup was taken. */
  takenAt: z.string(),
  kind: backupKindSchema,
  sizeBytes: z.number(),
  /** Dated after now (issue 15): the computer's clock was wrong when it was taken, or it came from elsewhere. Never taken as the latest. */
  futureDated: z.boolean(),
})
export type BackupEntry = z.infer<typeof backupEntrySchema>

export const backupListSchema = z.object({
  /** Where the backups are kept on this computer. */
  folder: z.string(),
  /** Newest first, in the order the app took them (not by their dates). */
  backups: z.array(backupEntrySchema),
})
export type BackupList = z.infer<typeof backupListSchema>

export const restoreInput = z
  .object({
    id: z.string().regex(BACKUP_ID, 'Choose a backup from the list.').optional(),
    path: z.string().min(1, 'Choose the backup file to restore.').max(4096, 'That file path is too long. Move the backup to a shorter path.').optional(),
    /** The HOMS's own password again (issue 15); checked by the dispatcher, never stored. */
    password: confirmingPassword,
    /** Issue 15: for a backup made on another computer, that data file's recovery key; never stored. */
    recoveryKey: z.string().max(200, 'A recovery key is 64 characters with dashes between groups of four.').optional(),
  })
  .strict()
  .refine((v) => (v.id === undefined) !== (v.path === undefined), 'Choose one backup to restore: one from the list, or one file.')
export type RestoreInput = z.input<typeof restoreInput>
export const exportRecoveryKeyInput = z.object({ password: confirmingPassword }).strict()
export type ExportRecoveryKeyInput = z.input<typeof exportRecoveryKeyInput>

export const recoveryKeySchema = z.object({
  /** The data key in 16 groups of 4 hex digits: shown once, saved by the HOMS. */
  recoveryKey: z.string(),
  /** A short, non-secret name for the key, printed with it. */
  fingerprint: z.string(),
  /** Where the recovery key file was saved; null when the HOMS cancelled the save (the key is still shown). */
  savedTo: z.string().nullable(),
})
export type RecoveryKeyExport = z.infer<typeof recoveryKeySchema>

/** Which backup to restore: what the backup service needs of a request (not the password). */
export type RestoreTarget = Omit<RestoreInput, 'password'>

export const restoreResultSchema = z.object({
  /** The app's state after the restore (normally ready). */
  status: appStatusSchema,
  /** The backup of the replaced data file taken just before restoring; null when that file was unreadable (it is kept aside instead). */
  safetyBackup: backupEntrySchema.nullable(),
  /** The file name restored from. */
  restoredFrom: z.string(),
})
export type RestoreResult = z.infer<typeof restoreResultSchema>

export const backup = {
  list: channel({
    doc: 'The backups in the app’s backup folder, newest first.',
    kind: 'system',
    input: empty,
    output: backupListSchema,
  }),
  backUpNow: channel({
    doc: 'Take a backup of the data file now (SQLite online backup), then apply the rotation.',
    kind: 'system',
    input: empty,
    output: backupEntrySchema,
  }),
  chooseFile: channel({
    doc: 'Ask for a backup file elsewhere on this computer (an open dialog); null when the user cancels. Restores nothing.',
    kind: 'system',
    input: empty,
    output: z.object({ path: z.string(), name: z.string() }).nullable(),
  }),
  restore: channel({
    doc: 'Replace the data file with a backup (by id from the list, or a file path; the HOMS’s password is asked again): integrity check first, then a backup of the current file, then the swap and reopen.',
    kind: 'system',
    input: restoreInput,
    output: restoreResultSchema,
  }),
  exportRecoveryKey: channel({
    doc: 'Issue 15: the data file’s recovery key, for a HOMS to keep off this computer (the HOMS’s password is asked again); shown once and saved as a file. It opens the data file and its backups on another computer.',
    kind: 'system',
    input: exportRecoveryKeyInput,
    output: recoveryKeySchema,
  }),
} satisfies Domain
