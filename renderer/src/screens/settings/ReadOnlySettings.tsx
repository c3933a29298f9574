import { List, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { Establishment } from '../../../../shared/ipc/channels/establishment'
import { whoCan } from '../../app/can'
import { CATEGORY_NAMES, formatDate, POLICY_NAMES, STAGE_NAMES } from '../../lib/format'

// Issue 16, "Only what you may do": POMs, HOMDs, Governors and read-only reviewers see the
// establishment's details and the extra non-working days, but not a form the main process would
// refuse (establishment.update and settings.update are the HOMS's, shared/permissions/rules.ts);
// each says who can change them.

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  )
}

export function EstablishmentReadOnly({ est }: { est: Establishment }) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Establishment
      </Title>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
        <Fact label="Name" value={est.name} />
        <Fact label="Code" value={est.code} />
        <Fact label="Category or function" value={CATEGORY_NAMES[est.category] ?? est.category} />
        <Fact label="Handover policy" value={POLICY_NAMES[est.policy] ?? est.policy} />
        <Fact label="Current EDM stage" value={STAGE_NAMES[est.currentStage]} />
        <Fact label="Target EDM stage" value={STAGE_NAMES[est.targetStage]} />
      </SimpleGrid>
      <Text size="sm">{whoCan('establishment.update')}</Text>
    </Stack>
  )
}

export function HolidaysReadOnly({ days }: { days: readonly string[] }) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Extra non-working days
      </Title>
      <Text size="sm">England and Wales bank holidays are already counted.{days.length === 0 ? ' No other days are set.' : ' These other days are not working days in the OMU:'}</Text>
      {days.length > 0 ? (
        <List size="sm">
          {days.map((d) => (
            <List.Item key={d}>{formatDate(d)}</List.Item>
          ))}
        </List>
      ) : null}
      <Text size="sm">{whoCan('settings.update')}</Text>
    </Stack>
  )
}
