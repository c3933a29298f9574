import { Badge, Chip, Group, Stack, Text, Timeline as MTimeline, Title } from '@mantine/core'
import { useState } from 'react'
import type { PrisonerDetail } from '../../../../shared/ipc/channels/caseload'
import { splitAtToday, TIMELINE_KIND_LABELS, TIMELINE_KINDS, timelineEntries, type TimelineEntry, type TimelineKind } from '../../lib/caseStory'
import { formatDate } from '../../lib/format'

/** At most this many entries of the history are drawn; the rest are counted. */
const SHOWN = 200

function Entries({ list, label }: { list: TimelineEntry[]; label: string }) {
  return (
    <MTimeline bulletSize={12} lineWidth={2} aria-label={label}>
      {list.slice(0, SHOWN).map((e, n) => (
        <MTimeline.Item key={`${e.date}-${n}`} title={formatDate(e.date)}>
          <Text size="sm">{e.sentence}</Text>
          {e.note ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {e.note}
            </Text>
          ) : null}
          {e.late ? (
            <Badge color="orange" variant="light" size="xs">
              Recorded late (more than one working day)
            </Badge>
          ) : null}
          {e.sensitive ? (
            <Badge color="gray" variant="light" size="xs" ml={4}>
              Sensitive note
            </Badge>
          ) : null}
        </MTimeline.Item>
      ))}
    </MTimeline>
  )
}

/**
 * Allocations, sessions and key dates as sentences (issue 16, "Prisoner page header": the timeline
 * filters by kind and starts at today, not the furthest future date): what is still to come,
 * soonest first, then what has happened, latest first. Notes are rendered as text, never HTML.
 */
export function Timeline({ detail }: { detail: PrisonerDetail }) {
  const [kinds, setKinds] = useState<string[]>([...TIMELINE_KINDS])
  const chosen = timelineEntries(detail).filter((e) => kinds.includes(e.kind))
  const { upcoming, past } = splitAtToday(chosen, detail.today)
  return (
    <section aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="xs">
        Timeline
      </Title>
      <Chip.Group multiple value={kinds} onChange={setKinds}>
        <Group gap="xs" mb="sm" role="group" aria-label="Show in the timeline">
          {TIMELINE_KINDS.map((k: TimelineKind) => (
            <Chip key={k} value={k} size="sm">
              {TIMELINE_KIND_LABELS[k]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {chosen.length === 0 ? <Text size="sm">Nothing to show. Choose at least one kind of entry above.</Text> : null}
      <Stack gap="md">
        {upcoming.length > 0 ? (
          <div>
            <Title order={3} size="h5" mb={4}>
              Coming up
            </Title>
            <Entries list={upcoming} label="Coming up" />
          </div>
        ) : null}
        {past.length > 0 ? (
          <div>
            <Title order={3} size="h5" mb={4}>
              Up to today ({formatDate(detail.today)})
            </Title>
            <Entries list={past} label="Up to today" />
            {past.length > SHOWN ? (
              <Text size="sm" c="dimmed">
                Showing the latest {SHOWN} of {past.length} entries.
              </Text>
            ) : null}
          </div>
        ) : null}
      </Stack>
    </section>
  )
}
