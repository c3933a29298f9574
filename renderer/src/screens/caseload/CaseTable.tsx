import { Anchor, Badge, Group, Text, UnstyledButton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { CaseRow } from '../../../../shared/ipc/channels/caseload'
import type { CaseloadView } from '../../../../shared/ipc/channels/prefs'
import { prisonerHref } from '../../app/routes'
import { StatusBadge } from '../../app/StatusBadge'
import { formatDate } from '../../lib/format'
import { COHORT_LABELS, RESPONSIBILITY_LABELS, RULE_SHORT } from '../../lib/labels'
import classes from './CaseTable.module.css'

type SortColumn = CaseloadView['sort']['column']

const COLUMNS: { key: string; label: string; sort: SortColumn | null }[] = [
  { key: 'name', label: 'Name and number', sort: 'name' },
  { key: 'pom', label: 'POM', sort: null },
  { key: 'resp', label: 'Responsible', sort: 'responsibility' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'next', label: 'Next minimum due', sort: 'dueBy' },
  { key: 'handover', label: 'Handover', sort: 'handover' },
  { key: 'cohorts', label: 'Priority cohorts', sort: null },
]

const ROW_HEIGHT = 76

/** A virtualised table: only the rows in view are in the DOM, so 2,000 cases scroll smoothly. */
export function CaseTable({ rows, sort, onSort, policyName }: { rows: CaseRow[]; sort: CaseloadView['sort']; onSort: (s: CaseloadView['sort']) => void; policyName: string }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed to be used this way.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 })
  const header = (c: (typeof COLUMNS)[number]) => {
    if (!c.sort) return c.label
    const active = sort.column === c.sort
    const next = active && sort.direction === 'asc' ? 'desc' : 'asc'
    return (
      <UnstyledButton className={classes.sortButton} onClick={() => onSort({ column: c.sort as SortColumn, direction: next })}>
        {c.label}
        {c.key === 'handover' ? ` (${policyName})` : ''}
        <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </UnstyledButton>
    )
  }
  return (
    <div role="table" aria-label="Caseload" aria-rowcount={rows.length + 1} className={classes.table}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${classes.row} ${classes.header}`}>
          {COLUMNS.map((c) => (
            <div key={c.key} role="columnheader" aria-sort={c.sort && sort.column === c.sort ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined} className={classes.cell}>
              {header(c)}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className={classes.body} tabIndex={0} role="rowgroup" aria-label="Cases: scroll to see more">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = rows[v.index] as CaseRow
            return (
              <div key={r.prisonerId} role="row" aria-rowindex={v.index + 2} className={classes.row} data-testid="case-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}>
                <div role="cell" className={classes.cell}>
                  <Anchor href={prisonerHref(r.prisonerId)} fw={600}>
                    {r.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {r.prisonNumber}
                    {r.tier ? ` · Tier ${r.tier}` : ''}
                  </Text>
                </div>
                <div role="cell" className={classes.cell}>
                  <Text size="sm">{r.pomName ?? 'Unallocated'}</Text>
                </div>
                <div role="cell" className={classes.cell}>
                  <Text size="sm">{RESPONSIBILITY_LABELS[r.responsibility]}</Text>
                </div>
                <div role="cell" className={classes.cell}>
                  <StatusBadge status={r.status} />
                </div>
                <div role="cell" className={classes.cell}>
                  {r.next ? (
                    <>
                      <Text size="sm">{RULE_SHORT[r.next.rule]}</Text>
                      <Text size="xs" c="dimmed">
                        {r.next.achieved} of {r.next.required} by {formatDate(r.next.dueBy)}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm">None open</Text>
                  )}
                </div>
                <div role="cell" className={classes.cell}>
                  <Text size="xs">COM allocated {formatDate(r.handover.comAllocatedDate)}</Text>
                  <Text size="xs">
                    COM responsible {formatDate(r.handover.comResponsibleDate)}
                  </Text>
                </div>
                <div role="cell" className={classes.cell}>
                  <Group gap={4}>
                    {r.cohorts.map((c) => (
                      <Badge key={c} size="xs" variant="outline" color="grape" title={COHORT_LABELS[c] ?? c}>
                        {COHORT_LABELS[c] ?? c}
                      </Badge>
                    ))}
                  </Group>
                </div>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
