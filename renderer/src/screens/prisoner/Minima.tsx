import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { Minimum } from '../../../../shared/ipc/channels/caseload'
import { StatusBadge } from '../../app/StatusBadge'
import { achievedText } from '../../lib/achievedText'
import { formatDate } from '../../lib/format'
import { RULE_LABELS, RULE_SHORT } from '../../lib/labels'

function stillNeeded(m: Minimum): string {
  switch (m.status) {
    case 'met':
      return 'Nothing more is needed.'
    case 'not_applicable':
      return 'Does not apply to this case.'
    case 'due':
    case 'overdue': {
      const n = m.required - m.achieved
      const s = `${n} more in-person session${n === 1 ? '' : 's'}`
      return m.status === 'due' ? `${s} needed by ${formatDate(m.dueBy)}.` : `${s} should have been held by ${formatDate(m.dueBy)}: hold ${n === 1 ? 'it' : 'them'} now.`
    }
    case 'missed':
      // issue 16: past the due date by more than the overdue period: history, not work to do.
      return `Not met: ${m.achieved} of ${m.required} held by ${formatDate(m.dueBy)}. Kept as history; nothing can now be done to meet it.`
    default: {
      const never: never = m.status
      return String(never)
    }
  }
}

/** Each supervision minimum (National Standards 2021, Annex B) with its window and what is still needed. */
export function Minima({ minima }: { minima: Minimum[] }) {
  return (
    <section aria-labelledby="minima-title">
      <Title order={2} size="h4" id="minima-title" mb="xs">
        Supervision minima
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {minima.map((m) => (
          <Paper key={m.rule} withBorder p="sm" data-testid={`minimum-${m.rule}`}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={700}>{RULE_SHORT[m.rule]}</Text>
                <StatusBadge status={m.status} />
              </Group>
              <Text size="xs" c="dimmed">
                {RULE_LABELS[m.rule]}
              </Text>
              {m.status !== 'not_applicable' ? (
                <>
                  <Text size="sm">
                    Window: {formatDate(m.windowStart)} to {formatDate(m.dueBy)}
                  </Text>
                  {/* Issue 16: "2 sessions held (1 required): met", never "2 of 1". */}
                  <Text size="sm">{achievedText(m.achieved, m.required)}</Text>
                </>
              ) : null}
              <Text size="sm">{stillNeeded(m)}</Text>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  )
}
