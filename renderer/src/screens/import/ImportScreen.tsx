import { Alert, Button, Checkbox, FileInput, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { MAX_CSV_CHARS } from '../../../../shared/ipc/values'
import type { ImportKind } from '../../../../shared/ipc/channels/caseImport'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { PageHeading } from '../../app/PageHeading'
import { useImportCommit, useImportPreview, useSaveTemplate } from '../../data/caseloadHooks'
import { channelTag, useCan, whoCan } from '../../app/can'

/** What each kind of file is matched by and what a blank cell or a missing column does (README "CSV import"). */
const KIND_HELP: Record<ImportKind, string> = {
  prisoners: ' For a prisoner already held, a column left out or a blank cell keeps what is recorded.',
  sessions: ' Sessions are matched to prisoners by prison number; a session already held is skipped.',
  comDetails: ' COM details are matched to prisoners by prison number; a column left out or a blank cell keeps what is recorded.',
  allocations: ' Each case is matched by prison number and given the POM named (as on the staff list, or their staff number); a case with another POM is reallocated only if you confirm it.',
}

/**
 * CSV import: the whole file is checked first and every bad row listed; nothing is written until
 * the user confirms the good rows (issue 5). Updates to prisoners already held are shown first.
 */
export function ImportScreen() {
  const [kind, setKind] = useState<ImportKind>('prisoners')
  const [file, setFile] = useState<File | null>(null)
  const [text, setText] = useState<string | null>(null)
  const [readError, setReadError] = useState<string | null>(null)
  const [applyUpdates, setApplyUpdates] = useState(false)
  const preview = useImportPreview()
  const commit = useImportCommit()
  const template = useSaveTemplate()
  const canImport = useCan('caseImport.preview')
  const p = preview.data

  const check = async (f: File | null) => {
    setFile(f)
    setText(null)
    setReadError(null)
    preview.reset()
    commit.reset()
    if (!f) return
    if (f.size > MAX_CSV_CHARS) {
      setReadError('The file is larger than 10 MB. Split it into smaller files and import each.')
      return
    }
    const t = await f.text()
    setText(t)
    preview.mutate({ kind, text: t })
  }

  const importRows = () => {
    if (!text) return
    commit.mutate(
      { kind, text, applyUpdates },
      { onSuccess: (r) => notifications.show({ color: 'teal', message: `Imported: ${r.created} added, ${r.updated} updated, ${r.skipped} skipped.` }) },
    )
  }

  // Issue 17: a file of COM details or of allocations is all or nothing: with any bad row, nothing can be imported.
  const allOrNothing = kind === 'comDetails' || kind === 'allocations'
  const blocked = allOrNothing && !!p && p.problems.length > 0
  const good = p && !blocked ? p.newRows + (applyUpdates ? p.updates.length : 0) : 0
  // Issue 16: a role the rules table does not let import (opened by its address) sees who can.
  if (!canImport) {
    return (
      <>
        <PageHeading title="Import" />
        <Text>{whoCan('caseImport.preview')}</Text>
      </>
    )
  }
  return (
    <>
      <PageHeading title="Import" lead="Add prisoners, supervision sessions, COM details or allocations from a CSV file. The file is checked in full before anything is saved." />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Radio.Group
              label="What the file holds"
              value={kind}
              onChange={(v) => {
                setKind(v as ImportKind)
                setFile(null)
                setText(null)
                preview.reset()
              }}
            >
              <Group mt={4}>
                <Radio value="prisoners" label="Prisoners" />
                <Radio value="sessions" label="Supervision sessions" />
                <Radio value="comDetails" label="COM details" />
                <Radio value="allocations" label="Allocations" />
              </Group>
            </Radio.Group>
            <Group align="flex-end">
              <FileInput {...channelTag('caseImport.preview')} label="CSV file" placeholder="Choose a .csv file" accept=".csv,text/csv" value={file} onChange={(f) => void check(f)} clearable clearButtonProps={{ "aria-label": "Remove the chosen file" }} w={360} />
              <Button variant="default" loading={template.isPending} onClick={() => template.mutate({ kind }, { onSuccess: (r) => r && notifications.show({ message: `Template saved to ${r.path}` }) })}>
                Save a template
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              The template has the column names and one example row. Dates are written dd/mm/yyyy; yes/no columns take yes or no.
              {KIND_HELP[kind]}
            </Text>
          </Stack>
        </Paper>
        {readError ? <Alert color="red" role="alert">{readError}</Alert> : null}
        <ErrorText error={preview.error ?? template.error} title="The file could not be checked" />
        {p ? (
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h3">
                What importing would do
              </Title>
              <Text>
                {p.totalRows} row{p.totalRows === 1 ? '' : 's'} read: {p.newRows} new, {p.updates.length} to update, {p.unchanged} already held unchanged, {new Set(p.problems.map((x) => x.row)).size} with problems.
              </Text>
              {p.problems.length > 0 ? (
                <Alert color="red" title={blocked ? `${p.problems.length} problem${p.problems.length === 1 ? '' : 's'}: nothing can be imported yet` : `${p.problems.length} problem${p.problems.length === 1 ? '' : 's'}: these rows will not be imported`} role="alert">
                  {blocked ? `A file of ${kind === 'allocations' ? 'allocations' : 'COM details'} is imported whole or not at all. Fix these rows in the file and check it again.` : 'Fix them in the file and check it again, or import the good rows now.'}
                </Alert>
              ) : null}
              <DataTable
                caption="Problems found"
                rows={p.problems.slice(0, 500)}
                rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.reason}`}
                empty="No problems found."
                columns={[
                  { header: 'Row', cell: (r) => r.row },
                  { header: 'Column', cell: (r) => r.column ?? 'Whole row' },
                  { header: 'Problem', cell: (r) => r.reason },
                ]}
              />
              {p.columnsNotInFile.length > 0 && p.updates.length + p.unchanged > 0 ? (
                <Text size="sm">
                  Not in this file, so kept as recorded for {kind === 'comDetails' ? 'cases' : 'prisoners'} already held: {p.columnsNotInFile.join(', ')}.
                </Text>
              ) : null}
              {p.updates.length > 0 ? (
                <>
                  <DataTable
                    caption={kind === 'allocations' ? 'Cases already allocated to another POM: reallocations' : kind === 'comDetails' ? 'COM details already recorded: what would change' : 'Prisoners already held: what would change'}
                    rows={p.updates.slice(0, 200)}
                    rowKey={(r) => r.row}
                    empty=""
                    columns={[
                      { header: 'Row', cell: (r) => r.row },
                      { header: 'Prison number', cell: (r) => r.prisonNumber },
                      { header: 'Changes', cell: (r) => r.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`).join('; ') },
                    ]}
                  />
                  <Checkbox label={kind === 'allocations' ? `Also make these ${p.updates.length} reallocation${p.updates.length === 1 ? '' : 's'}` : `Also apply these ${p.updates.length} updates`} checked={applyUpdates} onChange={(e) => setApplyUpdates(e.currentTarget.checked)} />
                </>
              ) : null}
              <ErrorText error={commit.error} title="Nothing was imported" />
              {commit.data ? (
                <Alert color="teal" title="Imported">
                  {commit.data.created} added, {commit.data.updated} updated, {commit.data.skipped} skipped.
                </Alert>
              ) : (
                <Group>
                  <Button onClick={importRows} disabled={good === 0} loading={commit.isPending} {...channelTag('caseImport.commit')}>
                    Import {good} good row{good === 1 ? '' : 's'}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </>
  )
}
