import { Button, Divider, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { FullPageCard } from '../app/FullPageCard'
import { useState } from 'react'
import { establishment } from '../../../shared/ipc/channels/establishment'
import { ErrorSummary } from '../app/ErrorSummary'
import { ErrorText } from '../app/ErrorText'
import { ESTABLISHMENT_FIELDS, EstablishmentFields, type EstablishmentDraft } from '../app/EstablishmentFields'
import { OmuError } from '../data/client'
import { formErrors, serverFieldError } from '../lib/formErrors'
import { useSetupEstablishment } from '../data/hooks'
import { useCreateDemo } from '../data/caseloadHooks'

/** First run: the store is open and empty; ask which establishment this installation serves. */
export function SetupPage({ dbPath, shared = false }: { dbPath: string; shared?: boolean }) {
  const toInput = (d: EstablishmentDraft) => ({ name: d.name, code: d.code, category: d.category ?? undefined, policy: d.policy })
  // Issue 16: every problem at once, by the contract's own rules, in a summary at the top.
  const form = useForm<EstablishmentDraft>({
    mode: 'controlled',
    initialValues: { name: '', code: '', category: null, policy: 'omic2021' },
    validate: (d) => formErrors(establishment.setup.input, toInput(d)),
  })
  const [attempt, setAttempt] = useState(0)
  const setup = useSetupEstablishment()
  const demo = useCreateDemo()
  const refusal = setup.error instanceof OmuError ? setup.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null

  const submit = form.onSubmit(
    (d) =>
      setup.mutate(toInput(d) as Parameters<typeof setup.mutate>[0], {
        onError: (e) => {
          const f = serverFieldError(e instanceof OmuError ? e : null)
          if (f) form.setFieldError(f.field, f.message)
          setAttempt((n) => n + 1)
        },
      }),
    () => setAttempt((n) => n + 1),
  )

  return (
    <FullPageCard size="sm">
      <form onSubmit={submit} noValidate aria-labelledby="setup-title">
        <Stack>
          <Title order={1} id="setup-title">
            Set up OMU Desk
          </Title>
          <Text>Tell us which establishment this installation serves. You can change these details later in Settings.</Text>
          <ErrorSummary formId="setup" errors={form.errors} fields={ESTABLISHMENT_FIELDS} attempt={attempt} other={other} />
          <EstablishmentFields formId="setup" value={form.values} onChange={(d) => form.setValues(d)} errors={form.errors} />
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
