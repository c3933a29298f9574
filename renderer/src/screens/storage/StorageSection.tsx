import { Button, Group, Radio, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { ErrorText } from '../../app/ErrorText'
import { useStorage } from '../../data/storageHooks'
import { ConfirmStorageChange, type StorageTarget } from './ConfirmStorageChange'
import { CopyToSharedDialog } from './CopyToSharedDialog'
import { asksPlainTextPermission, describeLocation } from './location'
import { SharedDatabaseForm, type CopyRequest } from './SharedDatabaseForm'

type Kind = 'local' | 'shared'

/**
 * Settings, HOMS only (issue 13): this computer's own data file, or the OMU's shared PostgreSQL
 * database. The main process allows the switch only for a HOMS, and signs everyone out.
 */
export function StorageSection({ appVersion }: { appVersion: string | undefined }) {
  const storage = useStorage()
  const current = storage.data
  const [kind, setKind] = useState<Kind | null>(null)
  const [target, setTarget] = useState<StorageTarget | null>(null)
  const [copy, setCopy] = useState<CopyRequest | null>(null)
  const shown: Kind = kind ?? current?.kind ?? 'local'
  return (
    <Stack>
      <Title order={2} size="h3" id="storage-title">
        Where is the data kept?
      </Title>
      <ErrorText error={storage.error} title="Not known" />
      {current ? (
        <Text size="sm">
          {current.kind === 'local'
            ? `Now: on this computer, in the file ${current.path}.`
            : `Now: in the shared OMU database ${describeLocation(current.location)}${current.location.allowPlainText && asksPlainTextPermission(current.location) ? ', not encrypted (a HOMS allowed it)' : ''}.`}
          {appVersion ? ` App version ${appVersion}.` : null}
        </Text>
      ) : null}
      {current ? (
        <>
          <Radio.Group label="Keep the data in" value={shown} onChange={(v) => setKind(v as Kind)}>
            <Stack gap="sm" mt="xs">
              <Radio
                value="local"
                label="This computer"
                description={
                  current.kind === 'local'
                    ? `A data file on this computer (${current.path}), for one person, a trial or the demo. The app backs it up here.`
                    : 'The data file kept on this computer, with its own users: for one person, a trial or the demo.'
                }
              />
              <Radio
                value="shared"
                label="A shared OMU database"
                description="The OMU’s PostgreSQL database, run by IT: the whole team works on the same data, and everyone signs in with their own username and password."
              />
            </Stack>
          </Radio.Group>
          {shown === 'shared' ? (
            <SharedDatabaseForm
              key={current.kind}
              current={current}
              useLabel="Use this shared database…"
              onUse={({ location, tested }) => setTarget({ kind: 'shared', location, tested })}
              onCopy={current.kind === 'local' ? setCopy : undefined}
            />
          ) : current.kind === 'shared' ? (
            <Group>
              <Button onClick={() => setTarget({ kind: 'local' })}>Use this computer’s data file…</Button>
            </Group>
          ) : null}
        </>
      ) : null}
      {copy ? (
        <CopyToSharedDialog
          location={copy.location}
          username={copy.username}
          onClose={() => setCopy(null)}
          onUse={() => {
            // The copy signed in there, so these details work; the switch still asks first.
            setCopy(null)
            setTarget({ kind: 'shared', location: copy.location, tested: true, copied: true })
          }}
        />
      ) : null}
      {target ? <ConfirmStorageChange target={target} signedIn onClose={() => setTarget(null)} /> : null}
    </Stack>
  )
}
