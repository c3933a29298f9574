// Export the readiness assessment: PDF (A4, print-ready), XLSX and JSON (schema version 2). The
// main process asks where to save and writes the file atomically. Anything taking over a second
// shows a progress bar with the step in words.
import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { ExportFormat, ExportResult } from '../../../../shared/ipc/channels/readiness'
import { ErrorText } from '../../app/ErrorText'
import { useExport } from '../../data/rrmpHooks'
import { channelTag } from '../../app/can'

const NAMES: Record<ExportFormat, string> = { pdf: 'PDF', xlsx: 'spreadsheet (XLSX)', json: 'JSON for comparison' }

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`
}

function resultText(format: ExportFormat, r: ExportResult): string {
  return r.saved ? `Saved the ${NAMES[format]} to ${r.path} (${sizeText(r.bytes)}).` : `The ${NAMES[format]} export was cancelled: nothing was saved.`
}

/** True once `active` has lasted a second (issue 6: progress for anything over a second). */
function useSlow(active: boolean): boolean {
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    if (!active) return
    const t = setTimeout(() => setSlow(true), 1000)
    return () => {
      clearTimeout(t)
      setSlow(false)
    }
  }, [active])
  return active && slow
}

export function ExportPanel({ versionId, version }: { versionId: number; version: number }) {
  const exp = useExport()
  const [last, setLast] = useState<{ format: ExportFormat; result: ExportResult } | null>(null)
  const [running, setRunning] = useState<ExportFormat | null>(null)
  const slow = useSlow(exp.isPending)
  const run = (format: ExportFormat) => {
    setRunning(format)
    setLast(null)
    exp.mutate({ versionId, format }, { onSuccess: (result) => setLast({ format, result }), onSettled: () => setRunning(null) })
  }
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="export-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="export-title">
          Export the readiness assessment (version {version})
        </Title>
        <Text size="sm">The PDF is print-ready on A4 with signature blocks. The JSON can be imported by another establishment’s OMU Desk to compare, read-only. Session notes are never included.</Text>
        <Group>
          {(['pdf', 'xlsx', 'json'] as const).map((f) => (
            <Button key={f} variant={f === 'pdf' ? 'filled' : 'default'} onClick={() => run(f)} disabled={exp.isPending} loading={running === f} {...channelTag('readiness.export')}>
              Export {NAMES[f]}
            </Button>
          ))}
        </Group>
        <div aria-live="polite">
          {slow && running ? (
            <Stack gap={4}>
              <Text size="sm">Preparing the {NAMES[running]}: reading the plan and the caseload, then writing the file…</Text>
              <Progress value={100} animated striped aria-label={`Exporting the ${NAMES[running]}`} />
            </Stack>
          ) : null}
          {last ? <Text size="sm">{resultText(last.format, last.result)}</Text> : null}
        </div>
        <ErrorText error={exp.error} title="Not exported" />
      </Stack>
    </Paper>
  )
}
