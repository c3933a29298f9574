// The sign-off route (seed 002, "Regime Recovery Management Plans- RRMP"): HOMS submits; the
// Governor approves or returns with comments; then the PGD and Prison Gold; the OMU section to
// Probation Gold via the DIB. Each step shows who, role, date and decision.
import { Alert, Button, Group, Paper, Radio, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { SIGN_OFF_ROUTE, type SignOffRouteStep } from '../../../../shared/engine/index'
import { decisionLabel, signOffStageLabel } from '../../../../shared/export/labels'
import type { PlanView } from '../../../../shared/ipc/channels/rrmp'
import { ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useDecide, useMe } from '../../data/rrmpHooks'
import { formatDate } from '../../lib/format'
import classes from '../rrmp/rrmp.module.css'

type DecideStage = 'governor' | 'pgd' | 'prison_gold' | 'dib' | 'probation_gold'

function DecisionForm({ plan, next, myName }: { plan: PlanView; next: SignOffRouteStep & { stage: DecideStage }; myName: string }) {
  // The Governor signs their own step; for the later steps they record who decided (issue 7).
  const [by, setBy] = useState(next.stage === 'governor' ? myName : '')
  const [role, setRole] = useState(next.role)
  const [decision, setDecision] = useState<'approved' | 'returned'>('approved')
  const [comments, setComments] = useState('')
  const [password, setPassword] = useState('')
  const decide = useDecide()
  const error = decide.error instanceof OmuError ? decide.error : null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    decide.mutate({ versionId: plan.version.id, stage: next.stage, decision, by, role, comments, password }, { onError: () => setPassword('') })
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="decide-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="decide-title">
          Record the {signOffStageLabel(next.stage)}’s decision
        </Title>
        <Text size="sm">{next.description}</Text>
        <Group grow align="flex-start">
          <TextInput label="Name of the person deciding" value={by} onChange={(e) => setBy(e.currentTarget.value)} required error={error?.field === 'by' ? error.message : undefined} classNames={{ error: classes.error }} />
          <TextInput label="Their role" value={role} onChange={(e) => setRole(e.currentTarget.value)} />
        </Group>
        <Radio.Group label="Decision" value={decision} onChange={(v) => setDecision(v as 'approved' | 'returned')}>
          <Group mt={6}>
            <Radio value="approved" label="Approve" />
            <Radio value="returned" label="Return with comments" />
          </Group>
        </Radio.Group>
        <Textarea
          label={decision === 'returned' ? 'Comments (required for a return)' : 'Comments (optional)'}
          autosize
          minRows={2}
          value={comments}
          onChange={(e) => setComments(e.currentTarget.value)}
          error={error?.field === 'comments' ? error.message : undefined}
          classNames={{ error: classes.error }}
        />
        <ConfirmPasswordInput value={password} onChange={setPassword} why="recording a sign-off decision" error={decide.error} />
        {error && !['comments', 'by', 'password'].includes(error.field ?? '') ? <ErrorText error={decide.error} title="Decision not recorded" /> : null}
        <Group>
          <Button type="submit" loading={decide.isPending}>
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
      if (me?.role !== 'governor') return <Text>Awaiting the {signOffStageLabel(next.stage)}. Only a Governor records sign-off decisions, with their password.</Text>
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
          <Table.Caption>Each step: who, their role, the date and the decision. Steps not reached yet are shown as “Not yet”.</Table.Caption>
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
                  <Table.Td>{done?.by ?? '—'}</Table.Td>
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
