import { Button, Divider, Stack, Text, Title } from '@mantine/core'
import { FullPageCard } from '../app/FullPageCard'
import { useState, type FormEvent } from 'react'
import { ErrorText } from '../app/ErrorText'
import { EstablishmentFields, type EstablishmentDraft } from '../app/EstablishmentFields'
import { OmuError } from '../data/client'
import { useSetupEstablishment } from '../data/hooks'
import { useCreateDemo } from '../data/caseloadHooks'

/** First run: the store is open and empty; ask which establishment this installation serves. */
export function SetupPage({ dbPath, shared = false }: { dbPath: string; shared?: boolean }) {
  const [draft, setDraft] = useState<EstablishmentDraft>({ name: '', code: '', category: null, policy: 'omic2021' })
  const setup = useSetupEstablishment()
  const demo = useCreateDemo()
  const error = setup.error instanceof OmuError ? setup.error : null

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setup.mutate({ name: draft.name, code: draft.code, category: (draft.category ?? '') as never, policy: draft.policy })
  }

  return (
    <FullPageCard size="sm">
      <form onSubmit={submit} noValidate aria-labelledby="setup-title">
        <Stack>
          <Title order={1} id="setup-title">
            Set up OMU Desk
          </Title>
          <Text>Tell us which establishment this installation serves. You can change these details later in Settings.</Text>
          <EstablishmentFields value={draft} onChange={setDraft} errorField={error?.field} errorMessage={error?.message} />
          <ErrorText error={setup.error} title="Check the details" />
          <Button type="submit" loading={setup.isPending}>
            Save and continue
          </Button>
          {/* Fictional prisoners have no place in an OMU's shared database: the demo is for a computer's own file. */}
          {shared ? null : (
            <>
              <Divider label="or" labelPosition="center" />
              <Text>Explore the app first with a fictional establishment, HMP Demoshire: 1,200 generated prisoners, 25 POMs and five years of sessions.</Text>
              <ErrorText error={demo.error} title="The demo could not be created" />
              <Button variant="default" loading={demo.isPending} onClick={() => demo.mutate({})}>
                Use a demo establishment
              </Button>
            </>
          )}
          <Text size="sm" c="dimmed">
            {shared ? `Data is kept in the shared OMU database ${dbPath}` : `Data is kept on this computer in ${dbPath}`}
          </Text>
        </Stack>
      </form>
    </FullPageCard>
  )
}
