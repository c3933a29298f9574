// The Group view (issue 19, "Group view (Prison Group Director and reviewers)"): establishments
// side by side — stage now and target, readiness score and blockers, compliance with each minimum
// (met, overdue, missed), handovers due, resourcing shortfall, and the date each figure is as of.
// Rows are this establishment's live figures and other establishments' readiness exports imported
// read-only (Readiness and export › Compare), each labelled with its source. Sortable by keyboard
// (each column heading is a button; aria-sort says the order), printable (styles.css @media
// print) and exportable as XLSX. Nothing on this screen changes any establishment's data.
import { Anchor, Button, Center, Group, Loader, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { useMemo, useState, type ReactNode } from 'react'
import type { GroupRow } from '../../../../shared/export/groupView'
// The table's order and words without zod or the engine (issue 19 benchmark: first paint < 1 s).
import { complianceText, sortGroupRows, sourceText, type GroupSortColumn, type SortDirection } from '../../../../shared/export/groupViewTable'
import { stageLabel } from '../../../../shared/export/labels'
import type { ExportResult } from '../../../../shared/ipc/channels/readiness'
import { channelTag, useCan, useRole, whoCan } from '../../app/can'
import { EmptyState } from '../../app/EmptyState'
import { SortHeader } from '../../app/SortHeader'
import { ErrorText } from '../../app/ErrorText'
import { PageHeading } from '../../app/PageHeading'
import { hrefFor } from '../../app/routes'
import { useGroupExport, useGroupView } from '../../data/groupHooks'
import { formatDate } from '../../lib/format'

interface Column {
  key: GroupSortColumn
  label: string
  cell: (r: GroupRow) => ReactNode
}

/** A row's React key: one per source (this establishment, each of the shared database's, each imported file). */
function rowKey(s: GroupRow['source']): string {
  switch (s.kind) {
    case 'live':
      return 'live'
    case 'shared':
      return `shared-${s.establishmentId}`
    case 'imported':
      return `imported-${s.id}`
    default: {
      const never: never = s
      return String(never)
    }
  }
}

function readinessCell(r: GroupRow) {
  if (!r.readiness) return 'No RRMP yet'
  return `${r.readiness.overall === 'ready' ? 'Ready' : 'Not ready'}: ${r.readiness.percent}% (${r.readiness.achieved} of ${r.readiness.possible})`
}

/** How many weighting 3 blockers the Blockers cell names by number and title; the further ones by number. */
const NAMED_BLOCKERS = 3

function blockersCell(r: GroupRow) {
  if (!r.readiness) return '—'
  const b = r.readiness.blockers
  if (b.length === 0) return 'None'
  // The count, with the weighting 3 baselines (the ones a PGD asks about first, seed 002's
  // weighting): the first few by number and title, the further ones by number only; the rest
  // counted, so a row stays a few lines tall however many are not ready (issue 16). Every blocker
  // is named in the readiness screen and the XLSX export.
  const heavy = b.filter((x) => x.weighting === 3)
  const named = heavy.slice(0, NAMED_BLOCKERS)
  const numbered = heavy.slice(NAMED_BLOCKERS)
  const others = b.length - heavy.length
  const rest = others > 0 ? `${others} other${others === 1 ? '' : 's'}` : ''
  return (
    <Stack gap={2}>
      <span>{b.length} not ready</span>
      {named.length > 0 ? <span>Weighting 3:</span> : null}
      {named.map((x) => (
        <span key={x.baselineId}>{x.name}</span>
      ))}
      {numbered.length > 0 ? <span>{`and ${numbered.length} more at weighting 3 (baselines ${numbered.map((x) => x.baselineId).join(', ')})`}</span> : null}
      {rest ? <span>{heavy.length > 0 ? `and ${rest}` : rest}</span> : null}
    </Stack>
  )
}

function handoversCell(r: GroupRow) {
  if (!r.handoversDue) return 'Not in this file (a version 1 export)'
  return `${r.handoversDue.cases} in the next ${r.handoversDue.days / 7} weeks`
}

function resourcingCell(r: GroupRow) {
  const x = r.resourcing
  if (!x) return r.source.kind === 'imported' && r.source.schemaVersion === 1 ? 'Not in this file (a version 1 export)' : 'No resourcing plan recorded'
  const weeks = x.shortfallWeeks === 0 ? `No week short of POM hours (of ${x.weeks})` : `Short in ${x.shortfallWeeks} of ${x.weeks} weeks, from ${formatDate(x.firstShortfallWeek)} (${x.shortfallHours} hours)`
  return `${weeks}; ${x.casesAtRisk} case${x.casesAtRisk === 1 ? '' : 's'} at risk`
}

function asOfCell(r: GroupRow) {
  return (
    <Stack gap={0}>
      <span>Readiness: {r.plan ? formatDate(r.plan.asOf) : 'no plan'}</span>
      <span>Caseload: {formatDate(r.compliance.asOf)}</span>
      <span>Resourcing: {r.resourcing ? formatDate(r.resourcing.asOf) : 'none'}</span>
    </Stack>
  )
}

const COLUMNS: readonly Column[] = [
  { key: 'stage', label: 'Stage now and target', cell: (r) => `${stageLabel(r.stages.current)} to ${r.stages.target === null ? 'no target set' : stageLabel(r.stages.target)}` },
  { key: 'readiness', label: 'Readiness score', cell: readinessCell },
  { key: 'blockers', label: 'Blockers', cell: blockersCell },
  { key: 'startOfCustody', label: 'Start of custody minimum', cell: (r) => complianceText(r.compliance.startOfCustody) },
  { key: 'preHandover', label: 'Pre-handover minimum', cell: (r) => complianceText(r.compliance.preHandover) },
  { key: 'transferArrival', label: 'Transfer arrival minimum', cell: (r) => complianceText(r.compliance.transferArrival) },
  { key: 'handoversDue', label: 'Handovers due', cell: handoversCell },
  { key: 'resourcing', label: 'Resourcing shortfall', cell: resourcingCell },
  { key: 'asOf', label: 'Figures as of', cell: asOfCell },
]

function exportText(r: ExportResult): string {
  return r.saved ? `Saved the Group view to ${r.path}.` : 'The export was cancelled: nothing was saved.'
}

export function GroupScreen() {
  // Issue 16, "Only what you may do": the role is checked first against the one rules table
  // (shared/permissions/rules.ts, 'group.view'); a role that may not see the Group view (a POM, a
  // HOMD) opening it by its address is told who can, and nothing is asked of the main process.
  const role = useRole()
  const canView = useCan('group.view')
  const view = useGroupView(canView)
  const exporter = useGroupExport()
  const canImport = useCan('readiness.importComparison')
  const canExport = useCan('group.export')
  const [sort, setSort] = useState<{ column: GroupSortColumn; direction: SortDirection }>({ column: 'establishment', direction: 'ascending' })
  const [saved, setSaved] = useState<ExportResult | null>(null)
  const rows = useMemo(() => sortGroupRows(view.data?.rows ?? [], sort.column, sort.direction), [view.data, sort])
  const onSort = (column: GroupSortColumn) => setSort((s) => ({ column, direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending' }))
  const sortedBy = [{ key: 'establishment', label: 'Establishment' }, ...COLUMNS].find((c) => c.key === sort.column)?.label ?? ''
  if (!canView) {
    return (
      <>
        <PageHeading title="Group view" lead="Establishments side by side, read-only." />
        {role === null ? (
          <Center>
            <Loader aria-label="Loading the Group view" />
          </Center>
        ) : (
          <Text size="sm">{whoCan('group.view')} Your own screens are in the menu.</Text>
        )}
      </>
    )
  }
  return (
    <>
      <PageHeading
        title="Group view"
        lead="Establishments side by side: this establishment’s figures worked out now, and the readiness exports imported from other establishments. Read-only: nothing on this screen changes any establishment’s data."
      />
      <Stack gap="md">
        <Text size="sm">
          {canImport ? (
            <>
              To add an establishment, import its JSON readiness export on the <Anchor href={hrefFor('readiness')}>Readiness and export</Anchor> screen.
            </>
          ) : (
            'A Governor or the HOMS adds establishments by importing their JSON readiness exports.'
          )}{' '}
          On a shared database, a group reader named by IT also sees the other establishments of their group held there, worked out now.{' '}
          Figures from a version 1 export that the file does not hold (missed minima, transfer arrivals, handovers, resourcing) are shown as not known, never as zero.
        </Text>
        <ErrorText error={view.error} title="The Group view could not be loaded" />
        {view.data?.liveProblem ? <Text size="sm">{view.data.liveProblem}</Text> : null}
        {view.isPending ? (
          <Center>
            <Loader aria-label="Loading the Group view" />
          </Center>
        ) : rows.length === 0 ? (
          <EmptyState title="No establishment to show">This establishment is not set up and no readiness export has been imported.</EmptyState>
        ) : (
          <Paper withBorder p="md" component="section" aria-labelledby="group-table-title">
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end" data-no-print>
                <Text id="group-table-title" fw={700}>
                  {rows.length} establishment{rows.length === 1 ? '' : 's'}, sorted by {sortedBy.toLowerCase()} ({sort.direction})
                </Text>
                {canExport ? (
                  <Button
                    variant="default"
                    onClick={() => exporter.mutate({ column: sort.column, direction: sort.direction }, { onSuccess: setSaved })}
                    loading={exporter.isPending}
                    {...channelTag('group.export')}
                  >
                    Export as a spreadsheet (XLSX)
                  </Button>
                ) : null}
              </Group>
              <div aria-live="polite">{saved ? <Text size="sm">{exportText(saved)}</Text> : null}</div>
              <ErrorText error={exporter.error} title="Not exported" />
              <ScrollArea type="auto" className="group-scroll">
                <Table withTableBorder withColumnBorders striped fz="xs" horizontalSpacing={6} className="group-table" aria-label="Establishments side by side (imported rows are read-only)">
                  <Table.Thead>
                    <Table.Tr>
                      {/* Issue 16, "Screens": no fixed column widths; the words wrap, so at 1280 px the
                          table fits the screen without scrolling sideways. */}
                      <SortHeader column="establishment" label="Establishment" sort={sort} onSort={onSort} minWidth={130} />
                      {COLUMNS.map((c) => (
                        <SortHeader key={c.key} column={c.key} label={c.label} sort={sort} onSort={onSort} />
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={rowKey(r.source)}>
                        <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                          <Stack gap={2}>
                            <span>
                              {r.establishment.name} ({r.establishment.code})
                            </span>
                            <Text size="xs" fw={400}>
                              {sourceText(r.source, formatDate)}
                            </Text>
                            {r.plan ? (
                              <Text size="xs" fw={400}>
                                RRMP version {r.plan.version}: {r.plan.statusText}
                              </Text>
                            ) : null}
                          </Stack>
                        </Table.Th>
                        {COLUMNS.map((c) => (
                          <Table.Td key={c.key} style={{ verticalAlign: 'top' }}>
                            {c.cell(r)}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  )
}
