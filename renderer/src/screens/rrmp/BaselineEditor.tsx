// The editor for one baseline's plan entry. The delivery input follows the baseline's autonomy
// (seed 002 guide to autonomy levels): limited = "as stipulated" (read-only); partial = one of the
// catalogue's options; total = the establishment's own design (required). Not applicable on a
// mandatory baseline asks for the reason before it is saved (issue 4).
import { Alert, Autocomplete, Button, Checkbox, Fieldset, Group, NativeSelect, Radio, Stack, Text, Textarea } from '@mantine/core'
import { useCallback } from 'react'
import { RRMP_STATUSES, type EdmBaseline, type RrmpPlanEntry, type RrmpStatus } from '../../../../shared/engine/index'
import { statusLabel } from '../../../../shared/export/labels'
import type { PlanEntryRow } from '../../../../shared/ipc/channels/rrmp'
import { isoDate } from '../../../../shared/ipc/schemas'
import { DateField } from '../../app/DateField'
import { ActionItems } from './ActionItems'
import classes from './rrmp.module.css'
import { useEntryAutosave, type SaveState } from './useEntryAutosave'

const statusOptions = RRMP_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))

/**
 * A date still being typed (day, month and year: issue 16) is not sent: the entry waits, saying
 * why, until the date is whole and real (the contract's isoDate, the main process's rule too).
 */
function unfinishedDate(e: RrmpPlanEntry): string | null {
  const bad = (d: string | null) => d !== null && d !== '' && !isoDate.safeParse(d).success
  if (bad(e.targetDate)) return 'the target date is not a real date yet: enter it as dd/mm/yyyy.'
  const i = e.actionItems.findIndex((a) => bad(a.targetDate))
  return i >= 0 ? `the target date of action ${i + 1} is not a real date yet: enter it as dd/mm/yyyy.` : null
}

function SaveStatus({ state, onReload }: { state: SaveState; onReload: () => void }) {
  switch (state.kind) {
    case 'saved':
      return <Text size="sm">All changes saved.</Text>
    case 'pending':
    case 'saving':
      return <Text size="sm">Saving…</Text>
    case 'held':
      return (
        <Text size="sm" c="red.9" fw={600}>
          Not saved yet: {state.message}
        </Text>
      )
    case 'error':
      return (
        <Alert color="red" title={state.conflict ? 'Changed elsewhere: not saved' : 'Not saved'} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{state.message}</Text>
            {state.conflict ? (
              <Button size="xs" onClick={onReload}>
                Reload this baseline
              </Button>
            ) : null}
          </Stack>
        </Alert>
      )
    default: {
      const never: never = state
      return never
    }
  }
}

function Delivery({ baseline, entry, onChange, onBlur }: { baseline: EdmBaseline; entry: RrmpPlanEntry; onChange: (e: RrmpPlanEntry) => void; onBlur: () => void }) {
  const autonomy = baseline.autonomy ?? 'limited'
  switch (autonomy) {
    case 'limited':
      return (
        <Text size="sm">
          <strong>Delivery:</strong> as stipulated (limited autonomy: the establishment delivers the baseline as written).
        </Text>
      )
    case 'partial':
      return (
        <Radio.Group
          label="Delivery option"
          description="Partial autonomy: choose one of the pre-determined delivery options."
          value={entry.delivery?.kind === 'option' ? entry.delivery.optionId : null}
          onChange={(v) => onChange({ ...entry, delivery: { kind: 'option', optionId: v } })}
        >
          <Stack gap={6} mt={6}>
            {baseline.deliveryOptions.map((o) => (
              <Radio key={o.id} value={o.id} label={o.faceToFace ? `${o.text} (face to face)` : o.text} />
            ))}
          </Stack>
        </Radio.Group>
      )
    case 'total': {
      const d = entry.delivery?.kind === 'local_design' ? entry.delivery : { kind: 'local_design' as const, design: '', faceToFace: false }
      return (
        <Stack gap="xs">
          <Textarea
            label="Local design"
            description="Total autonomy: describe how the establishment will deliver this baseline."
            withAsterisk
            autosize
            minRows={2}
            value={d.design}
            onChange={(e) => onChange({ ...entry, delivery: { ...d, design: e.currentTarget.value } })}
            onBlur={onBlur}
          />
          <Checkbox label="The local design includes face-to-face contact" checked={d.faceToFace} onChange={(e) => onChange({ ...entry, delivery: { ...d, faceToFace: e.currentTarget.checked } })} />
        </Stack>
      )
    }
    default: {
      const never: never = autonomy
      return never
    }
  }
}

