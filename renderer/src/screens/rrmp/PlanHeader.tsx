// Which version is shown, its status, and the HOMS's actions on it: submit to the Governor (the
// version is frozen from then on) or start a new version from a submitted one.
import { Alert, Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { SIGN_OFF_ROUTE } from '../../../../shared/engine/index'
import { rrmp, type PlanView } from '../../../../shared/ipc/channels/rrmp'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { fieldId, validateWith } from '../../lib/formErrors'
import { useMe, useNewVersion, useSubmitPlan } from '../../data/rrmpHooks'
import { formatDate } from '../../lib/format'
import { channelTag } from '../../app/can'

const HOMS_ROLE = SIGN_OFF_ROUTE[0]?.role ?? 'HOMS'
const FORM = 'submit-plan'
const FIELDS = [
  { name: 'by', label: 'Your name' },
  { name: 'role', label: 'Your role' },
  { name: 'password', label: CONFIRM_PASSWORD_LABEL },
] as const

interface SubmitValues {
  by: string
  role: string
  password: string
}

function SubmitDialog({ plan, opened, onClose }: { plan: PlanView; opened: boolean; onClose: () => void }) {
  const me = useMe()
  const submit = useSubmitPlan()
  const toInput = (v: SubmitValues) => ({ versionId: plan.version.id, rev: plan.version.rev, by: v.by, role: v.role, password: v.password })
  // Issue 16, "Form errors": rrmp.submit's own schema checks every field at once.
  const form = useForm<SubmitValues>({ mode: 'controlled', initialValues: { by: me?.displayName ?? '', role: HOMS_ROLE, password: '' }, validate: validateWith(rrmp.submit.input, toInput) })
  const { attempt, failed, refused } = useFormRefusal(form)
  const onSubmit = form.onSubmit(
    (v) =>
      submit.mutate(toInput(v), {
        onSuccess: onClose,
        onError: (e) => {
          form.setFieldValue('password', '')
          refused(e)
        },
      }),
    failed,
  )
  const id = (name: string) => fieldId(FORM, name)
  return (
    <Modal opened={opened} onClose={onClose} title={`Submit version ${plan.version.version} to the Governor`} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={otherRefusal(submit.error)} />
          <Text size="sm">Once submitted, this version is read-only. To change it later, start a new version.</Text>
          {plan.readiness.overall === 'ready' ? null : (
            <Alert color="yellow" title="The readiness assessment says not ready">
              {plan.readiness.blockers.length} mandatory baseline{plan.readiness.blockers.length === 1 ? ' is' : 's are'} not ready. You can still submit the plan with its assessment.
            </Alert>
          )}
          <TextInput id={id('by')} label="Your name" required {...form.getInputProps('by')} />
          <TextInput id={id('role')} label="Your role" {...form.getInputProps('role')} />
          <ConfirmPasswordInput
            id={id('password')}
            value={form.values.password}
            onChange={(v) => form.setFieldValue('password', v)}
            why="signing"
            error={null}
            clientError={typeof form.errors.password === 'string' ? form.errors.password : undefined}
            autoFocus
          />
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
        {/* Issue 17: the catalogue the plan was built from (chosen when it was started). */}
        <Text>
          <strong>Catalogue:</strong> {plan.catalogTitle}
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
