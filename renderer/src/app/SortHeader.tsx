// A sortable column heading (issue 16, Allocation: "sortable"; issue 19, the Group view): the
// heading is a button, so a keyboard sorts it
// (Tab, then Enter or Space); aria-sort on the header cell says the order now, and the button's
// name says what a press does next. The arrows are decoration; the words carry the meaning.
import { Table, UnstyledButton } from '@mantine/core'

export type SortDirection = 'ascending' | 'descending'

export function SortHeader<C extends string>({ column, label, sort, onSort, minWidth }: {
  column: C
  label: string
  sort: { column: C; direction: SortDirection } | null
  onSort: (column: C) => void
  minWidth?: number
}) {
  const active = sort !== null && sort.column === column
  const next = active && sort.direction === 'ascending' ? 'descending' : 'ascending'
  return (
    <Table.Th scope="col" aria-sort={active ? sort.direction : 'none'} style={{ verticalAlign: 'bottom', minWidth }}>
      {/* data-print-keep: the heading's words still print (styles.css hides other buttons). */}
      <UnstyledButton onClick={() => onSort(column)} data-print-keep aria-label={`${label}: sort ${next}`} style={{ fontWeight: 700, fontSize: 'inherit', textAlign: 'left' }}>
        {label}
        <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </UnstyledButton>
    </Table.Th>
  )
}
