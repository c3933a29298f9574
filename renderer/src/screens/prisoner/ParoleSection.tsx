import { Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { PAROLE_REVIEW_OUTCOMES, type ParoleReviewOutcome } from '../../../../shared/engine/case/paroleReviews'
import { addParoleReviewInput, type CaseParole, type ParoleReview } from '../../../../shared/ipc/channels/parole'
import { channelTag, useCan, whoCan } from '../../app/can'
import { DataTable } from '../../app/DataTable'
import { DateField } from '../../app/DateField'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useAddParoleReview, useCaseParole, useCorrectParoleReview } from '../../data/paroleHooks'
import { formatDate } from '../../lib/format'
import { fieldId, serverFieldError, validateWith } from '../../lib/formErrors'
import { PAROLE_OUTCOME_LABELS } from '../../lib/labels'

// A case's parole reviews (issue 17, "Parole") and what the current handover rules take from them
// (issue 20; ../shared/specs/handover-2023.md section 6): the next hearing and the last outcome.

const FORM = 'parole-review'

interface Draft {
  hearingDate: string
  outcome: ParoleReviewOutcome
  outcomeDate: string
  nextHearingDate: string
}

const FIELDS = [
  { name: 'hearingDate', label: 'Hearing date' },
  { name: 'outcome', label: 'Outcome' },
  { name: 'outcomeDate', label: 'Outcome date' },
  { name: 'nextHearingDate', label: 'Next hearing date' },
]

const blank: Draft = { hearingDate: '', outcome: 'not_known', outcomeDate: '', nextHearingDate: '' }

function draftOf(r: ParoleReview | null): Draft {
  return r ? { hearingDate: r.hearingDate, outcome: r.outcome, outcomeDate: r.outcomeDate ?? '', nextHearingDate: r.nextHearingDate ?? '' } : blank
}

/** The facts as the channel takes them: blank optional dates are null. */
function factsOf(d: Draft) {
  return { hearingDate: d.hearingDate, outcome: d.outcome, outcomeDate: d.outcomeDate || null, nextHearingDate: d.nextHearingDate || null }
}

/** Record a review, or correct one (`review`), checked with the channel's own contract. */
function ReviewForm({ prisonerId, review, onDone }: { prisonerId: number; review: ParoleReview | null; onDone: () => void }) {
  const form = useForm<Draft>({ mode: 'controlled', initialValues: draftOf(review), validate: validateWith(addParoleReviewInput, (d: Draft) => ({ prisonerId, ...factsOf(d) })) })
  const [attempt, setAttempt] = useState(0)
  const add = useAddParoleReview()
  const correct = useCorrectParoleReview()
  const save = review ? correct : add
  const refusal = save.error instanceof OmuError ? save.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null
  const err = (k: keyof Draft) => (typeof form.errors[k] === 'string' ? form.errors[k] : undefined)
  const after = {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: review ? 'Parole review corrected.' : 'Parole review recorded.' })
      form.reset()
      onDone()
    },
    onError: (e: Error) => {
      const f = serverFieldError(e instanceof OmuError ? e : null)
      if (f) form.setFieldError(f.field, f.message)
      setAttempt((n) => n + 1)
    },
  }
  const submit = form.onSubmit(
    (d) => (review ? correct.mutate({ reviewId: review.id, version: review.version, ...factsOf(d) }, after) : add.mutate({ prisonerId, ...factsOf(d) }, after)),
    () => setAttempt((n) => n + 1),
  )
  const title = review ? `Correct the review of ${formatDate(review.hearingDate)}` : 'Record a parole review'
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={other} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField id={fieldId(FORM, 'hearingDate')} label="Hearing date" value={form.values.hearingDate} onChange={(v) => form.setFieldValue('hearingDate', v)} error={err('hearingDate')} required />
          <NativeSelect
            id={fieldId(FORM, 'outcome')}
            label="Outcome"
            value={form.values.outcome}
            data={PAROLE_REVIEW_OUTCOMES.map((o) => ({ value: o, label: PAROLE_OUTCOME_LABELS[o] }))}
            onChange={(e) => form.setFieldValue('outcome', e.currentTarget.value as ParoleReviewOutcome)}
            error={err('outcome')}
          />
          <DateField
            id={fieldId(FORM, 'outcomeDate')}
            label="Outcome date"
            description="The day the outcome was received. Leave blank until it is."
            value={form.values.outcomeDate}
            onChange={(v) => form.setFieldValue('outcomeDate', v)}
            error={err('outcomeDate')}
          />
          <DateField
            id={fieldId(FORM, 'nextHearingDate')}
            label="Next hearing date"
            description="After a refusal or deferral, the next hearing the panel listed, if set."
            value={form.values.nextHearingDate}
            onChange={(v) => form.setFieldValue('nextHearingDate', v)}
            error={err('nextHearingDate')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending} {...channelTag(review ? 'parole.correct' : 'parole.add')}>
            {review ? 'Save correction' : 'Record review'}
          </Button>
          {review ? (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  )
}

