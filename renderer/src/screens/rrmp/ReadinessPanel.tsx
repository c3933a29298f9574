// Live readiness from the OMU task engine (assessReadiness, sequencePlan: seed 002): overall state,
// weighted score, blockers (weighting 3 first), sequencing warnings, and readiness by area as a
// chart with the same figures in a table beside it.
import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Alert, Badge, Button, Grid, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { stageLabel } from '../../../../shared/export/labels'
import type { PlanView } from '../../../../shared/ipc/channels/rrmp'

const SHOWN = 5

export function OverallReadiness({ plan }: { plan: PlanView }) {
  const r = plan.readiness
  return (
    <Group gap="md" align="center">
      <Badge size="lg" color={r.overall === 'ready' ? 'teal' : 'orange'} variant="light" styles={{ label: { textTransform: 'none' } }}>
        {r.overall === 'ready' ? 'Overall: ready' : 'Overall: not ready'}
      </Badge>
      <Text>
        <strong>Weighted score:</strong> {r.score.achieved} of {r.score.possible} ({r.score.percent}%)
      </Text>
      <Text>
        <strong>Blockers:</strong> {r.blockers.length}
      </Text>
    </Group>
  )
}

export function AreaTable({ plan, caption }: { plan: PlanView; caption: string }) {
  return (
    <Table striped withTableBorder>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Area</Table.Th>
          <Table.Th scope="col">Ready</Table.Th>
          <Table.Th scope="col">Not ready</Table.Th>
          <Table.Th scope="col">Not applicable</Table.Th>
          <Table.Th scope="col">Weighted score</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {plan.areas.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Th scope="row">
              {a.id}. {a.title}
            </Table.Th>
            <Table.Td>{a.ready}</Table.Td>
            <Table.Td>{a.notReady}</Table.Td>
            <Table.Td>{a.notApplicable}</Table.Td>
            <Table.Td>
              {a.achieved} of {a.possible} ({a.percent}%)
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export function ReadinessPanel({ plan }: { plan: PlanView }) {
  const [all, setAll] = useState(false)
  const r = plan.readiness
  const blockers = all ? r.blockers : r.blockers.slice(0, SHOWN)
  const data = plan.areas.map((a) => ({ area: `${a.id}. ${a.title}`, 'Weighted score (%)': a.percent }))
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="readiness-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="readiness-title">
          Readiness for {stageLabel(plan.version.targetStage)}
        </Title>
        <OverallReadiness plan={plan} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="xs">
              <Title order={3} size="h5">
                Blockers, weighting 3 first
              </Title>
              {r.blockers.length === 0 ? (
                <Text size="sm">None: every applicable mandatory baseline is ready.</Text>
              ) : (
                <List size="sm" spacing={4}>
                  {blockers.map((b) => (
                    <List.Item key={b.baselineId}>
                      {/* Issue 16: by number and title, readable without the EDM to hand. */}
                      <strong>
                        {plan.baselineNames[b.baselineId] ?? `Baseline ${b.baselineId}`} (weighting {b.weighting ?? '–'}):
                      </strong>{' '}
                      {b.reasons[0] ?? 'Not ready.'}
                      {b.reasons.length > 1 ? ` (and ${b.reasons.length - 1} more)` : ''}
                    </List.Item>
                  ))}
                </List>
              )}
              {r.blockers.length > SHOWN ? (
                <Group>
                  <Button size="xs" variant="subtle" onClick={() => setAll(!all)}>
                    {all ? 'Show the first 5 blockers' : `Show all ${r.blockers.length} blockers`}
                  </Button>
                </Group>
              ) : null}
              {plan.sequence.warnings.length > 0 ? (
                <Alert color="yellow" title="Sequencing warnings">
                  <List size="sm" spacing={4}>
                    {plan.sequence.warnings.map((w) => (
                      <List.Item key={w.baselineId}>{w.message}</List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <figure style={{ margin: 0 }}>
              <figcaption>
                <Text size="sm" fw={600}>
                  Weighted readiness by area (%)
                </Text>
              </figcaption>
              <BarChart
                h={200}
                data={data}
                dataKey="area"
                orientation="vertical"
                series={[{ name: 'Weighted score (%)', color: 'blue.8' }]}
                yAxisProps={{ width: 190, tick: { fontSize: 11 } }}
                xAxisProps={{ domain: [0, 100] }}
                withTooltip={false}
                withBarValueLabel
                valueFormatter={(v) => `${v}%`}
                gridAxis="x"
              />
            </figure>
          </Grid.Col>
        </Grid>
        <AreaTable plan={plan} caption="Readiness by area: baselines ready, not ready and not applicable, and the weighted score." />
      </Stack>
    </Paper>
  )
}
