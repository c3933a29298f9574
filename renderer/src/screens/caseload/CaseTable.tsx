import { UnstyledButton } from '@mantine/core'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { CaseRow } from '../../../../shared/ipc/channels/caseload'
import type { CaseloadView } from '../../../../shared/ipc/channels/prefs'
import { prisonerHref } from '../../app/routes'
import { formatDate } from '../../lib/format'
import { noHandoverDatesText } from '../../lib/handoverText'
import { howSoon } from '../../lib/howSoon'
import { COHORT_LABELS, headlineLabel, RESPONSIBILITY_LABELS, RULE_SHORT } from '../../lib/labels'
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

/** A row's least height; a row whose cohort badges wrap is taller, measured as it is drawn (issue 16: badges never cut off). */
const ROW_HEIGHT = 76

/**
 * The window as the virtualizer's first measurement, so the first render already holds the rows in
 * view instead of waiting for a measurement and a second render (issue 8: the first row within a
 * second).
 */
const windowRect = () => ({ width: window.innerWidth, height: window.innerHeight })

/** The body's distance from the top of the page: where the virtualizer's rows start. */
function pageTop(el: HTMLElement | null): number {
  return el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : 0
}

/** True while the page is being printed: every row is drawn, in order, for the paper (issue 16). */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false)
  useEffect(() => {
    // flushSync: the browser lays the page out for print straight after `beforeprint`.
    const before = () => flushSync(() => setPrinting(true))
    const after = () => setPrinting(false)
    window.addEventListener('beforeprint', before)
    window.addEventListener('afterprint', after)
    return () => {
      window.removeEventListener('beforeprint', before)
      window.removeEventListener('afterprint', after)
    }
  }, [])
  return printing
}

const STATUS_CLASS = { overdue: classes.overdue, due: classes.due, met: classes.met, missed: classes.na, not_applicable: classes.na } as const

/**
 * One case row, memoised and built from plain elements: scrolling mounts only the rows coming into
 * view, and each costs a few DOM nodes rather than a tree of themed components (issue 8: no scroll
 * frame over 50 ms with 2,000 cases).
 */
const CaseRowView = memo(function CaseRowView({ r, index, top, today, measure }: { r: CaseRow; index: number; top: number; today: string; measure?: (el: HTMLDivElement | null) => void }) {
  return (
    <div ref={measure} data-index={index} role="row" aria-rowindex={index + 2} className={classes.row} data-testid="case-row" style={{ transform: `translateY(${top}px)` }}>
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
        {/* Issue 17: a co-working second POM, in words; the case shows in their caseload too. */}
        {r.coWorker ? <div className={classes.sub}>Co-working: {r.coWorker.name}</div> : null}
      </div>
      <div role="cell" className={classes.cell}>
        {r.override ? (
          // Issue 17: a HOMD's override, with the engine's own answer beside it (in words, not colour).
          <>
            <div>{RESPONSIBILITY_LABELS[r.override.responsibility]} (override)</div>
            <div className={classes.sub} title={r.override.reason}>
              Rules say {RESPONSIBILITY_LABELS[r.responsibility]}
            </div>
          </>
        ) : (
          RESPONSIBILITY_LABELS[r.responsibility]
        )}
      </div>
      <div role="cell" className={classes.cell}>
        <span className={`${classes.status} ${STATUS_CLASS[r.status]}`}>{headlineLabel(r.status)}</span>
      </div>
      <div role="cell" className={classes.cell}>
        {r.next ? (
          <>
            <div>{RULE_SHORT[r.next.rule]}</div>
            <div className={classes.sub}>
              {r.next.achieved} of {r.next.required} by {formatDate(r.next.dueBy)}
              {/* issue 16: how soon, in words ("in 3 days", "4 days late"), not only a date */}
              {r.next.dueBy ? (
                <>
                  , <strong className={classes.soon}>{howSoon(r.next.dueBy, today).text}</strong>
                </>
              ) : null}
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

/**
 * A virtualised table: only the rows in view are in the DOM, so 2,000 cases scroll smoothly.
 *
 * Issue 16, "Screens": the page is the screen's one scroll area (no box scrolling inside a
 * scrolling page), so the rows follow the window's scroll. When the columns are wider than the
 * screen (1024 px), the table scrolls sideways: the header row (kept under the app's header as the
 * page scrolls) carries the sideways scroll bar and the rows follow it, and the name column stays
 * in view (CaseTable.module.css).
 */
export function CaseTable({ rows, sort, onSort, policyName, today }: { rows: CaseRow[]; sort: CaseloadView['sort']; onSort: (s: CaseloadView['sort']) => void; policyName: string; today: string }) {
  const headRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const [top, setTop] = useState(0)
  const printing = usePrinting()
  // The filters above the table change height as they wrap: follow where the rows start.
  useLayoutEffect(() => {
    const measure = () => setTop(pageTop(bodyRef.current))
    measure()
    const observer = new ResizeObserver(measure)
    if (bodyRef.current?.parentElement?.parentElement) observer.observe(bodyRef.current.parentElement.parentElement)
    return () => observer.disconnect()
  }, [])
  // Rows are measured as drawn (a wrapped cohort makes one taller), keyed by case so a sort or filter keeps each row's height.
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize: () => ROW_HEIGHT, getItemKey: (i) => rows[i]?.prisonerId ?? i, overscan: 8, scrollMargin: top, initialRect: windowRect() })
  // The header and the rows scroll sideways together, whichever the user moves.
  const follow = (from: HTMLDivElement | null, to: HTMLDivElement | null) => {
    if (from && to && to.scrollLeft !== from.scrollLeft) to.scrollLeft = from.scrollLeft
  }
  const header = (c: (typeof COLUMNS)[number]) => {
    if (!c.sort) return c.label
    const active = sort.column === c.sort
    const next = active && sort.direction === 'asc' ? 'desc' : 'asc'
    return (
      <UnstyledButton className={classes.sortButton} onClick={() => onSort({ column: c.sort as SortColumn, direction: next })} data-print-keep>
        {c.label}
        {c.key === 'handover' ? ` (${policyName})` : ''}
        <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </UnstyledButton>
    )
  }
  const drawn = printing ? rows.map((r, index) => ({ r, index, top: index * ROW_HEIGHT })) : virtualizer.getVirtualItems().map((v) => ({ r: rows[v.index] as CaseRow, index: v.index, top: v.start - top }))
  return (
    <div role="table" aria-label="Caseload" aria-rowcount={rows.length + 1} className={classes.table}>
      <div ref={headRef} role="rowgroup" className={classes.head} onScroll={() => follow(headRef.current, bodyRef.current)}>
        <div role="row" aria-rowindex={1} className={`${classes.row} ${classes.header}`}>
          {COLUMNS.map((c) => (
            <div key={c.key} role="columnheader" aria-sort={c.sort && sort.column === c.sort ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined} className={classes.cell}>
              {header(c)}
            </div>
          ))}
        </div>
      </div>
      <div ref={bodyRef} className={classes.body} role="rowgroup" aria-label="Cases" onScroll={() => follow(bodyRef.current, headRef.current)}>
        <div className={classes.sizer} style={printing ? undefined : { height: virtualizer.getTotalSize() }} data-printing={printing || undefined}>
          {drawn.map((d) => (
            <CaseRowView key={d.r.prisonerId} r={d.r} index={d.index} top={d.top} today={today} measure={printing ? undefined : virtualizer.measureElement} />
          ))}
        </div>
      </div>
    </div>
  )
}
