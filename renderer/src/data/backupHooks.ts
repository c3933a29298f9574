import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ExportRecoveryKeyInput, RestoreInput, RestoreResult } from '../../../shared/ipc/channels/backup'
import { omu, unwrap } from './client'
import { keys } from './keys'

// Backups and restore in Settings (issue 7).

export function useBackups() {
  return useQuery({ queryKey: keys.backups(), queryFn: () => unwrap(omu().backup.list()) })
}

export function useBackUpNow() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(omu().backup.backUpNow()),
    // The rotation may have removed old backups, and the status shows the latest one.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: keys.backups() }), qc.invalidateQueries({ queryKey: keys.status() })]),
  })
}

export function useChooseBackupFile() {
  return useMutation({ mutationFn: () => unwrap(omu().backup.chooseFile()) })
}

/** After a restore every cached read is of the replaced file, and nobody is signed in: drop them all. */
export function useRestoreBackup(onRestored: (result: RestoreResult) => void) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (target: RestoreInput) => unwrap(omu().backup.restore(target)),
    // Told before the reset: the screen that asked may be replaced by the sign-in page.
    onSuccess: (result) => {
      onRestored(result)
      return qc.resetQueries({ queryKey: keys.all })
    },
  })
}

/** Issue 15: the recovery key, once, for a HOMS (their password asked again). */
export function useExportRecoveryKey() {
  return useMutation({ mutationFn: (input: ExportRecoveryKeyInput) => unwrap(omu().backup.exportRecoveryKey(input)) })
}
