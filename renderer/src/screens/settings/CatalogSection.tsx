import { Alert, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { DataTable } from '../../app/DataTable'
import { ConfirmPasswordInput, isPasswordError } from '../../app/ConfirmPasswordInput'
import { ErrorText } from '../../app/ErrorText'
import { useCatalogs, useCheckCatalog, useImportCatalog } from '../../data/authHooks'
import { formatDateTime } from '../../lib/format'
import { channelTag } from '../../app/can'
import { plural } from '../../lib/plural'

/** EDM catalogues: the shipped ones, and importing a further one after it is checked (issue 4). */
export function CatalogSection() {
  const list = useCatalogs()
  const check = useCheckCatalog()
  const imp = useImportCatalog()
  const [file, setFile] = useState<File | null>(null)
  const [text, setText] = useState<string | null>(null)
  const [password, setPassword] = useState('')
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
                {p.path}: {p.reason}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {check.data?.summary ? (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (text) imp.mutate({ text, password }, { onSuccess: (c) => notifications.show({ color: 'teal', message: `${c.title} version ${c.version} imported.` }), onError: (err) => (isPasswordError(err) ? setPassword('') : undefined) })
          }}
          noValidate
        >
          <Stack gap="xs">
            <Text size="sm">
              {check.data.summary.title}, version {check.data.summary.version}: {check.data.summary.baselines} baselines, no problems found.
            </Text>
            <ConfirmPasswordInput value={password} onChange={setPassword} why="importing a catalogue" error={imp.error} />
            <Group>
              <Button type="submit" loading={imp.isPending} disabled={!text || Boolean(imp.data)} {...channelTag('catalogs.import')}>
                Import this catalogue
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <ErrorText error={check.error ?? (isPasswordError(imp.error) ? null : imp.error)} title="Not imported" />
    </Stack>
  )
}
