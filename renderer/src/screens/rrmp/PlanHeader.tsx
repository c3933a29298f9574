// Which version is shown, its status, and the HOMS's actions on it: submit to the Governor (the
// version is frozen from then on) or start a new version from a submitted one.
import { Alert, Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { SIGN_OFF_ROUTE } from '../../../../shared/engine/index'
import type { PlanView } from '../../../../shared/ipc/channels/rrmp'
import { ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useMe, useNewVersion, useSubmitPlan } from '../../data/rrmpHooks'
import { formatDate } from '../../lib/format'
import { channelTag } from '../../app/can'

const HOMS_ROLE = SIGN_OFF_ROUTE[0]?.role ?? 'HOMS'

function SubmitDialog({ plan, opened, onClose }: { plan: PlanView; opened: boolean; onClose: () => void }) {
  const me = useMe()
  const [by, setBy] = useState(me?.displayName ?? '')
  const [role, setRole] = useState(HOMS_ROLE)
  const [password, setPassword] = useState('')
  const submit = useSubmitPlan()
  const error = submit.error instanceof OmuError ? submit.error : null
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    submit.mutate({ versionId: plan.version.id, rev: plan.version.rev, by, role, password }, { onSuccess: onClose, onError: () => setPassword('') })
  }
  return (
    <Modal opened={opened} onClose={onClose} title={`Submit version ${plan.version.version} to the Governor`} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">Once submitted, this version is read-only. To change it later, start a new version.</Text>
          {plan.readiness.overall === 'ready' ? null : (
            <Alert color="yellow" title="The readiness assessment says not ready">
              {plan.readiness.blockers.length} mandatory baseline{plan.readiness.blockers.length === 1 ? ' is' : 's are'} not ready. You can still submit the plan with its assessment.
            </Alert>
          )}
          <TextInput label="Your name" value={by} onChange={(e) => setBy(e.currentTarget.value)} required />
          <TextInput label="Your role" value={role} onChange={(e) => setRole(e.currentTarget.value)} />
          <ConfirmPasswordInput value={password} onChange={setPassword} why="signing" error={submit.error} autoFocus />
          {error && error.field !== 'password' ? <ErrorText error={submit.error} title="Not submitted" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={submit.isPending} {...channelTag('rrmp.submit')}>
              Submit version {plan.version.version}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

export function PlanHeader({ plan, canEdit, onSelectVersion }: { plan: PlanView; canEdit: boolean; onSelectVersion: (id: number | undefined) => void }) {
  const [submitting, setSubmitting] = useState(false)
  const newVersion = useNewVersion()
  const v = plan.version
  const submitted = plan.signOff.steps.find((s) => s.stage === 'submit')
  return (
    <Paper withBorder p="lg" component="section" aria-label="Plan version">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <NativeSelect
            label="Plan version"
            w={360}
            data={plan.versions.map((x) => ({ value: String(x.id), label: `Version ${x.version}: ${x.statusText}` }))}
            value={String(v.id)}
            onChange={(e) => {
              const id = Number(e.currentTarget.value)
              onSelectVersion(plan.versions.find((x) => x.id === id)?.latest ? undefined : id)
            }}
          />
          <Group>
            {!canEdit ? null : !v.frozen ? (
              <Button onClick={() => setSubmitting(true)} {...channelTag('rrmp.submit')}>
                Submit version {v.version} to the Governor
              </Button>
            ) : v.latest ? (
              <Button variant="default" loading={newVersion.isPending} {...channelTag('rrmp.newVersion')} onClick={() => newVersion.mutate({ fromVersionId: v.id }, { onSuccess: () => onSelectVersion(undefined) })}>
                Start a new version
              </Button>
            ) : null}
          </Group>
        </Group>
        <Text>
          <strong>Status:</strong> {v.statusText}
        </Text>
        {v.frozen ? (
          <Alert color="blue" title={`Version ${v.version} is read-only`}>
            It was submitted{submitted ? ` by ${submitted.by} on ${formatDate(submitted.date)}` : ''}, so it can no longer be changed.
            {!v.latest ? ' A later version exists.' : canEdit ? ' To make changes, start a new version: it copies this one and shows what you change.' : ''}
          </Alert>
        ) : null}
        {canEdit ? null : <Text size="sm">Read-only: only the HOMS edits and submits the RRMP.</Text>}
        <ErrorText error={newVersion.error} title="New version not started" />
      </Stack>
      <SubmitDialog key={String(submitting)} plan={plan} opened={submitting} onClose={() => setSubmitting(false)} />
    </Paper>
  )
}
