import { Badge } from '@mantine/core'
import { STATUS_COLOURS, STATUS_LABELS } from '../lib/labels'

/** A minimum's status: always its word, colour is only a second cue. */
export function StatusBadge({ status }: { status: keyof typeof STATUS_LABELS }) {
  return (
    <Badge color={status === 'overdue' ? 'red.9' : STATUS_COLOURS[status]} variant={status === 'overdue' ? 'filled' : 'light'}>
      {STATUS_LABELS[status]}
    </Badge>
  )
}