/** What the handover rules use, in words. */
function UsedText({ used }: { used: CaseParole['used'] }) {
  if (!used) {
    return <Text size="sm">No parole review of this sentence is recorded: the handover rules use the target hearing date in the facts.</Text>
  }
  const outcome = used.paroleOutcome === null ? 'no outcome recorded yet' : used.paroleOutcome === 'release' ? 'release directed' : 'not released'
  return (
    <Text size="sm">
      The handover rules use the next hearing on {formatDate(used.targetHearingDate)} and the last outcome: {outcome}. A hearing more than 12 months away changes who is responsible.
    </Text>
  )
}

export function ParoleSection({ prisonerId }: { prisonerId: number }) {
  const q = useCaseParole(prisonerId)
  const canAdd = useCan('parole.add')
  const canCorrect = useCan('parole.correct')
  const [correcting, setCorrecting] = useState<ParoleReview | null>(null)
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="parole-title">
      <Title order={2} size="h4" id="parole-title" mb="xs">
        Parole
      </Title>
      {q.error ? <ErrorText error={q.error} title="The parole reviews could not be shown" /> : null}
      {!q.data ? (
        q.error ? null : <Loader aria-label="Loading" size="sm" />
      ) : (
        <Stack gap="md">
          <UsedText used={q.data.used} />
          <DataTable
            caption={`Parole reviews (${q.data.reviews.length}), latest hearing first`}
            rows={q.data.reviews}
            rowKey={(r) => r.id}
            empty="No parole reviews recorded."
            columns={[
              { header: 'Hearing', cell: (r) => formatDate(r.hearingDate) },
              { header: 'Outcome', cell: (r) => PAROLE_OUTCOME_LABELS[r.outcome] },
              { header: 'Outcome received', cell: (r) => (r.outcomeDate ? formatDate(r.outcomeDate) : 'Not yet') },
              { header: 'Next hearing', cell: (r) => (r.nextHearingDate ? formatDate(r.nextHearingDate) : 'None listed') },
              {
                header: 'Change',
                cell: (r) =>
                  canCorrect ? (
                    <Button size="xs" variant="default" onClick={() => setCorrecting(r)} aria-label={`Correct the review of ${formatDate(r.hearingDate)}`} {...channelTag('parole.correct')}>
                      Correct
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          {correcting ? <ReviewForm key={`${correcting.id}-${correcting.version}`} prisonerId={prisonerId} review={correcting} onDone={() => setCorrecting(null)} /> : null}
          {canAdd && !correcting ? <ReviewForm key="new" prisonerId={prisonerId} review={null} onDone={() => undefined} /> : null}
          {!canAdd ? <Text size="sm">{whoCan('parole.add')}</Text> : null}
        </Stack>
      )}
    </Paper>
  )
}
