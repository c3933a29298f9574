// Action items in the shape of seed 004's action plans: action, owner, target date, status and
// progress updates with dates.
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { RRMP_ACTION_STATUSES, type RrmpActionItem, type RrmpActionStatus } from '../../../../shared/engine/index'
import { actionStatusLabel } from '../../../../shared/export/labels'
import { DateField } from '../../app/DateField'
import { formatDate } from '../../lib/format'

const statusOptions = RRMP_ACTION_STATUSES.map((s) => ({ value: s, label: actionStatusLabel(s) }))

function newId(items: readonly RrmpActionItem[]): string {
  let n = items.length + 1
  while (items.some((i) => i.id === `a${n}`)) n++
  return `a${n}`
}

export function ActionItems(props: { baselineId: string; items: RrmpActionItem[]; today: string; readOnly: boolean; onChange: (items: RrmpActionItem[]) => void; onBlur: () => void }) {
  const { baselineId, items, today, readOnly, onChange, onBlur } = props
  const update = (i: number, patch: Partial<RrmpActionItem>) => onChange(items.map((item, j) => (j === i ? { ...item, ...patch } : item)))
  return (
    <Stack gap="sm">
      <Title order={4} size="h5">
        Action items for baseline {baselineId}
      </Title>
      {items.length === 0 ? <Text size="sm">No action items yet.</Text> : null}
      {items.map((item, i) => (
        <Paper key={item.id} withBorder p="sm" role="group" aria-label={`Action item ${i + 1} of baseline ${baselineId}`}>
          <Stack gap="xs">
            <Textarea label={`Action ${i + 1}`} autosize minRows={1} value={item.action} onChange={(e) => update(i, { action: e.currentTarget.value })} onBlur={onBlur} />
            <Group grow align="flex-start">
              <TextInput label="Action owner" value={item.owner} onChange={(e) => update(i, { owner: e.currentTarget.value })} onBlur={onBlur} />
              <DateField id={`baseline-${baselineId}-action-${item.id}-target-date`} label="Action target date" value={item.targetDate} onChange={(v) => update(i, { targetDate: v || null })} onBlur={onBlur} disabled={readOnly} />
              <NativeSelect label="Action status" data={statusOptions} value={item.status} onChange={(e) => update(i, { status: e.currentTarget.value as RrmpActionStatus })} onBlur={onBlur} />
            </Group>
            {item.progressUpdates.map((u, k) => (
              <Group key={k} align="flex-end" wrap="nowrap">
                <Text size="sm" w={100} style={{ flexShrink: 0 }}>
                  {formatDate(u.date)}
                </Text>
                <TextInput
                  style={{ flex: 1 }}
                  label={`Progress update ${k + 1} (${formatDate(u.date)})`}
                  value={u.note}
                  onChange={(e) => update(i, { progressUpdates: item.progressUpdates.map((x, m) => (m === k ? { ...x, note: e.currentTarget.value } : x)) })}
                  onBlur={onBlur}
                />
              </Group>
            ))}
            {readOnly ? null : (
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => update(i, { progressUpdates: [...item.progressUpdates, { date: today, note: '' }] })}>
                  Add a progress update to action {i + 1}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => onChange(items.filter((_, j) => j !== i))}>
                  Remove action {i + 1}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
      {readOnly ? null : (
        <Group>
          <Button size="xs" variant="default" onClick={() => onChange([...items, { id: newId(items), action: '', owner: '', targetDate: null, status: 'not_started', progressUpdates: [] }])}>
            Add an action item
          </Button>
        </Group>
      )}
    </Stack>
  )
}
