import { Group, Text } from '@mantine/core'
import { EmptyState } from '../app/EmptyState'
import { PageHeading } from '../app/PageHeading'
import { useEstablishment } from '../data/hooks'
import { STAGE_NAMES } from '../lib/format'

export function RrmpScreen() {
  const { data: est } = useEstablishment()
  return (
    <>
      <PageHeading title="RRMP planning" lead="The Regime Recovery Management Plan: the OMU's baselines for the next EDM stage." />
      {est ? (
        <Group mb="md" gap="xl">
          <Text>
            <strong>Current stage:</strong> {STAGE_NAMES[est.currentStage]}
          </Text>
          <Text>
            <strong>Target stage:</strong> {STAGE_NAMES[est.targetStage]}
          </Text>
        </Group>
      ) : null}
      <EmptyState title="No plan started">
        Check the current and target stage in Settings, then start a plan: it lists each of the 22 mandatory baselines for the target stage.
      </EmptyState>
    </>
  )
}
