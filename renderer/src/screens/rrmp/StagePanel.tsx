// Current and target stage, and what changes between them (tasksAtStage / stageChange, seed 002
// "Delivery of tasks completed by the Offender Management Unit under stages 4, 3, 2 and 1").
import { Grid, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { stageLabel, STAGE_LABELS } from '../../../../shared/export/labels'
import type { PlanView } from '../../../../shared/ipc/channels/rrmp'
import { ErrorText } from '../../app/ErrorText'
import { useSetStages } from '../../data/rrmpHooks'
import { channelTag } from '../../app/can'

type Stage = PlanView['version']['currentStage']
const currentOptions = ([4, 3, 2, 1] as const).map((s) => ({ value: String(s), label: STAGE_LABELS[s] }))
const targetOptions = ([3, 2, 1] as const).map((s) => ({ value: String(s), label: STAGE_LABELS[s] }))

function TaskList({ tasks }: { tasks: PlanView['stages']['current']['tasks'] }) {
  if (tasks.length === 0) return <Text size="sm">Nothing.</Text>
  return (
    <List size="sm" spacing={2}>
      {tasks.map((t) => (
        <List.Item key={t.id}>
          {t.group ? `${t.group}: ` : ''}
          {t.text}
        </List.Item>
      ))}
    </List>
  )
}

export function StagePanel({ plan, canEdit }: { plan: PlanView; canEdit: boolean }) {
  const setStages = useSetStages()
  const v = plan.version
  const change = (currentStage: Stage, targetStage: Stage) => setStages.mutate({ versionId: v.id, rev: v.rev, currentStage, targetStage })
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="stages-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="stages-title">
          Stages
        </Title>
        <Group grow align="flex-start">
          <NativeSelect {...channelTag('rrmp.setStages')} label="Current stage" data={currentOptions} value={String(v.currentStage)} disabled={v.frozen || !canEdit || setStages.isPending} onChange={(e) => change(Number(e.currentTarget.value) as Stage, v.targetStage)} />
          <NativeSelect {...channelTag('rrmp.setStages')} label="Target stage" data={targetOptions} value={String(v.targetStage)} disabled={v.frozen || !canEdit || setStages.isPending} onChange={(e) => change(v.currentStage, Number(e.currentTarget.value) as Stage)} />
        </Group>
        <ErrorText error={setStages.error} title="Stages not changed" />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Title order={3} size="h5" mb={4}>
              What the OMU delivers now ({stageLabel(v.currentStage)})
            </Title>
            <TaskList tasks={plan.stages.current.tasks} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Title order={3} size="h5" mb={4}>
              Reinstated at the target stage ({stageLabel(v.targetStage)})
            </Title>
            {plan.stages.change.reinstated.length === 0 ? <Text size="sm">Nothing is reinstated: the target is the current stage.</Text> : <TaskList tasks={plan.stages.change.reinstated} />}
            {plan.stages.change.withdrawn.length > 0 ? (
              <>
                <Title order={3} size="h5" mt="sm" mb={4}>
                  Withdrawn at the target stage
                </Title>
                <TaskList tasks={plan.stages.change.withdrawn} />
              </>
            ) : null}
          </Grid.Col>
        </Grid>
      </Stack>
    </Paper>
  )
}
