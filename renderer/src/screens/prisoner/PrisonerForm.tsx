import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import type { Prisoner, PrisonerInput } from '../../../../shared/ipc/channels/caseload'
import { PRISONER_STATUSES, ROSH_LEVELS, SENTENCE_TYPES } from '../../../../shared/ipc/values'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useSavePrisoner } from '../../data/caseloadHooks'

type Draft = Record<string, string | boolean>

const DATES: [keyof PrisonerInput, string][] = [
  ['dateOfBirth', 'Date of birth'],
  ['sentenceStartDate', 'Sentence start date'],
  ['conditionalReleaseDate', 'Conditional release date (CRD)'],
  ['automaticReleaseDate', 'Automatic release date (ARD)'],
  ['paroleEligibilityDate', 'Parole eligibility date (PED)'],
  ['tariffDate', 'Tariff date (TED)'],
  ['targetHearingDate', 'Target hearing date (THD)'],
  ['homeDetentionCurfewEligibilityDate', 'HDC eligibility date (HDCED)'],
  ['homeDetentionCurfewActualDate', 'HDC approved date (HDCAD)'],
  ['arrivalDate', 'Arrived here on transfer'],
]
const FLAGS: [keyof PrisonerInput, string][] = [
  ['earlyAllocation', 'Early allocation'],
  ['recall', 'Recall'],
  ['careExperienced', 'Care experienced'],
  ['tact', 'TACT'],
  ['keyWorkerPriority', 'Key worker priority'],
]

function draftOf(p: Prisoner | null): Draft {
  const d: Draft = {}
  if (!p) return { sentenceType: 'determinate', status: 'in_custody' }
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string' || typeof v === 'boolean') d[k] = v
  d.mappaLevel = p.mappaLevel === null ? '' : String(p.mappaLevel)
  return d
}

/** Add a prisoner (HOMD) or change their facts; the main process checks every field and date. */
export function PrisonerForm({ prisoner, opened, onClose }: { prisoner: Prisoner | null; opened: boolean; onClose: () => void }) {
  const [d, setD] = useState<Draft>(() => draftOf(prisoner))
  const save = useSavePrisoner()
  const err = save.error instanceof OmuError ? save.error : null
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '')
  const fieldError = (k: string) => (err?.field === k ? err.message : undefined)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const fields: Record<string, unknown> = { prisonNumber: text('prisonNumber'), firstName: text('firstName'), lastName: text('lastName'), sentenceType: text('sentenceType'), status: text('status') }
    for (const [k] of DATES) fields[k] = text(k) || null
    for (const [k] of FLAGS) fields[k] = d[k] === true
    fields.tier = text('tier') || null
    fields.roshLevel = text('roshLevel') || null
    fields.mappaLevel = text('mappaLevel') === '' ? null : Number(text('mappaLevel'))
    if (!fields.dateOfBirth) fields.dateOfBirth = ''
    if (!fields.sentenceStartDate) fields.sentenceStartDate = ''
    save.mutate(
      { prisoner, fields: fields as PrisonerInput },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: prisoner ? 'Facts saved.' : 'Prisoner added.' })
          onClose()
        },
      },
    )
  }
  return (
    <Modal opened={opened} onClose={onClose} title={prisoner ? 'Change facts' : 'Add a prisoner'} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Prison number" value={text('prisonNumber')} onChange={(e) => setD({ ...d, prisonNumber: e.currentTarget.value })} error={fieldError('prisonNumber')} />
            <TextInput label="First name" value={text('firstName')} onChange={(e) => setD({ ...d, firstName: e.currentTarget.value })} error={fieldError('firstName')} />
            <TextInput label="Last name" value={text('lastName')} onChange={(e) => setD({ ...d, lastName: e.currentTarget.value })} error={fieldError('lastName')} />
            <NativeSelect label="Sentence type" value={text('sentenceType')} data={[...SENTENCE_TYPES]} onChange={(e) => setD({ ...d, sentenceType: e.currentTarget.value })} />
            <NativeSelect label="Status" value={text('status')} data={PRISONER_STATUSES.map((s) => ({ value: s, label: s.replace('_', ' ') }))} onChange={(e) => setD({ ...d, status: e.currentTarget.value })} />
            <NativeSelect label="MAPPA level" value={text('mappaLevel')} data={[{ value: '', label: 'Not known' }, '0', '1', '2', '3']} onChange={(e) => setD({ ...d, mappaLevel: e.currentTarget.value })} error={fieldError('mappaLevel')} />
            <TextInput label="Tier" description="A0 to D3" value={text('tier')} onChange={(e) => setD({ ...d, tier: e.currentTarget.value })} error={fieldError('tier')} />
            <NativeSelect label="Risk of serious harm" value={text('roshLevel')} data={[{ value: '', label: 'Not set' }, ...ROSH_LEVELS.map((r) => ({ value: r, label: r.replace('_', ' ') }))]} onChange={(e) => setD({ ...d, roshLevel: e.currentTarget.value })} />
            {DATES.map(([k, label]) => (
              <TextInput key={k} type="date" label={label} value={text(k)} onChange={(e) => setD({ ...d, [k]: e.currentTarget.value })} error={fieldError(k)} />
            ))}
          </SimpleGrid>
          <Group>
            {FLAGS.map(([k, label]) => (
              <Checkbox key={k} label={label} checked={d[k] === true} onChange={(e) => setD({ ...d, [k]: e.currentTarget.checked })} />
            ))}
          </Group>
          {err && !err.field ? <ErrorText error={save.error} title="Not saved" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {prisoner ? 'Save facts' : 'Add prisoner'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
