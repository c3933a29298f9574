// Other establishments' JSON readiness exports, imported read-only and shown side by side with this
// establishment's current plan (a PGD comparing several establishments). Nothing here can edit them.
import { Anchor, Button, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { useRef, useState, type ChangeEvent } from 'react'
import { baselineName, readinessLabel, stageLabel } from '../../../../shared/export/labels'
import type { ReadinessDocument } from '../../../../shared/export/readinessExport'
import { complianceText } from '../../../../shared/export/groupView'
import { ErrorText } from '../../app/ErrorText'
import { hrefFor } from '../../app/routes'
import { useComparisons, useImportComparison, useRemoveComparison } from '../../data/rrmpHooks'
import { formatDate } from '../../lib/format'
import { channelTag, useCan, whoCan } from '../../app/can'

function Row({ label, docs, cell }: { label: string; docs: ReadinessDocument[]; cell: (d: ReadinessDocument) => string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      {docs.map((d, i) => (
        <Table.Td key={i}>{cell(d)}</Table.Td>
      ))}
    </Table.Tr>
  )
}

function areaCell(d: ReadinessDocument, area: string): string {
  const x = d.readiness.areas.find((y) => `${y.id}. ${y.title}` === area)
  return x ? `${x.percent}% (${x.ready} ready)` : '—'
}

function baselineCell(d: ReadinessDocument, id: string): string {
  const b = d.baselines.find((x) => x.id === id)
  return b ? readinessLabel(b.readiness) : '—'
}

export function ComparisonPanel({ own }: { own: ReadinessDocument | undefined }) {
  const list = useComparisons()
  const importer = useImportComparison()
  const remove = useRemoveComparison()
  const [message, setMessage] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  // Issue 16: from the rules table the main process enforces (shared/permissions/rules.ts).
  const canImport = useCan('readiness.importComparison')
  const canRemove = useCan('readiness.removeComparison')
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0]
    setMessage(null)
    if (!file) return
    const text = await file.text()
    importer.mutate({ fileName: file.name, text }, { onSuccess: (c) => setMessage(`Imported ${c.document.establishment.name} (${c.document.establishment.code}), version ${c.document.plan.version}, read-only.`) })
    if (input.current) input.current.value = ''
  }
  const imports = list.data ?? []
  const docs = [...(own ? [own] : []), ...imports.map((c) => c.document)]
  const baselineIds = [...new Set(docs.flatMap((d) => d.baselines.map((b) => b.id)))]
  const areaIds = [...new Set(docs.flatMap((d) => d.readiness.areas.map((a) => `${a.id}. ${a.title}`)))]
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="compare-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="compare-title">
          Compare with other establishments
        </Title>
        <Text size="sm">
          Import the JSON readiness export of another establishment (schema version 1 or 2). It is shown beside yours, read-only: nothing in it can be changed here. The{' '}
          <Anchor href={hrefFor('group')}>Group view</Anchor> puts every imported establishment in one sortable table.
        </Text>
        {canImport ? (
          <div>
            <label htmlFor="comparison-file" style={{ display: 'block', fontWeight: 600, fontSize: 14, marginBottom: 4 }}>
              JSON readiness export to import
            </label>
            <input id="comparison-file" {...channelTag('readiness.importComparison')} ref={input} type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} disabled={importer.isPending} />
          </div>
        ) : (
          <Text size="sm">{whoCan('readiness.importComparison')}</Text>
        )}
        <div aria-live="polite">{message ? <Text size="sm">{message}</Text> : null}</div>
        <ErrorText error={importer.error} title="Not imported" />
        {imports.length === 0 ? (
          <Text size="sm">No other establishment imported yet.</Text>
        ) : (
          <ScrollArea type="auto">
            <Table withTableBorder withColumnBorders striped aria-label="Readiness side by side (imported exports are read-only)">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Measure</Table.Th>
                  {own ? <Table.Th scope="col">{own.establishment.name} (this establishment)</Table.Th> : null}
                  {imports.map((c) => (
                    <Table.Th scope="col" key={c.id}>
                      <Stack gap={4} align="flex-start">
                        <span>
                          {c.document.establishment.name} ({c.document.establishment.code}), imported read-only
                        </span>
                        {canRemove ? (
                          <Button size="compact-xs" variant="subtle" color="red" {...channelTag('readiness.removeComparison')} onClick={() => remove.mutate(c.id)} aria-label={`Remove the imported export of ${c.document.establishment.name} from this comparison`}>
                            Remove
                          </Button>
                        ) : null}
                      </Stack>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Row label="Assessment date" docs={docs} cell={(d) => formatDate(d.asOf)} />
                <Row label="Plan version and status" docs={docs} cell={(d) => `Version ${d.plan.version}: ${d.plan.statusText}`} />
                <Row label="Stages" docs={docs} cell={(d) => `${stageLabel(d.plan.currentStage)} to ${stageLabel(d.plan.targetStage)}`} />
                <Row label="Overall readiness" docs={docs} cell={(d) => (d.readiness.overall === 'ready' ? 'Ready' : 'Not ready')} />
                <Row label="Weighted score" docs={docs} cell={(d) => `${d.readiness.achieved} of ${d.readiness.possible} (${d.readiness.percent}%)`} />
                <Row label="Blockers" docs={docs} cell={(d) => String(d.readiness.blockers.length)} />
                {areaIds.map((a) => (
                  <Row key={a} label={`Area ${a}`} docs={docs} cell={(d) => areaCell(d, a)} />
                ))}
                <Row label="Cases: POM-responsible meeting the start-of-custody minimum" docs={docs} cell={(d) => (d.caseload.startOfCustody.percentMeeting === null ? '—' : `${d.caseload.startOfCustody.percentMeeting}%`)} />
                <Row label="Cases: POM-responsible meeting the pre-handover minimum" docs={docs} cell={(d) => (d.caseload.preHandover.percentMeeting === null ? '—' : `${d.caseload.preHandover.percentMeeting}%`)} />
                {/* Issue 19: met, overdue and missed, as the Group view words them; unknown in a version 1 export, never 0. */}
                <Row label="Start of custody minimum in detail" docs={docs} cell={(d) => complianceText(d.caseload.startOfCustody)} />
                <Row label="Pre-handover minimum in detail" docs={docs} cell={(d) => complianceText(d.caseload.preHandover)} />
                {baselineIds.map((id) => (
                  <Row key={id} label={baselineName(id, docs.flatMap((d) => d.baselines).find((x) => x.id === id)?.text)} docs={docs} cell={(d) => baselineCell(d, id)} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
        <ErrorText error={remove.error} title="Not removed" />
      </Stack>
    </Paper>
  )
}
