// What changed since the submitted version this one was started from (diffPlans, issue 4).
import { List, Paper, Stack, Text, Title } from '@mantine/core'
import type { PlanView } from '../../../../shared/ipc/channels/rrmp'

export function ChangesPanel({ changes }: { changes: NonNullable<PlanView['changes']> }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="changes-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="changes-title">
          Changes since submitted version {changes.basedOnVersion}
        </Title>
        {changes.diffs.length === 0 ? (
          <Text size="sm">No changes yet: this version is the same as version {changes.basedOnVersion}.</Text>
        ) : (
          <List size="sm" spacing={4}>
            {changes.diffs.flatMap((d) => d.summary.map((s) => <List.Item key={`${d.baselineId}:${s}`}>{s}</List.Item>))}
          </List>
        )}
      </Stack>
    </Paper>
  )
}
