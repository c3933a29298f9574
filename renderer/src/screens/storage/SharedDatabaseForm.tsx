import { Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect, useId, useState } from 'react'
import { sharedLocationSchema, storage as storageChannels, type SharedLocationInput, type Storage } from '../../../../shared/ipc/channels/storage'
import { ErrorSummary } from '../../app/ErrorSummary'
import { Notice } from '../../app/Notice'
import { useFormRefusal } from '../../app/useFormRefusal'
import { useTestConnection } from '../../data/storageHooks'
import { fieldId, formErrors, type FieldErrors } from '../../lib/formErrors'
import { asksPlainTextPermission, draftFrom, fieldError, needsCaFile, plainMessage, TLS_LABELS, TLS_WARNINGS, toLocation, type FieldName, type LocationDraft, type TlsMode } from './location'
import { CredentialFields } from './CredentialFields'

type Values = LocationDraft & { username: string; password: string }
const FIELDS = [
  { name: 'host', label: 'Server name or address' },
  { name: 'port', label: 'Port' },
  { name: 'database', label: 'Database name' },
  { name: 'tls', label: 'Encryption (TLS)' },
  { name: 'allowPlainText', label: 'Allow unencrypted connections' },
  { name: 'caFile', label: 'CA certificate file' },
  { name: 'username', label: 'Your username on the shared database' },
  { name: 'password', label: 'Your password on the shared database' },
] as const

/**
 * Issue 16, "Form errors": the contract's own schemas check every field at once, the address
 * alone (storage.choose) or with the user's sign-in too (storage.test), keyed as the form's fields.
 */
function check(v: Values, withSignIn: boolean): FieldErrors {
  if (!withSignIn) return formErrors(sharedLocationSchema, toLocation(v))
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(formErrors(storageChannels.test.input, { location: toLocation(v), username: v.username.trim(), password: v.password }))) out[path.replace(/^location\./, '')] = message
  return out
}

const TLS_OPTIONS = (Object.keys(TLS_LABELS) as TlsMode[]).map((value) => ({ value, label: TLS_LABELS[value] }))

export interface UseRequest {
  location: SharedLocationInput
  /** True when the last connection test, with these same details, worked. */
  tested: boolean
}

export interface CopyRequest {
  location: SharedLocationInput
  /** The username typed for the connection test, if any, to start the copy's sign-in with (never the password). */
  username: string
}

/**
 * The shared OMU database's address (issue 13), a connection test with the user's own sign-in
 * (used for the test only, never kept), and the button that makes it this computer's store. Used
 * by Settings (a HOMS) and by first run. Enter in any field runs the test, never the switch.
 */
