// Readiness and export (issue 6): the Governor's view of the plan's readiness assessment, the
// sign-off route, the caseload summary, the exports and the side-by-side comparison.
import { Center, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { stageLabel } from '../../../../shared/export/labels'
import { EmptyState } from '../../app/EmptyState'
import { ErrorText } from '../../app/ErrorText'
import { PageHeading } from '../../app/PageHeading'
import { useCaseloadSummary, usePlan, useReadinessDocument } from '../../data/rrmpHooks'
import { AreaTable, OverallReadiness } from '../rrmp/ReadinessPanel'
import { CaseloadPanel } from './CaseloadPanel'
import { ComparisonPanel } from './ComparisonPanel'
import { ExportPanel } from './ExportPanel'
import { SignOffPanel } from './SignOffPanel'

export function ReadinessScreen() {
  const [versionId, setVersionId] = useState<number | undefined>(undefined)
  const plan = usePlan(versionId)
  const caseload = useCaseloadSummary()
  const doc = useReadinessDocument(plan.data?.version.id)
  const p = plan.data
  return (
    <>
      <PageHeading title="Readiness and export" lead="The readiness assessment the Governor signs off and sends to the Prison Group Director." />
      <ErrorText error={plan.error} title="The plan could not be loaded" />
      {plan.isPending ? (
        <Center>
          <Loader aria-label="Loading the readiness assessment" />
        </Center>
      ) : !p ? (
        <Stack gap="lg">
          <EmptyState title="Nothing to sign off yet">
            The HOMS prepares the RRMP first on the RRMP planning screen. When it is submitted it appears here for the Governor to approve or return with comments, and to export.
          </EmptyState>
          <ComparisonPanel own={undefined} />
        </Stack>
      ) : (
        <Stack gap="lg">
          <Paper withBorder p="lg" component="section" aria-labelledby="assessment-title">
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end">
                <Title order={2} size="h3" id="assessment-title">
                  Readiness assessment, version {p.version.version}
                </Title>
                <NativeSelect
                  label="Plan version"
                  w={360}
                  data={p.versions.map((x) => ({ value: String(x.id), label: `Version ${x.version}: ${x.statusText}` }))}
                  value={String(p.version.id)}
                  onChange={(e) => {
                    const id = Number(e.currentTarget.value)
                    setVersionId(p.versions.find((x) => x.id === id)?.latest ? undefined : id)
                  }}
                />
              </Group>
              <Text>
                <strong>Status:</strong> {p.version.statusText}
              </Text>
              <Text>
                <strong>Stages:</strong> from {stageLabel(p.version.currentStage)} to {stageLabel(p.version.targetStage)}
              </Text>
              <OverallReadiness plan={p} />
              <AreaTable plan={p} caption="Readiness by area: baselines ready, not ready and not applicable, and the weighted score." />
            </Stack>
          </Paper>
          <SignOffPanel plan={p} />
          <ErrorText error={caseload.error} title="The caseload summary could not be worked out" />
          {caseload.data ? <CaseloadPanel summary={caseload.data} /> : null}
          <ExportPanel versionId={p.version.id} version={p.version.version} />
          <ComparisonPanel own={doc.data} />
        </Stack>
      )}
    </>
  )
}
