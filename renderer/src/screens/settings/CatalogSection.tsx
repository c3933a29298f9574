import { Alert, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { catalogs } from '../../../../shared/ipc/channels/catalogs'
import { DataTable } from '../../app/DataTable'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { confirmCheck, otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { fieldId } from '../../lib/formErrors'
import { useCatalogs, useCheckCatalog, useImportCatalog } from '../../data/authHooks'
import { formatDateTime } from '../../lib/format'
import { channelTag } from '../../app/can'
import { plural } from '../../lib/plural'
import { problemInWords } from '../../../../shared/engine/omu/problems'

/** EDM catalogues: the shipped ones, and importing a further one after it is checked (issue 4). */
export function CatalogSection() {
  const list = useCatalogs()
  const check = useCheckCatalog()
  const imp = useImportCatalog()
  const [file, setFile] = useState<File | null>(null)
  const [text, setText] = useState<string | null>(null)
  // Issue 16, "Form errors": catalogs.import's own schema checks the form; problems are listed at the top.
  const form = useForm<{ password: string }>({ mode: 'controlled', initialValues: { password: '' }, validate: confirmCheck(catalogs.import.input, (v: { password: string }) => ({ text: text ?? '', password: v.password })) })
  const { attempt, failed, refused } = useFormRefusal(form)
  const importIt = form.onSubmit((v) => {
    if (text)
      imp.mutate(
        { text, password: v.password },
        {
          onSuccess: (c) => notifications.show({ color: 'teal', message: `${c.title} version ${c.version} imported.` }),
          onError: (e) => {
            form.setFieldValue('password', '')
            refused(e)
          },
        },
      )
  }, failed)
  const choose = async (f: File | null) => {
    setFile(f)
    setText(null)
    check.reset()
    imp.reset()
    if (!f) return
    const t = await f.text()
    setText(t)
    check.mutate(t)
  }
  return (
    <Stack>
      <Title order={2} size="h3">
        EDM catalogues
      </Title>
      <DataTable
        caption="Catalogues available to RRMP plans"
        rows={list.data ?? []}
        rowKey={(c) => `${c.id}@${c.version}`}
        empty="No catalogues."
        columns={[
          { header: 'Title', cell: (c) => c.title },
          { header: 'Version', cell: (c) => c.version },
          { header: 'Publisher', cell: (c) => c.publisher },
          { header: 'Baselines', cell: (c) => c.baselines },
          { header: 'Origin', cell: (c) => (c.shipped ? 'Shipped with the app' : `Imported ${c.importedAt ? formatDateTime(c.importedAt) : ''}`) },
        ]}
      />
      <Group align="flex-end">
        <FileInput label="Catalogue file (JSON)" placeholder="Choose a .json file" accept=".json,application/json" value={file} onChange={(f) => void choose(f)} clearable clearButtonProps={{ 'aria-label': 'Remove the chosen catalogue file' }} w={360} />
      </Group>
      {check.data && check.data.problems.length > 0 ? (
        <Alert color="red" title={`${plural(check.data.problems.length, 'problem')}: the catalogue cannot be imported`} role="alert">
          <Stack gap={2}>
            {check.data.problems.slice(0, 100).map((p) => (
              <Text key={`${p.path}-${p.reason}`} size="sm">
                {/* Issue 16: where the problem is in words, not the file's internal path. */}
                {problemInWords(p)}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {check.data?.summary ? (
        <form onSubmit={importIt} noValidate aria-label="Import the catalogue">
          <Stack gap="xs">
            <ErrorSummary formId="catalog-import" errors={form.errors} fields={[{ name: 'password', label: CONFIRM_PASSWORD_LABEL }]} attempt={attempt} other={otherRefusal(imp.error)} />
            <Text size="sm">
              {check.data.summary.title}, version {check.data.summary.version}: {check.data.summary.baselines} baselines, no problems found.
            </Text>
            <ConfirmPasswordInput
              id={fieldId('catalog-import', 'password')}
              value={form.values.password}
              onChange={(v) => form.setFieldValue('password', v)}
              why="importing a catalogue"
              error={null}
              clientError={typeof form.errors.password === 'string' ? form.errors.password : undefined}
            />
            <Group>
              <Button type="submit" loading={imp.isPending} disabled={!text || Boolean(imp.data)} {...channelTag('catalogs.import')}>
                Import this catalogue
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <ErrorText error={check.error} title="Not imported" />
    </Stack>
  )
}
