import { Badge, Button, Checkbox, Group, Loader, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import {
  earlyAllocationOutcome,
  EARLY_ALLOCATION_QUESTIONS,
  STAGE_ONE_QUESTIONS,
  STAGE_TWO_QUESTIONS,
  validateOasysDate,
  type EarlyAllocationAnswers,
  type EarlyAllocationQuestion,
} from '../../../../shared/engine'
import { assessEarlyAllocationInput, type EarlyAllocationAssessmentView, type EarlyAllocationView } from '../../../../shared/ipc/channels/caseWork'
import { EARLY_ALLOCATION_QUESTION_TEXT } from '../../../../shared/export/caseFactLabels'
import { channelTag, useCan, whoCan } from '../../app/can'
import { DataTable } from '../../app/DataTable'
import { DateField } from '../../app/DateField'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { useAssessEarlyAllocation, useDraftReferral, useEarlyAllocation, useRecordCommunityDecision } from '../../data/caseWorkHooks'
import { formatDate } from '../../lib/format'
import { fieldId, formErrors, type FieldErrors } from '../../lib/formErrors'

// Early allocation to the community probation team (issue 17; ../shared/specs/mpc-rules.md
// section C; seed 002 baseline 3.1): the case's state and saved assessments, and the assessment
// form (the OASys date check C.2, the questions of C.1, the outcome C.3). The outcome shown while
// answering is the engine's own; the main process works it out again when saving.

const FORM = 'early-allocation'

/** Spec C.1's questions, as MPC asks them (shared with the subject access disclosure). */
const QUESTIONS = EARLY_ALLOCATION_QUESTION_TEXT

const FIELDS = [{ name: 'oasysDate', label: 'Date of the last OASys risk assessment' }, ...EARLY_ALLOCATION_QUESTIONS.map((q) => ({ name: `answers.${q}`, label: QUESTIONS[q] })), { name: 'reason', label: 'Reason' }, { name: 'approved', label: 'HOMD approval' }]

const NONE: EarlyAllocationAnswers = Object.fromEntries(EARLY_ALLOCATION_QUESTIONS.map((q) => [q, null])) as EarlyAllocationAnswers

/** Which questions are asked now (spec C.1): stage 2 only after five noes; the release question only after an extremism separation yes. */
function asked(a: EarlyAllocationAnswers): EarlyAllocationQuestion[] {
  const stageOneDone = STAGE_ONE_QUESTIONS.every((q) => a[q] === false)
  if (!stageOneDone) return [...STAGE_ONE_QUESTIONS]
  return [...STAGE_ONE_QUESTIONS, ...STAGE_TWO_QUESTIONS.filter((q) => q !== 'dueForReleaseInLessThan24Months' || a.extremismSeparation === true)]
}

interface AssessmentValues {
  oasysDate: string
  answers: EarlyAllocationAnswers
  reason: string
  approved: boolean
}

/** Only the questions asked count: answers to questions no longer asked are left out. */
const sentAnswers = (answers: EarlyAllocationAnswers): EarlyAllocationAnswers => ({ ...NONE, ...Object.fromEntries(asked(answers).map((q) => [q, answers[q]])) })

function AssessmentForm({ prisonerId, view, onDone }: { prisonerId: number; view: EarlyAllocationView; onDone: () => void }) {
  const assess = useAssessEarlyAllocation()
  const toInput = (v: AssessmentValues) => ({ prisonerId, oasysDate: v.oasysDate, answers: sentAnswers(v.answers), reason: v.reason, approved: v.approved })
  /**
   * Issue 16, "Form errors": the contract's schema (caseWork.assessEarlyAllocation) and the engine's
   * own checks the main process makes too (spec C.2 the OASys date, C.1 the questions asked, and a
   * discretionary outcome's reason and approval), every problem at once.
   */
  const check = (v: AssessmentValues): FieldErrors => {
    const out = formErrors(assessEarlyAllocationInput, toInput(v))
    const d = /^\d{4}-\d{2}-\d{2}$/.test(v.oasysDate) ? v.oasysDate : null
    const oasys = validateOasysDate({ today: view.today, oasysRiskAssessmentDate: d })
    if (!oasys.valid) out.oasysDate ??= d === null && v.oasysDate !== '' ? 'Enter a real date as dd/mm/yyyy, for example 27/03/2026.' : `${oasys.message ?? ''}.`
    const result = earlyAllocationOutcome({ ...sentAnswers(v.answers), createdWithinReferralWindow: view.withinReferralWindow })
    for (const q of result.missingAnswers) out[`answers.${q}`] = 'Choose yes or no.'
    if (result.outcome === 'discretionary') {
      if (v.reason.trim() === '') out.reason ??= 'Give the reason this case should be referred to the community probation team.'
      if (!v.approved) out.approved = 'Confirm the HOMD has approved the referral.'
    }
    return out
  }
  const form = useForm<AssessmentValues>({ mode: 'controlled', initialValues: { oasysDate: '', answers: NONE, reason: '', approved: false }, validate: check })
  const { attempt, failed, refused } = useFormRefusal(form)
  const { oasysDate, answers, reason, approved } = form.values
  const errors = form.errors
  const questions = asked(answers)
  const outcome = earlyAllocationOutcome({ ...sentAnswers(answers), createdWithinReferralWindow: view.withinReferralWindow })

  const submit = form.onSubmit(
    (v) =>
      assess.mutate(toInput(v), {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Early allocation assessment saved.' })
          onDone()
        },
        onError: refused,
      }),
    failed,
  )

  return (
    <form onSubmit={submit} noValidate aria-label="Early allocation assessment">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Assess early allocation
        </Title>
        <ErrorSummary formId={FORM} errors={errors} fields={FIELDS} attempt={attempt} other={otherRefusal(assess.error)} />
        <DateField
          id={fieldId(FORM, 'oasysDate')}
          label="Date of the last OASys risk assessment"
          description="It must be in the last 3 months."
          value={oasysDate}
          onChange={(v) => form.setFieldValue('oasysDate', v)}
          error={errors.oasysDate}
          required
        />
        {questions.map((q) => (
          <Radio.Group
            key={q}
            id={fieldId(FORM, `answers.${q}`)}
            label={QUESTIONS[q]}
            value={answers[q] === null ? '' : answers[q] ? 'yes' : 'no'}
            onChange={(v) => form.setFieldValue(`answers.${q}`, v === 'yes')}
            error={errors[`answers.${q}`]}
            required
          >
            <Group mt={4}>
              <Radio value="yes" label="Yes" />
              <Radio value="no" label="No" />
            </Group>
          </Radio.Group>
        ))}
        {outcome.outcome !== null ? (
          <Text size="sm" role="status">
            Outcome: <strong>{outcome.longOutcome}</strong>
          </Text>
        ) : null}
        {outcome.outcome === 'discretionary' ? (
          <>
            <Textarea id={fieldId(FORM, 'reason')} label="Why should this case be referred to the community probation team?" value={reason} onChange={(e) => form.setFieldValue('reason', e.currentTarget.value)} error={errors.reason} required autosize minRows={2} maxLength={2000} />
            <Checkbox id={fieldId(FORM, 'approved')} label="The HOMD has approved this referral" checked={approved} onChange={(e) => form.setFieldValue('approved', e.currentTarget.checked)} error={errors.approved} />
          </>
        ) : null}
        {!view.withinReferralWindow ? (
          <Text size="sm">This case is not yet within 18 months of its earliest release date, so the assessment is saved but not sent to the community probation team.</Text>
        ) : null}
        <Group>
          <Button type="submit" loading={assess.isPending} {...channelTag('caseWork.assessEarlyAllocation')}>
            Save assessment
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function DecisionButtons({ prisonerId, assessment }: { prisonerId: number; assessment: EarlyAllocationAssessmentView }) {
  const decide = useRecordCommunityDecision()
  const record = (decision: boolean) =>
    decide.mutate({ prisonerId, assessmentId: assessment.id, decision }, { onSuccess: () => notifications.show({ color: 'teal', message: 'Community decision recorded.' }) })
  return (
    <Stack gap="xs">
      <Text size="sm">Record the community probation team’s decision:</Text>
      <Group>
        <Button size="xs" onClick={() => record(true)} loading={decide.isPending} {...channelTag('caseWork.recordCommunityDecision')}>
          Accepted for early allocation
        </Button>
        <Button size="xs" variant="default" onClick={() => record(false)} loading={decide.isPending} {...channelTag('caseWork.recordCommunityDecision')}>
          Not accepted
        </Button>
      </Group>
      {decide.error ? <ErrorText error={decide.error} title="The decision was not recorded" /> : null}
    </Stack>
  )
}

export function EarlyAllocationSection({ prisonerId }: { prisonerId: number }) {
  const q = useEarlyAllocation(prisonerId)
  const canAssess = useCan('caseWork.assessEarlyAllocation')
  const canDecide = useCan('caseWork.recordCommunityDecision')
  const [assessing, setAssessing] = useState(false)
  const view = q.data
  const latest = view?.assessments[0]
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="early-allocation-title">
      <Title order={2} size="h4" id="early-allocation-title" mb="xs">
        Early allocation
      </Title>
      {q.error ? <ErrorText error={q.error} title="Early allocation could not be shown" /> : null}
      {!view ? (
        q.error ? null : <Loader aria-label="Loading" size="sm" />
      ) : (
        <Stack gap="md">
          <Group gap="sm">
            {view.state.badge ? <Badge variant="outline">Early allocation {view.state.badge}</Badge> : null}
            <Text size="sm">{view.state.statusText}</Text>
          </Group>
          <Text size="sm">
            {view.withinReferralWindow ? 'Within 18 months of the earliest release date: an assessment is sent to the community probation team.' : 'Not yet within 18 months of the earliest release date.'}
          </Text>
          {view.state.needsNotify ? (
            <Text size="sm" fw={600}>
              This case is now within the referral window: reassess it so the community probation team can be told.
            </Text>
          ) : null}
          {latest && view.state.state === 'decision_pending' && canDecide ? <DecisionButtons prisonerId={prisonerId} assessment={latest} /> : null}
          <DataTable
            caption={`Early allocation assessments (${view.assessments.length}), newest first`}
            rows={view.assessments}
            rowKey={(r) => r.id}
            empty="No early allocation assessment saved."
            columns={[
              { header: 'Assessed on', cell: (r) => formatDate(r.createdOn) },
              { header: 'By', cell: (r) => r.assessor },
              { header: 'OASys date', cell: (r) => formatDate(r.oasysDate) },
              { header: 'Outcome', cell: (r) => r.longOutcome },
              { header: 'Community decision', cell: (r) => (r.communityDecision === null ? 'None' : `${r.communityDecision ? 'Accepted' : 'Not accepted'} on ${formatDate(r.communityDecisionOn ?? r.createdOn)}`) },
              { header: 'This sentence', cell: (r) => (r.countsForThisSentence ? 'Yes' : 'No (earlier sentence)') },
            ]}
          />
          {latest && !assessing ? <DraftReferral prisonerId={prisonerId} assessment={latest} /> : null}
          {assessing ? <AssessmentForm prisonerId={prisonerId} view={view} onDone={() => setAssessing(false)} /> : null}
          {canAssess && !assessing && view.lduEmail === null ? (
            // Spec C.1: "Starting needs the case's LDU email"; the main process refuses without it too.
            <Text size="sm">Record the LDU’s email in this case’s handover details before assessing early allocation: a referral goes to the LDU.</Text>
          ) : null}
          {canAssess && !assessing && view.lduEmail !== null ? (
            <Group>
              <Button variant="default" onClick={() => setAssessing(true)} {...channelTag('caseWork.assessEarlyAllocation')}>
                {view.state.state === 'eligible' || view.state.state === 'decision_pending' ? 'Reassess' : view.state.actionLink}
              </Button>
            </Group>
          ) : null}
          {!canAssess ? <Text size="sm">{whoCan('caseWork.assessEarlyAllocation')}</Text> : null}
        </Stack>
      )}
    </Paper>
  )
}

/**
 * Spec C.1: "Saved inside the referral window, eligible drafts a referral to the LDU, discretionary a
 * request for a decision": the latest assessment of this sentence offers the drafted email, opened
 * in the user's email program through the main process (a mailto: link only), as "Notify the community".
 */
function DraftReferral({ prisonerId, assessment }: { prisonerId: number; assessment: EarlyAllocationAssessmentView }) {
  const draft = useDraftReferral()
  const canDraft = useCan('caseWork.draftReferral')
  const offered = assessment.countsForThisSentence && assessment.createdWithinReferralWindow && (assessment.outcome === 'eligible' || assessment.outcome === 'discretionary')
  if (!offered || !canDraft) return null
  const decision = assessment.outcome === 'discretionary'
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="default"
          loading={draft.isPending}
          onClick={() => draft.mutate({ prisonerId, assessmentId: assessment.id }, { onSuccess: () => notifications.show({ color: 'teal', message: 'Your email program opened the drafted email. Check it and send it from there.' }) })}
          {...channelTag('caseWork.draftReferral')}
        >
          {decision ? 'Draft request for a decision' : 'Draft referral email'}
        </Button>
        <Text size="xs" c="dimmed">
          {decision ? 'Opens a drafted email asking the community probation team to decide, in your email program.' : 'Opens a drafted referral to the LDU (or the COM) in your email program.'}
        </Text>
      </Group>
      {draft.error ? <ErrorText error={draft.error} title="The email was not drafted" /> : null}
    </Stack>
  )
}
