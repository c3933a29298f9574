import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import type { Establishment } from '../../../shared/ipc/channels/establishment'
import { ConfirmPasswordInput, isPasswordError } from '../app/ConfirmPasswordInput'
import { ErrorText } from '../app/ErrorText'
import { EstablishmentFields, type EstablishmentDraft } from '../app/EstablishmentFields'
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
import { CatalogSection } from './settings/CatalogSection'
import { useAuthStatus } from '../data/authHooks'
import { BackupSection } from './settings/BackupSection'
import { RecoveryKeySection } from './settings/RecoveryKeySection'
import { AuditTrailSection } from './settings/AuditTrailSection'
import { StorageSection } from './storage/StorageSection'
import { EstablishmentReadOnly, HolidaysReadOnly } from './settings/ReadOnlySettings'
import { channelTag, useCan } from '../app/can'

const stageOptions = ([4, 3, 2, 1] as const).map((s) => ({ value: String(s), label: STAGE_NAMES[s] }))

function EstablishmentForm({ est }: { est: Establishment }) {
  const [draft, setDraft] = useState<EstablishmentDraft>({ name: est.name, code: est.code, category: est.category, policy: est.policy })
  const [stages, setStages] = useState({ current: String(est.currentStage), target: String(est.targetStage) })
  // Changing the establishment's details asks for the HOMS's password again (issue 15).
  const [password, setPassword] = useState('')
  const update = useUpdateEstablishment()
  const error = update.error instanceof OmuError ? update.error : null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    update.mutate(
      {
        name: draft.name,
        code: draft.code,
        category: (draft.category ?? undefined) as Establishment['category'] | undefined,
        policy: draft.policy,
        currentStage: Number(stages.current) as Establishment['currentStage'],
        targetStage: Number(stages.target) as Establishment['targetStage'],
        password,
      },
      {
        onSuccess: () => notifications.show({ message: 'Establishment details saved.', color: 'teal' }),
        onError: (err) => (isPasswordError(err) ? setPassword('') : undefined),
      },
    )
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="est-title">
      <Stack>
        <Title order={2} size="h3" id="est-title">
          Establishment
        </Title>
        <EstablishmentFields value={draft} onChange={setDraft} errorField={error?.field} errorMessage={error?.message} />
        <Group grow>
          <NativeSelect label="Current EDM stage" data={stageOptions} value={stages.current} onChange={(e) => setStages({ ...stages, current: e.currentTarget.value })} />
          <NativeSelect label="Target EDM stage" data={stageOptions} value={stages.target} onChange={(e) => setStages({ ...stages, target: e.currentTarget.value })} error={error?.field === 'targetStage' ? error.message : undefined} />
        </Group>
        <ConfirmPasswordInput value={password} onChange={setPassword} why="changing the establishment’s details" error={update.error} />
        {isPasswordError(update.error) ? null : <ErrorText error={update.error} title="Not saved" />}
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
