// The sign-off route (seed 002, "Regime Recovery Management Plans- RRMP"): HOMS submits; the
// Governor approves or returns with comments; then the PGD and Prison Gold; the OMU section to
// Probation Gold via the DIB. Each step shows who, role, date and decision.
import { Alert, Button, Group, List, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { SIGN_OFF_ROUTE, type SignOffRouteStep } from '../../../../shared/engine/index'
import { decisionLabel, signOffStageLabel } from '../../../../shared/export/labels'
import type { PlanView } from '../../../../shared/ipc/channels/rrmp'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { ErrorSummary } from '../../app/ErrorSummary'
import { readiness } from '../../../../shared/ipc/channels/readiness'
import { fieldId, formErrors, serverFieldError } from '../../lib/formErrors'
import { OmuError } from '../../data/client'
import { useDecide, useMe } from '../../data/rrmpHooks'
import { formatDate } from '../../lib/format'
import classes from '../rrmp/rrmp.module.css'
import { mayCall } from '../../../../shared/permissions/rules'
import { channelTag } from '../../app/can'

type DecideStage = 'governor' | 'pgd' | 'prison_gold' | 'dib' | 'probation_gold'

interface DecisionValues {
  by: string
  role: string
  /** No decision is chosen for the Governor (issue 16): they pick one. */
  decision: '' | 'approved' | 'returned'
  comments: string
  password: string
}

const DECISION_FIELDS = [
  { name: 'by', label: 'Name of the person deciding' },
  { name: 'role', label: 'Their role' },
  { name: 'decision', label: 'Decision' },
  { name: 'comments', label: 'Reasons for returning it' },
  { name: 'password', label: CONFIRM_PASSWORD_LABEL },
] as const

/**
 * The contract's rules for the decision (shared/ipc/channels/readiness.ts), plus what the sign-off
 * route needs before it is sent: a decision chosen, and the reasons when it is a return (the
 * engine's rule too, shared/engine/omu/signOff.ts: "A return needs comments").
 */
function checkDecision(plan: PlanView, stage: DecideStage) {
  return (v: DecisionValues) => {
    const errors = formErrors(readiness.decide.input, { versionId: plan.version.id, stage, decision: v.decision || undefined, by: v.by, role: v.role, comments: v.comments, password: v.password })
    if (!v.decision) errors.decision = 'Choose whether to approve the plan or return it.'
    else delete errors.decision
    if (v.decision === 'returned' && v.comments.trim() === '') errors.comments = 'Give the reasons for returning the plan, so the HOMS knows what to change.'
    if (v.by.trim() === '') errors.by = 'Enter the name of the person who made the decision.'
    return errors
  }
}

function DecisionForm({ plan, next, myName }: { plan: PlanView; next: SignOffRouteStep & { stage: DecideStage }; myName: string }) {
  // The Governor signs their own step; for the later steps they record who decided (issue 7).
  const form = useForm<DecisionValues>({
    mode: 'controlled',
    initialValues: { by: next.stage === 'governor' ? myName : '', role: next.role, decision: '', comments: '', password: '' },
    validate: checkDecision(plan, next.stage),
  })
  const [attempt, setAttempt] = useState(0)
  const decide = useDecide()
  const refusal = decide.error instanceof OmuError ? decide.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null
  const formId = 'decision'
  const id = (name: string) => fieldId(formId, name)
  const submit = form.onSubmit(
    (v) =>
      decide.mutate(
        { versionId: plan.version.id, stage: next.stage, decision: v.decision === 'returned' ? 'returned' : 'approved', by: v.by, role: v.role, comments: v.comments, password: v.password },
        {
          onError: (e) => {
            form.setFieldValue('password', '')
            const f = serverFieldError(e instanceof OmuError ? e : null)
            if (f) form.setFieldError(f.field, f.message)
            setAttempt((n) => n + 1)
          },
        },
      ),
    () => setAttempt((n) => n + 1),
  )
  const blockers = plan.readiness.blockers
  return (
    <form onSubmit={submit} noValidate aria-labelledby="decide-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="decide-title">
          Record the {signOffStageLabel(next.stage)}’s decision
        </Title>
        <Text size="sm">{next.description}</Text>
        <ErrorSummary formId={formId} errors={form.errors} fields={DECISION_FIELDS} attempt={attempt} other={other} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="sm">
            <Group grow align="flex-start">
              <TextInput id={id('by')} label="Name of the person deciding" required classNames={{ error: classes.error }} {...form.getInputProps('by')} />
              <TextInput id={id('role')} label="Their role" {...form.getInputProps('role')} />
            </Group>
            <Radio.Group label="Decision" withAsterisk {...form.getInputProps('decision')}>
              <Stack gap={6} mt={6}>
                <Radio id={id('decision')} value="approved" label="Approve the plan" />
                <Radio value="returned" label="Return it to the HOMS with reasons" />
              </Stack>
            </Radio.Group>
            {form.values.decision === 'returned' ? (
              <Textarea id={id('comments')} label="Reasons for returning it" description="Say what needs to change before it comes back." withAsterisk autosize minRows={3} classNames={{ error: classes.error }} {...form.getInputProps('comments')} />
            ) : (
              <Textarea id={id('comments')} label="Comments (optional)" autosize minRows={2} {...form.getInputProps('comments')} />
            )}
            <ConfirmPasswordInput
              id={id('password')}
              value={form.values.password}
              onChange={(v) => form.setFieldValue('password', v)}
              why="recording a sign-off decision"
              error={decide.error}
              clientError={typeof form.errors.password === 'string' ? form.errors.password : undefined}
            />
          </Stack>
          {/* Issue 16: what blocks the target stage, beside the decision it informs. */}
          <Paper withBorder p="sm" component="section" aria-labelledby="decide-blockers">
            <Title order={4} size="h5" id="decide-blockers">
              {blockers.length === 0 ? 'Nothing blocks the target stage' : `What blocks the target stage (${blockers.length})`}
            </Title>
            {blockers.length === 0 ? (
              <Text size="sm">Every applicable mandatory baseline is ready.</Text>
            ) : (
              <List size="sm" spacing={4} mt={4}>
                {blockers.map((b) => (
                  <List.Item key={b.baselineId}>
                    {/* Issue 16: each blocker by number and title, then why it is not ready. */}
                    <strong>{plan.baselineNames[b.baselineId] ?? `Baseline ${b.baselineId}`}</strong>
                    {b.weighting === null ? '' : ` (weighting ${b.weighting})`}: {b.reasons.join(' ') || 'not ready.'}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={decide.isPending} {...channelTag('readiness.decide')}>
            Record decision
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function NextStep({ plan }: { plan: PlanView }) {
  const me = useMe()
  const state = plan.signOff.state
  switch (state.kind) {
    case 'awaiting': {
      const next = state.next
      if (next.stage === 'submit') return <Text>Not submitted yet: the HOMS submits the plan from RRMP planning.</Text>
      if (!plan.version.latest) return <Text>A later version of the plan exists: decisions are recorded on the latest version.</Text>
      // Issue 16: the decision form only for a role the rules table lets decide (shared/permissions/rules.ts).
      if (!me || !mayCall(me.role, 'readiness.decide')) return <Text>Awaiting the {signOffStageLabel(next.stage)}. Only a Governor records sign-off decisions, with their password.</Text>
      return <DecisionForm key={`${plan.version.id}:${next.stage}`} plan={plan} next={{ ...next, stage: next.stage }} myName={me.displayName} />
    }
    case 'returned':
      return (
        <Alert color="orange" title="Returned with comments">
          <Text size="sm">
            {state.returned.by} ({state.returned.role}) returned version {plan.version.version} on {formatDate(state.returned.date)} with these comments:
          </Text>
          <Text size="sm" fs="italic" my={4}>
            {state.returned.comments}
          </Text>
          <Text size="sm">The HOMS starts a new version on the RRMP planning screen and submits it again.</Text>
        </Alert>
      )
    case 'complete':
      return (
        <Alert color="teal" title="Signed off">
          Every step of the route has approved version {plan.version.version}; Probation Gold signed off the OMU section on {formatDate(state.completedOn)}.
        </Alert>
      )
    case 'invalid':
      return <Alert color="red" title="The sign-off record has a problem">{state.problem}</Alert>
    default: {
      const never: never = state
      return never
    }
  }
}

export function SignOffPanel({ plan }: { plan: PlanView }) {
  const steps = plan.signOff.steps
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="signoff-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="signoff-title">
          Sign-off route for version {plan.version.version}
        </Title>
        <Table withTableBorder striped>
          <Table.Caption>Each step: who, their role, the date and the decision, and who recorded it when that was someone else. Steps not reached yet are shown as “Not yet”.</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Step</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Date</Table.Th>
              <Table.Th scope="col">Decision</Table.Th>
              <Table.Th scope="col">Comments</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SIGN_OFF_ROUTE.map((r) => {
              const done = steps.find((s) => s.stage === r.stage)
              return (
                <Table.Tr key={r.stage}>
                  <Table.Th scope="row">{signOffStageLabel(r.stage)}</Table.Th>
                  <Table.Td>
                    {done?.by ?? '—'}
                    {/* Issue 16: a decision recorded on someone's behalf names who recorded it. */}
                    {done?.recordedBy && done.recordedBy !== done.by ? (
                      <Text size="xs" c="dimmed">
                        Recorded by {done.recordedBy}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{done?.role ?? r.role}</Table.Td>
                  <Table.Td>{done ? formatDate(done.date) : '—'}</Table.Td>
                  <Table.Td>{done ? decisionLabel(done.decision) : 'Not yet'}</Table.Td>
                  <Table.Td>{done?.comments ?? ''}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
        <NextStep plan={plan} />
      </Stack>
    </Paper>
  )
}
