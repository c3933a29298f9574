// RRMP planning (issue 6): the HOMS's plan editor. Everything it shows about readiness, order and
// stages comes from the OMU task engine in the main process, with the plan.
import { Button, Center, Group, Loader, Select, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { stageLabel } from '../../../../shared/export/labels'
import type { PlanView } from '../../../../shared/ipc/channels/rrmp'
import { EmptyState } from '../../app/EmptyState'
import { ErrorText } from '../../app/ErrorText'
import { PageHeading } from '../../app/PageHeading'
import { useAppStatus, useEstablishment } from '../../data/hooks'
import { useCatalogs } from '../../data/authHooks'
import { keys } from '../../data/keys'
import { useCatalog, usePlan, useRefreshPlan, useStartPlan } from '../../data/rrmpHooks'
import { channelTag, useCan } from '../../app/can'
import { BaselineList } from './BaselineList'
import { ChangesPanel } from './ChangesPanel'
import { PlanHeader } from './PlanHeader'
import { ReadinessPanel } from './ReadinessPanel'
import { StagePanel } from './StagePanel'

/** A catalogue's select value: id and version (an imported catalogue may share an id with a shipped one). */
const catalogKey = (c: { id: string; version: string }): string => JSON.stringify([c.id, c.version])

function NoPlan({ canEdit }: { canEdit: boolean }) {
  const { data: est } = useEstablishment()
  const start = useStartPlan()
  // Issue 17: the plan is built from any installed catalogue, chosen here; the OMU EDM (the first
  // shipped one) is chosen to begin with.
  const catalogs = useCatalogs()
  const [chosen, setChosen] = useState<string | null>(null)
  const list = catalogs.data ?? []
  const selected = list.find((c) => catalogKey(c) === chosen) ?? list[0]
  const titleCounts = new Map<string, number>()
  for (const c of list) titleCounts.set(c.title, (titleCounts.get(c.title) ?? 0) + 1)
  const options = list.map((c) => ({ value: catalogKey(c), label: (titleCounts.get(c.title) ?? 0) > 1 ? `${c.title} (version ${c.version})` : c.title }))
  return (
    <Stack>
      {est ? (
        <Group gap="xl">
          <Text>
            <strong>Current stage:</strong> {stageLabel(est.currentStage)}
          </Text>
          <Text>
            <strong>Target stage:</strong> {stageLabel(est.targetStage === 4 ? 3 : est.targetStage)}
          </Text>
        </Group>
      ) : null}
      <EmptyState
        title="No plan started"
        action={
          canEdit ? (
            <Group align="flex-end">
              <Select
                label="Build the plan from"
                description="The catalogues installed: shipped with the app or imported in Settings."
                data={options}
                value={selected ? catalogKey(selected) : null}
                onChange={setChosen}
                allowDeselect={false}
                disabled={catalogs.isPending}
                w={560}
                maw="100%"
              />
              <Button onClick={() => start.mutate(selected ? { catalog: { id: selected.id, version: selected.version } } : {})} loading={start.isPending} disabled={catalogs.isPending} {...channelTag('rrmp.start')}>
                Start the plan
              </Button>
            </Group>
          ) : null
        }
      >
        {canEdit ? '' : 'The HOMS starts the plan. '}
        {selected && canEdit
          ? `Starting the plan lists the baselines of ${selected.title} that apply at the target stage (${selected.baselines} baselines in all). `
          : 'Starting the plan lists the baselines of the chosen catalogue that apply at the target stage. '}
        You can change the stages in the plan.
      </EmptyState>
      <ErrorText error={catalogs.error} title="The catalogues could not be listed" />
      <ErrorText error={start.error} title="Plan not started" />
    </Stack>
  )
}

function Editor({ plan, canEdit, onSelectVersion }: { plan: PlanView; canEdit: boolean; onSelectVersion: (id: number | undefined) => void }) {
  const catalog = useCatalog(plan.version.catalogId, plan.version.catalogVersion)
  const { data: status } = useAppStatus()
  const refresh = useRefreshPlan()
  const qc = useQueryClient()
  const versionKey = plan.version.latest ? 'latest' : plan.version.id
  const reloadRow = useCallback(
    async (baselineId: string) => {
      await qc.invalidateQueries({ queryKey: keys.rrmpPlan(versionKey) })
      const fresh = qc.getQueryData<PlanView | null>(keys.rrmpPlan(versionKey))
      return fresh?.entries.find((e) => e.baselineId === baselineId)
    },
    [qc, versionKey],
  )
  const onSaved = useCallback(() => void refresh(), [refresh])
  return (
    <Stack gap="lg">
      <PlanHeader plan={plan} canEdit={canEdit} onSelectVersion={onSelectVersion} />
      {plan.changes ? <ChangesPanel changes={plan.changes} /> : null}
      <StagePanel plan={plan} canEdit={canEdit} />
      <ReadinessPanel plan={plan} />
      <section aria-labelledby="baselines-title">
        <Stack gap="xs">
          <h2 id="baselines-title" style={{ margin: 0 }}>
            Baselines
          </h2>
          <Text size="sm">Grouped by area, in the order to work in: weighting 3 (precursors to other tasks) first. Open a baseline to plan it; changes save as you go.</Text>
          <ErrorText error={catalog.error} title="The catalogue could not be loaded" />
          {catalog.data ? <BaselineList plan={plan} canEdit={canEdit} catalog={catalog.data} today={status?.today ?? ''} onSaved={onSaved} reloadRow={reloadRow} /> : <Loader aria-label="Loading the baselines" />}
        </Stack>
      </section>
    </Stack>
  )
}

export function RrmpScreen() {
  const [versionId, setVersionId] = useState<number | undefined>(undefined)
  const plan = usePlan(versionId)
  // Issue 16: from the rules table the main process enforces (shared/permissions/rules.ts).
  const canEdit = useCan('rrmp.updateEntry')
  return (
    <>
      <PageHeading title="RRMP planning" lead="The Regime Recovery Management Plan: the OMU's baselines for the next EDM stage." />
      <ErrorText error={plan.error} title="The plan could not be loaded" />
      {plan.isPending ? (
        <Center>
          <Loader aria-label="Loading the plan" />
        </Center>
      ) : plan.data ? (
        <Editor plan={plan.data} canEdit={canEdit} onSelectVersion={setVersionId} />
      ) : plan.data === null ? (
        <NoPlan canEdit={canEdit} />
      ) : null}
    </>
  )
}
