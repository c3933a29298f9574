import { Badge } from '@mantine/core'
import { headlineLabel, STATUS_COLOURS, STATUS_LABELS } from '../lib/labels'

/**
 * A minimum's status: always its word, colour is only a second cue. `headline`: the case's headline
 * status (issue 16: never "Missed"; nothing open reads "No minimum due").
 */
export function StatusBadge({ status, headline = false }: { status: keyof typeof STATUS_LABELS; headline?: boolean }) {
  return (
    // Issue 16: never cut off ("NOT APPLI…" at 1024 px): beside a title, the title wraps instead.
    <Badge color={status === 'overdue' ? 'red.9' : STATUS_COLOURS[status]} variant={status === 'overdue' ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
      {headline ? headlineLabel(status) : STATUS_LABELS[status]}
    </Badge>
  )
}
