// Hours needed against hours available per week, by POM type and for all work (issue 19, "The
// answer"), as Mantine bar charts. A week short of hours says "short" under its bar as well as
// showing it (status never by colour alone); the weeks table (WeeksTable) holds the same figures
// for screen readers and print.
import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { SimpleGrid, Table, Text } from '@mantine/core'
import type { ResourcingPlan } from '../../../../shared/ipc/channels/resourcing'
import { formatDate } from '../../lib/format'
import { hours, weekLabel, weekStatus, type Week } from './format'

type Series = { title: string; needed: (w: Week) => number; available: (w: Week) => number; short: (w: Week) => boolean }

const SERIES: Series[] = [
  { title: 'Prison POMs', needed: (w) => w.needed.prison.hours, available: (w) => w.available.prison, short: (w) => w.inShortfall.prison },
  { title: 'Probation POMs', needed: (w) => w.needed.probation.hours, available: (w) => w.available.probation, short: (w) => w.inShortfall.probation },
  { title: 'All work, shared work included', needed: (w) => w.needed.total, available: (w) => w.available.total, short: (w) => w.shortfall.total > 0 },
]

function Chart({ weeks, s }: { weeks: Week[]; s: Series }) {
  const data = weeks.map((w) => ({
    // dd/mm of the week's Monday, and the word "short" under a week in shortfall.
    week: `${formatDate(w.start).slice(0, 5)}${s.short(w) ? ' short' : ''}`,
    'Hours needed': Math.round(s.needed(w) * 10) / 10,
    'Hours available': Math.round(s.available(w) * 10) / 10,
  }))
  const shortWeeks = weeks.filter(s.short).length
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text size="sm" fw={600}>
          {s.title}: hours needed and available each week
        </Text>
        <Text size="xs">{shortWeeks === 0 ? 'No week short of hours.' : `${shortWeeks} of 12 weeks short of hours (marked “short”).`}</Text>
      </figcaption>
      <BarChart
        h={220}
        data={data}
        dataKey="week"
        series={[
          { name: 'Hours needed', color: 'orange.8' },
          { name: 'Hours available', color: 'blue.8' },
        ]}
        withLegend
        withTooltip={false}
        xAxisProps={{ tick: { fontSize: 10 }, interval: 0, angle: -45, textAnchor: 'end', height: 60 }}
        gridAxis="y"
      />
    </figure>
  )
}

export function ResourcingCharts({ plan }: { plan: ResourcingPlan }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
      {SERIES.map((s) => (
        <Chart key={s.title} weeks={plan.weeks} s={s} />
      ))}
    </SimpleGrid>
  )
}

/** The charts' figures as a table, each week's status in words. */
export function WeeksTable({ plan }: { plan: ResourcingPlan }) {
  return (
    // Issue 16: below 900 px the table scrolls sideways; its scroll box takes the keyboard focus (WCAG 2.1.1, axe scrollable-region-focusable).
    <Table.ScrollContainer minWidth={900} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'Hours each week: scroll sideways for more weeks' } }}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>Hours needed and available each week, by POM type (the charts’ figures)</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Week</Table.Th>
            <Table.Th scope="col">Prison POMs: needed</Table.Th>
            <Table.Th scope="col">Prison POMs: available</Table.Th>
            <Table.Th scope="col">Probation POMs: needed</Table.Th>
            <Table.Th scope="col">Probation POMs: available</Table.Th>
            <Table.Th scope="col">Shared work: needed</Table.Th>
            <Table.Th scope="col">All work: needed</Table.Th>
            <Table.Th scope="col">All POMs: available</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.weeks.map((w) => (
            <Table.Tr key={w.index} data-flagged={w.flagged ? 'true' : undefined}>
              <Table.Th scope="row">{weekLabel(w)}</Table.Th>
              <Table.Td>{hours(w.needed.prison.hours)}</Table.Td>
              <Table.Td>{hours(w.available.prison)}</Table.Td>
              <Table.Td>{hours(w.needed.probation.hours)}</Table.Td>
              <Table.Td>{hours(w.available.probation)}</Table.Td>
              <Table.Td>{hours(w.needed.shared.hours)}</Table.Td>
              <Table.Td>{hours(w.needed.total)}</Table.Td>
              <Table.Td>{hours(w.available.total)}</Table.Td>
              <Table.Td>{w.flagged ? <strong>{weekStatus(w)}</strong> : weekStatus(w)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