export function SharedDatabaseForm({
  current,
  useLabel,
  onUse,
  usePending = false,
  useError = null,
  onCopy,
}: {
  current: Storage | undefined
  useLabel: string
  onUse: (request: UseRequest) => void
  usePending?: boolean
  /** A refusal of the switch itself, shown under the field it names or below the buttons. */
  useError?: unknown
  /** Settings, data on this computer: a secondary action that copies it into this shared database first. */
  onCopy?: (request: CopyRequest) => void
}) {
  const id = useId()
  const formId = `shared-db${id.replace(/[^A-Za-z0-9_-]/g, '')}`
  const form = useForm<Values>({ mode: 'controlled', initialValues: { ...draftFrom(current), username: '', password: '' } })
  const { attempt, failed } = useFormRefusal(form)
  const draft = form.values
  const { username, password } = draft
  const test = useTestConnection()
  // The details the last test was run with: a change to them makes its answer out of date.
  const [testedWith, setTestedWith] = useState<string | null>(null)
  const location = toLocation(draft)
  const key = JSON.stringify(location)
  const answer = test.data && testedWith === key ? test.data : null

  // A refusal of the switch (or of the test) naming a field is shown on it and in the summary; the main process's refusals stay until the next try.
  const refused = fieldError(useError) ?? fieldError(test.error)
  const errors: Record<string, unknown> = refused && !form.errors[refused.field] ? { ...form.errors, [refused.field]: refused.message } : form.errors
  const error = (name: FieldName) => (typeof errors[name] === 'string' ? (errors[name] as string) : undefined)
  const other = useError && !fieldError(useError) ? plainMessage(useError) : null
  // A refused switch moves the focus to the summary, as a failed check does.
  useEffect(() => {
    if (useError) failed()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new refusal counts as an attempt
  }, [useError])
  /** An edit clears that field's message. */
  const set = (patch: Partial<Values>) => {
    form.setValues(patch)
    for (const name of Object.keys(patch)) form.clearFieldError(name)
  }

  /** Every problem at once, in the summary, before anything is sent. */
  const valid = (withSignIn: boolean): boolean => {
    const found = check(draft, withSignIn)
    form.setErrors(found)
    const ok = Object.keys(found).length === 0
    if (!ok) failed()
    return ok
  }

  const runTest = (e: React.FormEvent) => {
    e.preventDefault()
    test.reset()
    if (!valid(true)) return
    setTestedWith(key)
    test.mutate({ location, username: username.trim(), password })
  }

  const use = () => {
    if (valid(false)) onUse({ location, tested: answer?.ok === true })
  }

  const copy = () => {
    if (onCopy && valid(false)) onCopy({ location, username: username.trim() })
  }
  const fid = (name: string) => fieldId(formId, name)

  const titleId = `${id}-test-title`
  return (
    <form onSubmit={runTest} noValidate aria-label="The shared OMU database">
      <Stack maw={640}>
        <ErrorSummary formId={formId} errors={errors} fields={FIELDS} attempt={attempt} other={other} />
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            id={fid('host')}
            style={{ flex: 1 }}
            label="Server name or address"
            description="For example omu-db.example.gov.uk or 10.20.30.40. IT gives you this."
            value={draft.host}
            onChange={(e) => set({ host: e.currentTarget.value })}
            error={error('host')}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <NumberInput
            id={fid('port')}
            w={130}
            label="Port"
            description="Usually 5432"
            value={draft.port}
            onChange={(v) => set({ port: v })}
            min={1}
            max={65535}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            hideControls
            error={error('port')}
            required
          />
        </Group>
        <TextInput id={fid('database')} label="Database name" description="Usually omu" value={draft.database} onChange={(e) => set({ database: e.currentTarget.value })} error={error('database')} autoComplete="off" spellCheck={false} required />
        <NativeSelect
          id={fid('tls')}
          label="Encryption (TLS)"
          data={TLS_OPTIONS}
          value={draft.tls}
          onChange={(e) => set({ tls: e.currentTarget.value as TlsMode })}
          description={TLS_WARNINGS[draft.tls]}
          error={error('tls')}
        />
        {asksPlainTextPermission(draft) ? (
          // Issue 14: the app refuses plain text to another computer unless a HOMS ticks this. The
          // warning is the checkbox's description, read with it, and stays while it is ticked.
          <Checkbox
            id={fid('allowPlainText')}
            label="Allow unencrypted connections to this server (a HOMS decision)"
            description={`Everyone’s password and the prisoners’ records would cross the network to ${draft.host.trim()} unencrypted: anyone on the network in between could read them, or pretend to be the server. Allow it only for a test server, and ask IT to turn TLS on. While it is allowed, every page says “Shared database: not encrypted”.`}
            checked={draft.allowPlainText}
            onChange={(e) => set({ allowPlainText: e.currentTarget.checked })}
            error={error('allowPlainText')}
          />
        ) : null}
        {needsCaFile(draft.tls) ? (
          <TextInput
            id={fid('caFile')}
            label="CA certificate file"
            description="The full path of the estate’s CA certificate, a PEM file (for example C:\OMU\estate-ca.pem). Leave it empty only if the server’s certificate is from a public certificate authority."
            value={draft.caFile}
            onChange={(e) => set({ caFile: e.currentTarget.value })}
            error={error('caFile')}
            autoComplete="off"
            spellCheck={false}
          />
        ) : null}

        <Stack gap="xs" mt="sm" role="group" aria-labelledby={titleId}>
          <Title order={3} size="h4" id={titleId}>
            Test the connection
          </Title>
          <Text size="sm">Sign in to the shared database with your own username and password to check these details. They are used for this test only and are not kept.</Text>
          <CredentialFields
            username={username}
            password={password}
            onUsername={(v) => set({ username: v })}
            onPassword={(v) => set({ password: v })}
            error={error}
            idPrefix={formId}
          />
          <Group>
            <Button type="submit" variant="default" loading={test.isPending}>
              Test the connection
            </Button>
          </Group>
          {/* Always on the page, so a screen reader announces the answer when it arrives. */}
          <div role="status">
            {answer ? (
              <Notice tone={answer.ok ? 'success' : 'failure'} title={answer.ok ? 'The connection works' : 'The connection does not work'}>
                {answer.message}
              </Notice>
            ) : test.error ? (
              <Notice tone="failure" title="Not tested">
                {plainMessage(test.error)}
              </Notice>
            ) : null}
          </div>
        </Stack>

        {onCopy ? (
          <Stack gap={6} mt="sm" align="flex-start">
            <Text size="sm">To start the shared database with this computer’s data, copy it there before you use it.</Text>
            <Button variant="default" onClick={copy}>
              Copy this computer’s data into the shared database…
            </Button>
          </Stack>
        ) : null}
        <Group>
          <Button onClick={use} loading={usePending}>
            {useLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
