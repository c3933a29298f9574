import { Text } from '@mantine/core'
import { responsibilityText } from '../../../shared/export/responsibility'
import type { OverrideNote as Note } from '../../../shared/ipc/channels/caseWork'

/**
 * Issue 17 ("shown on the case and in every list and export"): a HOMD's responsibility override in
 * force, as a note under a list row's name, with the engine's own answer beside it, in words (never
 * colour alone). The row stays on the list the engine puts it on (../shared/specs/mpc-rules.md A.1).
 */
export function OverrideNote({ note }: { note: Note | null | undefined }) {
  if (!note) return null
  return <Text size="xs">Responsible: {responsibilityText(note.engine, note)}</Text>
}
