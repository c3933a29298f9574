// The Allocation screen's POM table (issue 16, Screens: "the POM table beside the waiting list ...
// showing each POM's cases, weighted load and capacity, tier mix as a compact bar, and
// sortable"). Capacity and availability are issue 17's ("POMs: availability";
// electron/services/resourcing/pomToday.ts); the weighted load and tier mix are worked out from
// the overview's cases by tier (shared/engine/resourcing/tierMix.ts, weights and why there).
import { Table, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import type { PomLoad } from '../../../../shared/ipc/channels/allocation'
import { TIER_LETTERS, TIER_WEIGHTS, tierMix, weightedLoad } from '../../../../shared/engine/resourcing/tierMix'
import { SortHeader } from '../../app/SortHeader'
import { ROLE_LABELS } from '../../lib/labels'
import { availabilityText } from '../prisoner/pomChoice'
import { TierMixBar } from './TierMixBar'
import classes from './AllocationScreen.module.css'
import { nextSort, sortPomLoads, type PomSort, type PomSortColumn } from './pomLoadSort'

const COLUMN_LABELS: Record<PomSortColumn, string> = { name: 'POM', cases: 'Cases', weighted: 'Weighted load', capacity: 'Capacity', availability: 'Availability', tierMix: 'Tier mix' }

const number = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 })

/** "Weighted load counts each case by its tier: A 1.5, B 1.25, C 1, D 0.75, no tier 1." */
const WEIGHTS_TEXT = `Weighted load counts each case by its tier: ${TIER_LETTERS.map((l) => `${l} ${TIER_WEIGHTS[l]}`).join(', ')}, no tier ${TIER_WEIGHTS.notSet}.`

export function PomLoadTable({ poms }: { poms: readonly PomLoad[] }) {
  const [sort, setSort] = useState<PomSort>(null)
  const rows = useMemo(() => sortPomLoads(poms, sort), [poms, sort])
  const onSort = (column: PomSortColumn) => setSort((s) => nextSort(s, column))
  const header = (column: PomSortColumn, minWidth?: number) => <SortHeader column={column} label={COLUMN_LABELS[column]} sort={sort} onSort={onSort} minWidth={minWidth} />
  return (
    <section aria-labelledby="load-title">
      <Title order={2} size="h3" id="load-title" mb="xs">
        POM caseloads
      </Title>
      <Text size="sm" mb="xs" aria-live="polite">
        {sort === null ? 'Lightest load per contracted hour first.' : `Sorted by ${COLUMN_LABELS[sort.column].toLowerCase()} (${sort.direction}).`} Choose a column heading to sort by it.
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">There are no active POMs. Add staff in Settings.</Text>
      ) : (
        <div className={classes.tableWrap}>
          <Table striped highlightOnHover withTableBorder captionSide="top" fz="sm" horizontalSpacing={6} verticalSpacing={6}>
            <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>Each active POM’s load and case mix</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {header('name')}
                {header('cases')}
                {header('weighted')}
                {header('capacity')}
                {header('availability')}
                {header('tierMix', 90)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const mix = tierMix(r.byTier)
                const over = r.caseCount - r.capacity
                return (
                  <Table.Tr key={r.staffId}>
                    <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                      {r.name}
                      <Text size="xs" fw={400}>
                        {ROLE_LABELS[r.role]} · {number(r.hoursPerWeek)} hours a week
                      </Text>
                    </Table.Th>
                    <Table.Td style={{ verticalAlign: 'top' }}>{r.caseCount}</Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>{number(weightedLoad(mix))}</Table.Td>
                    {/* Issue 17 ("POMs: availability"): capacity for the contracted hours; over it said in words. */}
                    <Table.Td style={{ verticalAlign: 'top' }}>{over > 0 ? `${r.capacity}, over by ${over}` : r.capacity}</Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>{availabilityText(r.availability)}</Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <TierMixBar mix={mix} />
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Text size="xs" mt="xs">
        {WEIGHTS_TEXT} Our assumption until the establishment’s workload weights are agreed; capacity is counted in tier C cases.
      </Text>
    </section>
  )
}
