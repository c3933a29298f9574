import { Box, Button, Group, List, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect, useId, useRef } from 'react'
import { storage as storageChannels, type SharedLocationInput } from '../../../../shared/ipc/channels/storage'
import { ErrorSummary } from '../../app/ErrorSummary'
import { Notice } from '../../app/Notice'
import { useFormRefusal } from '../../app/useFormRefusal'
import { formErrors } from '../../lib/formErrors'
import { useCopyToShared } from '../../data/storageHooks'
import { describeLocation, fieldError, plainMessage } from './location'
import { CredentialFields } from './CredentialFields'

/** Plain names for the data file's tables (db/schema), in the words the app uses elsewhere. */
const TABLE_LABELS: Record<string, string> = {
  establishment: 'Establishment',
  app_setting: 'Settings',
  staff: 'Staff',
  prisoner: 'Prisoners',
  allocation: 'Allocations',
  supervision_session: 'Supervision sessions',
  plan_version: 'RRMP plan versions',
  plan_entry: 'RRMP plan entries',
  sign_off_step: 'Sign-off steps',
  imported_catalog: 'Imported EDM catalogues',
  comparison_import: 'Readiness exports for comparison',
  user_preference: 'Users’ saved preferences',
  app_user: 'Users',
  audit_log: 'Audit trail',
}

/** A table this version has no name for yet: its own name, in words ("new_thing" -> "New thing"). */
function tableLabel(table: string): string {
  const known = TABLE_LABELS[table]
  if (known) return known
  const words = table.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const count = (n: number) => n.toLocaleString('en-GB')

/**
 * Settings, HOMS, data on this computer (issue 13): copies this computer's data file, audit trail
 * included, one way into an empty shared database set up by IT. The HOMS signs in to the shared
 * database for the copy only (the sign-in is not kept). On success it shows every table's rows in
 * the file and in the shared database, the users who need a password there, and the way on to
 * the usual switch (`onUse`, which asks first).
 */
export function CopyToSharedDialog({ location, username: initialUsername, onUse, onClose }: { location: SharedLocationInput; username: string; onUse: () => void; onClose: () => void }) {
  const id = useId()
  const copy = useCopyToShared()
  const formId = `copy-shared${id.replace(/[^A-Za-z0-9_-]/g, '')}`
  const toInput = (v: { username: string; password: string }) => ({ location, username: v.username.trim(), password: v.password })
  // Issue 16, "Form errors": storage.copyToShared's own schema checks the sign-in, every problem at
  // once in a summary at the top, which takes the focus (also when a refusal comes back).
  const form = useForm<{ username: string; password: string }>({
    mode: 'controlled',
    initialValues: { username: initialUsername, password: '' },
    validate: (v) => formErrors(storageChannels.copyToShared.input, toInput(v)),
  })
  const { attempt, failed } = useFormRefusal(form)
  const { username, password } = form.values
  const busy = copy.isPending
  const report = copy.data

  // A refusal naming the sign-in goes under its field; anything else (the server, the database
  // not being empty) is said at the top of the summary.
  const refused = fieldError(copy.error)
  const onField = refused?.field === 'username' || refused?.field === 'password' ? refused : null
  const errors: Record<string, unknown> = onField && !form.errors[onField.field] ? { ...form.errors, [onField.field]: onField.message } : form.errors
  const error = (name: 'username' | 'password') => (typeof errors[name] === 'string' ? (errors[name] as string) : undefined)
  useEffect(() => {
    if (copy.error) failed()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new refusal counts as an attempt
  }, [copy.error])

  // The form (and the button that had focus) is replaced by the summary: focus goes to its start.
  const resultRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (report) resultRef.current?.focus()
  }, [report])

  const submit = form.onSubmit((v) => {
    if (busy) return
    copy.mutate(toInput(v))
  }, failed)

  const differs = report?.tables.some((t) => t.file !== t.shared) ?? false
  const titleId = `${id}-signin`
  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      title="Copy this computer’s data into the shared database"
      size="lg"
      closeButtonProps={{ 'aria-label': report ? 'Close' : 'Close without copying', disabled: busy }}
    >
      {report ? (
        <Stack>
          <Box ref={resultRef} tabIndex={-1} style={{ outlineOffset: 2 }}>
            <Notice tone="success" title="Copied into the shared database">
              Every table’s rows were counted in this file and again in the shared database {describeLocation(location)} before the copy was saved.
            </Notice>
          </Box>
          <Table withTableBorder striped captionSide="top" verticalSpacing={4} tabularNums layout="fixed">
            <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>Rows copied</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Data</Table.Th>
                <Table.Th scope="col" ta="right" w={120}>
                  Rows in this file
                </Table.Th>
                <Table.Th scope="col" ta="right" w={180}>
                  Rows in the shared database
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.tables.map((t) => (
                <Table.Tr key={t.table}>
                  <Table.Th scope="row" fw={400}>
                    {tableLabel(t.table)}
                  </Table.Th>
                  <Table.Td ta="right">{count(t.file)}</Table.Td>
                  <Table.Td ta="right">{count(t.shared)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {differs ? <Text size="sm">The shared database’s users also include those IT set up there; a username already there was matched, not copied again.</Text> : null}
          <Title order={3} size="h5">
            Passwords to set
          </Title>
          {report.usersNeedingPassword.length > 0 ? (
            <>
              <Text size="sm">
                {report.usersNeedingPassword.length === 1 ? 'This user was' : 'These users were'} copied without a password. Once this computer uses the shared database, set a password for{' '}
                {report.usersNeedingPassword.length === 1 ? 'them' : 'each of them'} in Settings › Users before they sign in there.
              </Text>
              <List size="sm" spacing={2}>
                {report.usersNeedingPassword.map((u) => (
                  <List.Item key={u}>{u}</List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm">None: every user of this file already has a sign-in on the shared database.</Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button onClick={onUse}>Use the shared database now</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Copy this computer’s data">
          <Stack>
            <ErrorSummary
              formId={formId}
              errors={errors}
              fields={[
                { name: 'username', label: 'Your username on the shared database' },
                { name: 'password', label: 'Your password on the shared database' },
              ]}
              attempt={attempt}
              other={copy.error && !onField ? plainMessage(copy.error) : null}
            />
            <Text>
              This copies everything in this computer’s data file, the audit trail included, one way into the shared database {describeLocation(location)}, which must be empty and newly set up by IT; the file
              on this computer is not changed.
            </Text>
            <Text>The other users come across without a password: you set one for each of them before they can sign in there.</Text>
            <Stack gap="xs" role="group" aria-labelledby={titleId}>
              <Title order={3} size="h5" id={titleId}>
                Sign in to the shared database
              </Title>
              <Text size="sm">As yourself, a HOMS there. Your username and password are used for this copy only and are not kept.</Text>
              <CredentialFields
                username={username}
                password={password}
                onUsername={(v) => form.setFieldValue('username', v)}
                onPassword={(v) => form.setFieldValue('password', v)}
                error={error}
                idPrefix={formId}
                disabled={busy}
                autoFocus={initialUsername ? 'password' : 'username'}
              />
            </Stack>
            {/* Always on the page, so a screen reader announces the progress and the answer. */}
            <div role="status">
              {busy ? (
                <Group gap="sm" wrap="nowrap">
                  <Loader size="sm" aria-hidden="true" />
                  <Text size="sm">Copying… This can take several seconds for a large file. Keep this window open.</Text>
                </Group>
              ) : null}
            </div>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={busy}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Copy the data
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
