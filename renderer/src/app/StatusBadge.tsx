import { Badge } from '@mantine/core'
import { STATUS_COLOURS, STATUS_LABELS } from '../lib/labels'

/** A minimum's status: always its word, colour is only a second cue. */
export function StatusBadge({ status }: { status: keyof typeof STATUS_LABELS }) {
  return (
    // Issue 16: never cut off ("NOT APPLI…" at 1024 px): beside a title, the title wraps instead.
    <Badge color={status === 'overdue' ? 'red.9' : STATUS_COLOURS[status]} variant={status === 'overdue' ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
      {STATUS_LABELS[status]}
    </Badge>
  )
}