export function BaselineEditor(props: {
  versionId: number
  baseline: EdmBaseline
  row: PlanEntryRow
  frozen: boolean
  canEdit: boolean
  faceToFace: boolean
  reasons: string[]
  staffNames: string[]
  today: string
  onSaved: () => void
  reloadRow: () => Promise<PlanEntryRow | undefined>
}) {
  const { baseline: b } = props
  const readOnly = props.frozen || !props.canEdit
  const holdReason = useCallback(
    (e: RrmpPlanEntry) =>
      e.status === 'not_applicable' && b.mandatory && (e.notApplicableReason ?? '').trim() === '' ? `baseline ${b.id} is mandatory, so give the reason it does not apply here.` : unfinishedDate(e),
    [b],
  )
  const save = useEntryAutosave({ versionId: props.versionId, row: props.row, holdReason, onSaved: props.onSaved })
  const e = save.draft
  const set = (patch: Partial<RrmpPlanEntry>) => save.change({ ...e, ...patch })
  const reload = async () => {
    const row = await props.reloadRow()
    if (row) save.reset(row)
  }
  const naMissing = e.status === 'not_applicable' && b.mandatory && (e.notApplicableReason ?? '').trim() === ''
  return (
    <Fieldset disabled={readOnly} className={readOnly ? classes.readOnly : undefined} variant="unstyled" aria-label={`Plan entry for baseline ${b.id}`}>
      <Stack gap="sm">
        <Text size="sm">{b.text}</Text>
        {b.sources.length > 0 ? (
          <Text size="xs" c="dimmed">
            Sources: {b.sources.join('; ')}
          </Text>
        ) : null}
        <Group grow align="flex-start">
          <NativeSelect label="Status" data={statusOptions} value={e.status} onChange={(ev) => set({ status: ev.currentTarget.value as RrmpStatus })} />
          <Autocomplete label="Owner" description="Pick from staff or type a name." data={props.staffNames} value={e.owner} onChange={(v) => set({ owner: v })} onBlur={save.flush} />
          <DateField id={`baseline-${b.id}-target-date`} label="Target date" value={e.targetDate} onChange={(v) => set({ targetDate: v || null })} onBlur={save.flush} disabled={readOnly} />
        </Group>
        {e.status === 'not_applicable' ? (
          <Textarea
            label="Reason it does not apply here"
            description={b.mandatory ? 'Required: this baseline is mandatory. Give the establishment’s category or function.' : undefined}
            withAsterisk={b.mandatory}
            autosize
            minRows={2}
            value={e.notApplicableReason ?? ''}
            error={naMissing ? 'Give the reason this mandatory baseline does not apply.' : undefined}
            classNames={{ error: classes.error }}
            onChange={(ev) => set({ notApplicableReason: ev.currentTarget.value })}
            onBlur={save.flush}
          />
        ) : (
          <Delivery baseline={b} entry={e} onChange={save.change} onBlur={save.flush} />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Evidence{props.faceToFace ? ' (required: this baseline has a face-to-face element)' : ''}
          </Text>
          <Group gap="lg">
            <Checkbox label="Risk assessment done" checked={e.evidence.riskAssessmentDone} onChange={(ev) => set({ evidence: { ...e.evidence, riskAssessmentDone: ev.currentTarget.checked } })} />
            <Checkbox label="Safe system of work done" checked={e.evidence.safeSystemOfWorkDone} onChange={(ev) => set({ evidence: { ...e.evidence, safeSystemOfWorkDone: ev.currentTarget.checked } })} />
            <Checkbox label="Trade unions and staff associations consulted" checked={e.evidence.unionsConsulted} onChange={(ev) => set({ evidence: { ...e.evidence, unionsConsulted: ev.currentTarget.checked } })} />
          </Group>
        </Stack>
        <Group grow align="flex-start">
          <Textarea label="Local resourcing note" autosize minRows={1} value={e.resourcingNote} onChange={(ev) => set({ resourcingNote: ev.currentTarget.value })} onBlur={save.flush} />
          <Textarea label="Comments" autosize minRows={1} value={e.comments} onChange={(ev) => set({ comments: ev.currentTarget.value })} onBlur={save.flush} />
        </Group>
        <ActionItems baselineId={b.id} items={e.actionItems} today={props.today} readOnly={readOnly} onChange={(actionItems) => set({ actionItems })} onBlur={save.flush} />
        {props.reasons.length > 0 ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              Why baseline {b.id} is not ready yet
            </Text>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {props.reasons.map((r) => (
                <li key={r}>
                  <Text size="sm">{r}</Text>
                </li>
              ))}
            </ul>
          </Stack>
        ) : null}
        <div aria-live="polite">{readOnly ? <Text size="sm">{props.frozen ? 'Read-only: this version has been submitted.' : 'Read-only: only the HOMS edits the RRMP.'}</Text> : <SaveStatus state={save.state} onReload={() => void reload()} />}</div>
      </Stack>
    </Fieldset>
  )
}
