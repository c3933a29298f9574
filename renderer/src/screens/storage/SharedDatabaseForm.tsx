import { Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { SharedLocationInput, Storage } from '../../../../shared/ipc/channels/storage'
import { ErrorText } from '../../app/ErrorText'
import { Notice } from '../../app/Notice'
import { useTestConnection } from '../../data/storageHooks'
import { asksPlainTextPermission, draftFrom, fieldError, missingFields, needsCaFile, plainMessage, TLS_LABELS, TLS_WARNINGS, toLocation, type FieldName, type LocationDraft, type TlsMode } from './location'
import { CredentialFields } from './CredentialFields'

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
  const [draft, setDraft] = useState<LocationDraft>(() => draftFrom(current))
  const [missing, setMissing] = useState<Partial<Record<FieldName, string>>>({})
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const test = useTestConnection()
  // The details the last test was run with: a change to them makes its answer out of date.
  const [testedWith, setTestedWith] = useState<string | null>(null)
  // After a check finds empty fields, focus moves to the first, whose message says what to enter.
  const formRef = useRef<HTMLFormElement>(null)
  const [focusFirstMissing, setFocusFirstMissing] = useState(0)
  useEffect(() => {
    if (focusFirstMissing > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [focusFirstMissing])
  const location = toLocation(draft)
  const key = JSON.stringify(location)
  const answer = test.data && testedWith === key ? test.data : null

  const refused = fieldError(useError) ?? fieldError(test.error)
  const error = (name: FieldName) => missing[name] ?? (refused?.field === name ? refused.message : undefined)
  /** An edit clears that field's "enter ..." message (the main process's refusals stay until the next try). */
  const clear = (name: FieldName) => setMissing((m) => ({ ...m, [name]: undefined }))
  const set = (patch: Partial<LocationDraft>) => {
    setDraft({ ...draft, ...patch })
    for (const name of Object.keys(patch) as FieldName[]) clear(name)
  }

  const check = (m: Partial<Record<FieldName, string>>): boolean => {
    setMissing(m)
    const ok = Object.keys(m).length === 0
    if (!ok) setFocusFirstMissing((n) => n + 1)
    return ok
  }

  const runTest = (e: FormEvent) => {
    e.preventDefault()
    test.reset()
    const m = missingFields(draft)
    if (!username.trim()) m.username = 'Enter your username.'
    if (!password) m.password = 'Enter your password.'
    if (!check(m)) return
    setTestedWith(key)
    test.mutate({ location, username: username.trim(), password })
  }

  const use = () => {
    if (check(missingFields(draft))) onUse({ location, tested: answer?.ok === true })
  }

  const copy = () => {
    if (onCopy && check(missingFields(draft))) onCopy({ location, username: username.trim() })
  }

  const titleId = `${id}-test-title`
  return (
    <form ref={formRef} onSubmit={runTest} noValidate aria-label="The shared OMU database">
      <Stack maw={640}>
        <Group align="flex-start" wrap="nowrap">
          <TextInput
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
        <TextInput label="Database name" description="Usually omu" value={draft.database} onChange={(e) => set({ database: e.currentTarget.value })} error={error('database')} autoComplete="off" spellCheck={false} required />
        <NativeSelect
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
            label="Allow unencrypted connections to this server (a HOMS decision)"
            description={`Everyone’s password and the prisoners’ records would cross the network to ${draft.host.trim()} unencrypted: anyone on the network in between could read them, or pretend to be the server. Allow it only for a test server, and ask IT to turn TLS on. While it is allowed, every page says “Shared database: not encrypted”.`}
            checked={draft.allowPlainText}
            onChange={(e) => set({ allowPlainText: e.currentTarget.checked })}
            error={error('allowPlainText')}
          />
        ) : null}
        {needsCaFile(draft.tls) ? (
          <TextInput
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
            onUsername={(v) => {
              setUsername(v)
              clear('username')
            }}
            onPassword={(v) => {
              setPassword(v)
              clear('password')
            }}
            error={error}
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
        <ErrorText error={useError ? new Error(plainMessage(useError)) : null} title="Not changed" />
        <Group>
          <Button onClick={use} loading={usePending}>
            {useLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
