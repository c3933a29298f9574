import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import { useForm } from '@mantine/form'
import { establishment as establishmentChannels, type Establishment } from '../../../shared/ipc/channels/establishment'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput, isPasswordError } from '../app/ConfirmPasswordInput'
import { ErrorSummary } from '../app/ErrorSummary'
import { ErrorText } from '../app/ErrorText'
import { ESTABLISHMENT_FIELDS, EstablishmentFields, type EstablishmentDraft } from '../app/EstablishmentFields'
import { fieldId, formErrors, serverFieldError } from '../lib/formErrors'
import { PageHeading } from '../app/PageHeading'
import { OmuError } from '../data/client'
import { useAppStatus, useEstablishment, useSettings, useUpdateEstablishment, useUpdateSettings } from '../data/hooks'
import { formatDate, STAGE_NAMES } from '../lib/format'
import { fromUkDate } from '../lib/dateParts'
import { StaffSection } from './settings/StaffSection'
import { PomCapacitySection } from './settings/PomCapacitySection'
import { UsersSection } from './settings/UsersSection'
import { RetentionSection } from './settings/RetentionSection'
import { MissedSection } from './settings/MissedSection'
import { PomTypeStrategySection } from './settings/PomTypeStrategySection'
import { HandoverSettingsSection } from './settings/HandoverSettingsSection'
import { CatalogSection } from './settings/CatalogSection'
import { useAuthStatus } from '../data/authHooks'
import { BackupSection } from './settings/BackupSection'
import { RecoveryKeySection } from './settings/RecoveryKeySection'
import { AuditTrailSection } from './settings/AuditTrailSection'
import { StorageSection } from './storage/StorageSection'
import { EstablishmentReadOnly, HolidaysReadOnly } from './settings/ReadOnlySettings'
import { channelTag, useCan } from '../app/can'

const stageOptions = ([4, 3, 2, 1] as const).map((s) => ({ value: String(s), label: STAGE_NAMES[s] }))

interface EstablishmentValues extends EstablishmentDraft {
  currentStage: string
  targetStage: string
  password: string
}

const ESTABLISHMENT_FORM_FIELDS = [
  ...ESTABLISHMENT_FIELDS,
  { name: 'currentStage', label: 'Current EDM stage' },
  { name: 'targetStage', label: 'Target EDM stage' },
  { name: 'password', label: CONFIRM_PASSWORD_LABEL },
] as const

const establishmentInput = (v: EstablishmentValues) => ({
  name: v.name,
  code: v.code,
  category: v.category ?? undefined,
  policy: v.policy,
  currentStage: Number(v.currentStage),
  targetStage: Number(v.targetStage),
  password: v.password,
})

