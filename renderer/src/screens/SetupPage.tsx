import { Button, Container, Paper, Stack, Text, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { ErrorText } from '../app/ErrorText'
import { EstablishmentFields, type EstablishmentDraft } from '../app/EstablishmentFields'
import { OmuError } from '../data/client'
import { useSetupEstablishment } from '../data/hooks'

/** First run: the store is open and empty; ask which establishment this installation serves. */
export function SetupPage({ dbPath }: { dbPath: string }) {
  const [draft, setDraft] = useState<EstablishmentDraft>({ name: '', code: '', category: null, policy: 'omic2021' })
  const setup = useSetupEstablishment()
  const error = setup.error instanceof OmuError ? setup.error : null

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setup.mutate({ name: draft.name, code: draft.code, category: (draft.category ?? '') as never, policy: draft.policy })
  }

  return (
    <Container size="sm" py="xl">
      <main>
        <Paper withBorder p="xl" radius="md">
          <form onSubmit={submit} noValidate aria-labelledby="setup-title">
            <Stack>
              <Title order={1} id="setup-title">
                Set up OMU Desk
              </Title>
              <Text>
                Tell us which establishment this installation serves. You can change these details later in Settings.
              </Text>
              <EstablishmentFields value={draft} onChange={setDraft} errorField={error?.field} errorMessage={error?.message} />
              <ErrorText error={setup.error} title="Check the details" />
              <Button type="submit" loading={setup.isPending}>
                Save and continue
              </Button>
              <Text size="sm" c="dimmed">
                Data is kept on this computer in {dbPath}
              </Text>
            </Stack>
          </form>
        </Paper>
      </main>
    </Container>
  )
}
