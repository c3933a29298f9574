import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { prisonerInput, type Prisoner, type PrisonerInput } from '../../../../shared/ipc/channels/caseload'
import { PRISONER_STATUSES, ROSH_LEVELS, SECURITY_CATEGORIES, SENTENCE_TYPES } from '../../../../shared/ipc/values'
import { DateField } from '../../app/DateField'
import { ErrorSummary } from '../../app/ErrorSummary'
import { OmuError } from '../../data/client'
import { useSavePrisoner } from '../../data/caseloadHooks'
import { channelTag } from '../../app/can'
import { fieldId, serverFieldError, validateWith } from '../../lib/formErrors'
import { PRISONER_STATUS_LABELS, ROSH_LABELS, SECURITY_CATEGORY_LABELS, SENTENCE_TYPE_LABELS } from '../../lib/labels'

type Draft = Record<string, string | boolean>

const FORM = 'prisoner'

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
  // Issue 17: the sentence's first POM allocation, at any prison (the start-of-custody minimum counts from it).
  ['firstPomAllocatedDate', 'First allocated to a POM (this sentence, any prison)'],
  // Issue 20 (handover spec R4): men, arrival at the open prison; women, the day the category became open.
  ['openConditionsArrivalDate', 'Open conditions arrival date'],
  // Issue 17 (../shared/specs/mpc-rules.md F): spec A.3's second group of release dates and C.5 C7's licence expiry.
  ['sentenceExpiryDate', 'Sentence expiry date (SED)'],
  ['licenceExpiryDate', 'Licence expiry date (LED)'],
  ['postRecallReleaseDate', 'Post-recall release date'],
  ['actualParoleDate', 'Actual parole date'],
]

/**
 * Issue 20: plain help on what the handover facts mean (../shared/specs/handover-2023.md sections 1
 * and 6), and issue 17's new dates (../shared/specs/mpc-rules.md A.3 and C.5).
 */
const HELP: Partial<Record<keyof PrisonerInput, string>> = {
  sentenceStartDate: 'For an immigration case, the day detention began.',
  openConditionsArrivalDate: 'Men: the day they arrived at the open prison. Women: the day their category became open.',
  licenceExpiryDate: 'An early allocation ends once the licence has expired.',
  openConditions: 'Men: in an open prison. Women: category T (open).',
  immigrationCase: 'For an immigration case, enter the day detention began as the sentence start date.',
  additionalIsp: 'A further life or indeterminate sentence that starts after the first. Two starting on the same day are not an additional ISP.',
}

/** Spec D.2's probation resourcing decision in the form's select: not known, enhanced or standard. */
const RESOURCING = [
  { value: '', label: 'Not known' },
  { value: 'enhanced', label: 'Enhanced' },
  { value: 'standard', label: 'Standard' },
]
const FLAGS: [keyof PrisonerInput, string][] = [
  ['earlyAllocation', 'Early allocation'],
  ['recall', 'Recall'],
  ['careExperienced', 'Care experienced'],
  ['tact', 'TACT'],
  ['keyWorkerPriority', 'Key worker priority'],
  // Issue 20 (../shared/specs/handover-2023.md section 1): R4, R3 and R1 of the current handover rules.
  ['openConditions', 'In open conditions'],
  ['immigrationCase', 'Immigration case (held under immigration powers)'],
  ['additionalIsp', 'Additional ISP still to serve'],
]

/** The form's fields in the order shown, with their labels (the error summary's order and words). */
const FIELDS = [
  { name: 'prisonNumber', label: 'Prison number' },
  { name: 'firstName', label: 'First name' },
  { name: 'lastName', label: 'Last name' },
  { name: 'sentenceType', label: 'Sentence type' },
  { name: 'status', label: 'Status' },
  { name: 'mappaLevel', label: 'MAPPA level' },
  { name: 'tier', label: 'Tier' },
  { name: 'roshLevel', label: 'Risk of serious harm' },
  { name: 'location', label: 'Location' },
  { name: 'securityCategory', label: 'Security category' },
  { name: 'enhancedResourcing', label: 'Probation resourcing' },
  ...DATES.map(([name, label]) => ({ name, label })),
]

function draftOf(p: Prisoner | null): Draft {
  const d: Draft = {}
  if (!p) return { sentenceType: 'determinate', status: 'in_custody' }
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string' || typeof v === 'boolean') d[k] = v
  d.mappaLevel = p.mappaLevel === null ? '' : String(p.mappaLevel)
  d.enhancedResourcing = p.enhancedResourcing === null ? '' : p.enhancedResourcing ? 'enhanced' : 'standard'
  return d
}

/** The channel's fields from the form (blank optional dates are null; the two required ones stay '' and are asked for). */
function toInput(d: Draft): Record<string, unknown> {
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '')
  const fields: Record<string, unknown> = { prisonNumber: text('prisonNumber'), firstName: text('firstName'), lastName: text('lastName'), sentenceType: text('sentenceType'), status: text('status') }
  for (const [k] of DATES) fields[k] = text(k) || null
  for (const [k] of FLAGS) fields[k] = d[k] === true
  fields.tier = text('tier') || null
  fields.roshLevel = text('roshLevel') || null
  // Issue 16: the header's location and category; blank is not recorded.
  fields.location = text('location').trim() || null
  fields.securityCategory = text('securityCategory') || null
  fields.mappaLevel = text('mappaLevel') === '' ? null : Number(text('mappaLevel'))
  // Issue 17 (spec D.2): enhanced, standard, or null when not known.
  fields.enhancedResourcing = text('enhancedResourcing') === '' ? null : text('enhancedResourcing') === 'enhanced'
  if (!fields.dateOfBirth) fields.dateOfBirth = ''
  if (!fields.sentenceStartDate) fields.sentenceStartDate = ''
  return fields
}