function EstablishmentForm({ est }: { est: Establishment }) {
  // Issue 16: every problem at once, by the contract's own rules, in a summary at the top.
  const form = useForm<EstablishmentValues>({
    mode: 'controlled',
    initialValues: { name: est.name, code: est.code, category: est.category, policy: est.policy, currentStage: String(est.currentStage), targetStage: String(est.targetStage), password: '' },
    validate: (v) => {
      const errors = formErrors(establishmentChannels.update.input, establishmentInput(v))
      // Changing the establishment's details asks for the HOMS's password again (issue 15).
      if (!v.password) errors.password = 'Enter your own password, to confirm.'
      return errors
    },
  })
  const [attempt, setAttempt] = useState(0)
  const update = useUpdateEstablishment()
  const refusal = update.error instanceof OmuError ? update.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null
  const submit = form.onSubmit(
    (v) =>
      // mutateAsync, not mutate's callbacks: the form is keyed by updatedAt, so a successful save
      // remounts it with the new values, and mutate's own callbacks would be dropped with it.
      void update.mutateAsync(establishmentInput(v) as Parameters<typeof update.mutate>[0]).then(
        () => notifications.show({ message: 'Establishment details saved.', color: 'teal' }),
        (e: unknown) => {
          form.setFieldValue('password', '')
          const f = serverFieldError(e instanceof OmuError ? e : null)
          if (f) form.setFieldError(f.field, f.message)
          setAttempt((n) => n + 1)
        },
      ),
    () => setAttempt((n) => n + 1),
  )
  const id = (name: string) => fieldId('establishment', name)
  return (
    <form onSubmit={submit} noValidate aria-labelledby="est-title">
      <Stack>
        <Title order={2} size="h3" id="est-title">
          Establishment
        </Title>
        <ErrorSummary formId="establishment" errors={form.errors} fields={ESTABLISHMENT_FORM_FIELDS} attempt={attempt} other={other} />
        <EstablishmentFields formId="establishment" value={form.values} onChange={(d) => form.setValues(d)} errors={form.errors} />
        <Group grow align="flex-start">
          <NativeSelect id={id('currentStage')} label="Current EDM stage" data={stageOptions} {...form.getInputProps('currentStage')} />
          <NativeSelect id={id('targetStage')} label="Target EDM stage" data={stageOptions} {...form.getInputProps('targetStage')} />
        </Group>
        <ConfirmPasswordInput
          id={id('password')}
          value={form.values.password}
          onChange={(v) => form.setFieldValue('password', v)}
          why="changing the establishment’s details"
          error={update.error}
          clientError={typeof form.errors.password === 'string' ? form.errors.password : undefined}
        />
        <Group>
          <Button type="submit" loading={update.isPending} {...channelTag('establishment.update')}>
            Save establishment
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function HolidaysForm({ initial }: { initial: string[] }) {
  // Shown and typed as dd/mm/yyyy (issue 16), kept as 'YYYY-MM-DD'.
  const [text, setText] = useState(initial.map((d) => formatDate(d)).join('\n'))
  const [notDates, setNotDates] = useState<string[]>([])
  // A settings change: the HOMS's password is asked again (issue 15).
  const [password, setPassword] = useState('')
  const update = useUpdateSettings()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const typed = text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean)
    const bad = typed.filter((t) => fromUkDate(t) === null)
    setNotDates(bad)
    if (bad.length > 0) return
    const days = typed.map((t) => fromUkDate(t) ?? t)
    update.mutate(
      { extraHolidays: days, password },
      {
        onSuccess: () => {
          setPassword('')
          notifications.show({ message: 'Extra holidays saved.', color: 'teal' })
        },
        onError: (err) => (isPasswordError(err) ? setPassword('') : undefined),
      },
    )
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="hol-title">
      <Stack>
        <Title order={2} size="h3" id="hol-title">
          Extra non-working days
        </Title>
        <Text size="sm">
          England and Wales bank holidays are already counted. Add any other days the OMU does not work, one per line as dd/mm/yyyy (for example 27/12/2027); they are skipped when
          counting working days (the 14-working-day transfer session and the one-working-day record rule).
        </Text>
        <Textarea
          label="Extra non-working days"
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={notDates.length > 0 ? `Write each day as dd/mm/yyyy, for example 27/12/2027. Not written so: ${notDates.join(', ')}.` : undefined}
        />
        <ConfirmPasswordInput value={password} onChange={setPassword} why="changing the non-working days" error={update.error} />
        {isPasswordError(update.error) ? null : <ErrorText error={update.error} title="Not saved" />}
        <Group>
          <Button type="submit" loading={update.isPending} {...channelTag('settings.update')}>
            Save non-working days
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function SettingsScreen() {
  const { data: est } = useEstablishment()
  const { data: settings } = useSettings()
  const { data: status } = useAppStatus()
  const { data: auth } = useAuthStatus(true)
  // Issue 16: each section shows its form only to a role the rules table lets change it.
  const canChangeEstablishment = useCan('establishment.update')
  const canChangeSettings = useCan('settings.update')
  const canCheckTrail = useCan('audit.checkChain')
  const canImportCatalogs = useCan('catalogs.import')
  const canReviewRetention = useCan('retention.review')
  const canChooseStorage = useCan('storage.copyToShared')
  const canExportKey = useCan('backup.exportRecoveryKey')
  return (
    <>
      <PageHeading title="Settings" />
      <Stack gap="lg">
        <Paper withBorder p="lg">{est ? canChangeEstablishment ? <EstablishmentForm key={est.updatedAt} est={est} /> : <EstablishmentReadOnly est={est} /> : null}</Paper>
        <Paper withBorder p="lg">
          <StaffSection />
        </Paper>
        <Paper withBorder p="lg">
          <PomCapacitySection />
        </Paper>
        {auth?.user ? (
          <Paper withBorder p="lg">
            <UsersSection me={auth.user} />
          </Paper>
        ) : null}
        {canImportCatalogs ? (
          <Paper withBorder p="lg">
            <CatalogSection />
          </Paper>
        ) : null}
        {canReviewRetention ? (
          <Paper withBorder p="lg">
            <RetentionSection />
          </Paper>
        ) : null}
        {canChangeSettings ? (
          <Paper withBorder p="lg">
            <MissedSection />
          </Paper>
        ) : null}
        {canChangeSettings ? (
          <Paper withBorder p="lg">
            <PomTypeStrategySection />
          </Paper>
        ) : null}
        {canChangeSettings ? (
          <Paper withBorder p="lg">
            <HandoverSettingsSection />
          </Paper>
        ) : null}
        <Paper withBorder p="lg">{settings ? canChangeSettings ? <HolidaysForm initial={settings.extraHolidays} /> : <HolidaysReadOnly days={settings.extraHolidays} /> : null}</Paper>
        {canCheckTrail ? (
          <Paper withBorder p="lg">
            <AuditTrailSection />
          </Paper>
        ) : null}
        {canChooseStorage ? (
          <Paper withBorder p="lg">
            <StorageSection appVersion={status?.appVersion} />
          </Paper>
        ) : (
          <Paper withBorder p="lg">
            <Title order={2} size="h3">
              Data file
            </Title>
            <Text size="sm" mt="xs">
              {status ? `${status.storage.kind === 'shared' ? `Stored in the shared OMU database ${status.dbPath}` : `Stored on this computer at ${status.dbPath}`}. App version ${status.appVersion}.` : null}
            </Text>
          </Paper>
        )}
        <Paper withBorder p="lg">
          {status?.storage.kind === 'shared' ? (
            <>
              <Title order={2} size="h3">
                Backups
              </Title>
              <Text size="sm" mt="xs">
                The shared OMU database is backed up on its server by IT, not by this app. Ask IT if something needs to be restored.
              </Text>
            </>
          ) : (
            <Stack gap="xl">
              <BackupSection />
              {canExportKey ? <RecoveryKeySection /> : null}
            </Stack>
          )}
        </Paper>
      </Stack>
    </>
  )
}
