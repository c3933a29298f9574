import { Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** A plain accessible table with a caption; an empty list says so in words. */
export function DataTable<T>({ caption, columns, rows, rowKey, empty }: {
  caption: string
  columns: { header: string; cell: (row: T) => ReactNode }[]
  rows: T[]
  rowKey: (row: T) => string | number
  empty: string
}) {
  if (rows.length === 0) return <Text size="sm">{empty}</Text>
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped highlightOnHover withTableBorder captionSide="top">
        <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} scope="col">
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={rowKey(r)}>
              {columns.map((c) => (
                <Table.Td key={c.header}>{c.cell(r)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