/** Add a prisoner (HOMD) or change their facts; the form and the main process check every field and date with the one contract. */
export function PrisonerForm({ prisoner, opened, onClose }: { prisoner: Prisoner | null; opened: boolean; onClose: () => void }) {
  const form = useForm<Draft>({ mode: 'controlled', initialValues: draftOf(prisoner), validate: validateWith(prisonerInput, toInput) })
  const [attempt, setAttempt] = useState(0)
  const save = useSavePrisoner()
  const refusal = save.error instanceof OmuError ? save.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null
  const text = (k: string) => (typeof form.values[k] === 'string' ? (form.values[k] as string) : '')
  const err = (k: string) => (typeof form.errors[k] === 'string' ? form.errors[k] : undefined)
  const id = (k: string) => fieldId(FORM, k)
  const set = (k: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => form.setFieldValue(k, e.currentTarget.value)
  const submit = form.onSubmit(
    (d) =>
      save.mutate(
        { prisoner, fields: prisonerInput.parse(toInput(d)) },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: prisoner ? 'Facts saved.' : 'Prisoner added.' })
            onClose()
          },
          onError: (e) => {
            const f = serverFieldError(e instanceof OmuError ? e : null)
            if (f) form.setFieldError(f.field.replace(/^fields\./, ''), f.message)
            setAttempt((n) => n + 1)
          },
        },
      ),
    () => setAttempt((n) => n + 1),
  )
  return (
    <Modal opened={opened} onClose={onClose} title={prisoner ? 'Change facts' : 'Add a prisoner'} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={other} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput id={id('prisonNumber')} label="Prison number" value={text('prisonNumber')} onChange={set('prisonNumber')} error={err('prisonNumber')} />
            <TextInput id={id('firstName')} label="First name" value={text('firstName')} onChange={set('firstName')} error={err('firstName')} />
            <TextInput id={id('lastName')} label="Last name" value={text('lastName')} onChange={set('lastName')} error={err('lastName')} />
            <NativeSelect id={id('sentenceType')} label="Sentence type" value={text('sentenceType')} data={SENTENCE_TYPES.map((s) => ({ value: s, label: SENTENCE_TYPE_LABELS[s] }))} onChange={set('sentenceType')} error={err('sentenceType')} />
            <NativeSelect id={id('status')} label="Status" value={text('status')} data={PRISONER_STATUSES.map((s) => ({ value: s, label: PRISONER_STATUS_LABELS[s] }))} onChange={set('status')} error={err('status')} />
            <NativeSelect id={id('mappaLevel')} label="MAPPA level" value={text('mappaLevel')} data={[{ value: '', label: 'Not known' }, '0', '1', '2', '3']} onChange={set('mappaLevel')} error={err('mappaLevel')} />
            <TextInput id={id('tier')} label="Tier" description="A0 to D3" value={text('tier')} onChange={set('tier')} error={err('tier')} />
            <NativeSelect id={id('roshLevel')} label="Risk of serious harm" value={text('roshLevel')} data={[{ value: '', label: 'Not set' }, ...ROSH_LEVELS.map((r) => ({ value: r, label: ROSH_LABELS[r] }))]} onChange={set('roshLevel')} error={err('roshLevel')} />
            <TextInput id={id('location')} label="Location" description="Wing and cell, for example B-2-014" value={text('location')} onChange={set('location')} error={err('location')} />
            <NativeSelect
              id={id('securityCategory')}
              label="Security category"
              value={text('securityCategory')}
              data={[{ value: '', label: 'Not recorded' }, ...SECURITY_CATEGORIES.map((c) => ({ value: c, label: SECURITY_CATEGORY_LABELS[c] }))]}
              onChange={set('securityCategory')}
              error={err('securityCategory')}
            />
            <NativeSelect
              id={id('enhancedResourcing')}
              label="Probation resourcing"
              description="Probation's decision: a standard case has a shorter handover checklist."
              value={text('enhancedResourcing')}
              data={RESOURCING}
              onChange={set('enhancedResourcing')}
              error={err('enhancedResourcing')}
            />
            {DATES.map(([k, label]) => (
              <DateField key={k} id={id(k)} label={label} description={HELP[k]} value={text(k)} onChange={(v) => form.setFieldValue(k, v)} error={err(k)} required={k === 'dateOfBirth' || k === 'sentenceStartDate'} />
            ))}
          </SimpleGrid>
          <Group>
            {FLAGS.map(([k, label]) => (
              <Checkbox key={k} label={label} description={HELP[k]} checked={form.values[k] === true} onChange={(e) => form.setFieldValue(k, e.currentTarget.checked)} />
            ))}
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} {...channelTag(prisoner ? 'prisoners.update' : 'prisoners.create')}>
              {prisoner ? 'Save facts' : 'Add prisoner'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
