import { UnstyledButton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useRef } from 'react'
import type { CaseRow } from '../../../../shared/ipc/channels/caseload'
import type { CaseloadView } from '../../../../shared/ipc/channels/prefs'
import { prisonerHref } from '../../app/routes'
import { formatDate } from '../../lib/format'
import { noHandoverDatesText } from '../../lib/handoverText'
import { howSoon } from '../../lib/howSoon'
import { COHORT_LABELS, RESPONSIBILITY_LABELS, RULE_SHORT, STATUS_LABELS } from '../../lib/labels'
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

/**
 * The rows' box as CaseTable.module.css sizes it (.body: 100vh less 380 px, at least 320 px), so the
 * first render already holds the rows in view instead of waiting for a measurement and a second
 * render (issue 8: the first row within a second). The virtualizer measures the box as it mounts
 * and follows any difference.
 */
const expectedBodyRect = () => ({ width: 0, height: Math.max(320, window.innerHeight - 380) })

const STATUS_CLASS = { overdue: classes.overdue, due: classes.due, met: classes.met, missed: classes.na, not_applicable: classes.na } as const

/**
 * One case row, memoised and built from plain elements: scrolling mounts only the rows coming into
 * view, and each costs a few DOM nodes rather than a tree of themed components (issue 8: no scroll
 * frame over 50 ms with 2,000 cases).
 */
const CaseRowView = memo(function CaseRowView({ r, index, top, today }: { r: CaseRow; index: number; top: number; today: string }) {
  return (
    <div role="row" aria-rowindex={index + 2} className={classes.row} data-testid="case-row" style={{ transform: `translateY(${top}px)` }}>
      <div role="cell" className={classes.cell}>
        <a href={prisonerHref(r.prisonerId)} className={classes.name}>
          {r.name}
        </a>
        <div className={classes.sub}>
          {r.prisonNumber}
          {r.tier ? ` · Tier ${r.tier}` : ''}
        </div>
      </div>
      <div role="cell" className={classes.cell}>
        {r.pomName ?? 'Unallocated'}
      </div>
      <div role="cell" className={classes.cell}>
        {RESPONSIBILITY_LABELS[r.responsibility]}
      </div>
      <div role="cell" className={classes.cell}>
        <span className={`${classes.status} ${STATUS_CLASS[r.status]}`}>{STATUS_LABELS[r.status]}</span>
      </div>
      <div role="cell" className={classes.cell}>
        {r.next ? (
          <>
            <div>{RULE_SHORT[r.next.rule]}</div>
            <div className={classes.sub}>
              {r.next.achieved} of {r.next.required} by {formatDate(r.next.dueBy)}
              {/* issue 16: how soon, in words ("in 3 days", "4 days late"), not only a date */}
              {r.next.dueBy ? <strong className={classes.soon}>, {howSoon(r.next.dueBy, today).text}</strong> : null}
            </div>
          </>
        ) : (
          'None open'
        )}
      </div>
      <div role="cell" className={`${classes.cell} ${classes.small}`}>
        {r.handover.comAllocatedDate === null && r.handover.comResponsibleDate === null ? (
          // issue 20: a result with no dates says why, in plain words, instead of two empty dates.
          <div>{noHandoverDatesText(r.responsibility, r.handover.reason)}</div>
        ) : (
          <>
            <div>COM allocated {formatDate(r.handover.comAllocatedDate)}</div>
            <div>COM responsible {formatDate(r.handover.comResponsibleDate)}</div>
          </>
        )}
      </div>
      <div role="cell" className={classes.cell}>
        {r.cohorts.map((c) => (
          <span key={c} className={classes.cohort} title={COHORT_LABELS[c] ?? c}>
            {COHORT_LABELS[c] ?? c}
          </span>
        ))}
      </div>
    </div>
  )
})

/** A virtualised table: only the rows in view are in the DOM, so 2,000 cases scroll smoothly. */
export function CaseTable({ rows, sort, onSort, policyName, today }: { rows: CaseRow[]; sort: CaseloadView['sort']; onSort: (s: CaseloadView['sort']) => void; policyName: string; today: string }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed to be used this way.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8, initialRect: expectedBodyRect() })
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
            return <CaseRowView key={r.prisonerId} r={r} index={v.index} top={v.start} today={today} />
          })}
        </div>
      </div>
    </div>
  )
}
