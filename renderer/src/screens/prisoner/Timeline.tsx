import { Badge, Text, Timeline as MTimeline, Title } from '@mantine/core'
import type { PrisonerDetail } from '../../../../shared/ipc/channels/caseload'
import { formatDate } from '../../lib/format'
import { MODE_LABELS } from '../../lib/labels'

interface Item {
  date: string
  title: string
  body: string
  late?: boolean
  sensitive?: boolean
}

function items(d: PrisonerDetail): Item[] {
  const out: Item[] = []
  const p = d.prisoner
  out.push({ date: p.sentenceStartDate, title: 'Sentence started', body: p.sentenceType === 'indeterminate' ? 'Indeterminate sentence' : 'Determinate sentence' })
  if (p.arrivalDate) out.push({ date: p.arrivalDate, title: 'Arrived on transfer', body: 'Arrival at this establishment' })
  for (const a of d.allocations) {
    out.push({ date: a.startDate, title: `Allocated to ${a.staffName}`, body: a.reason || 'Allocation' })
    if (a.endDate) out.push({ date: a.endDate, title: `Allocation to ${a.staffName} ended`, body: 'Reallocated' })
  }
  const h = d.evaluation?.handover
  if (h?.comAllocatedDate) out.push({ date: h.comAllocatedDate, title: 'COM allocated (handover starts)', body: 'Key date from the handover policy' })
  if (h?.comResponsibleDate) out.push({ date: h.comResponsibleDate, title: 'COM responsible', body: 'Key date from the handover policy' })
  if (h?.releaseDate) out.push({ date: h.releaseDate, title: 'Release date used for handover', body: 'Key date' })
  for (const s of d.sessions) {
    out.push({
      date: s.date,
      title: `${s.inPerson ? 'In-person' : 'Remote'} session: ${MODE_LABELS[s.mode]}, ${s.durationMinutes} min`,
      body: `${s.notes || (s.notesSensitive ? 'Note not shown to your role: it is marked sensitive.' : 'No notes.')} Recorded ${formatDate(s.recordedOn)}${s.recordedOnReason ? ` (changed: ${s.recordedOnReason})` : ''}${s.staffName ? ` by ${s.staffName}` : ''}.`,
      late: s.late,
      sensitive: s.notesSensitive,
    })
  }
  return out.sort((a, b) => b.date.localeCompare(a.date))
}

/** Allocations, sessions and key dates, newest first. Notes are rendered as text, never HTML. */
export function Timeline({ detail }: { detail: PrisonerDetail }) {
  const list = items(detail)
  return (
    <section aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="xs">
        Timeline
      </Title>
      <MTimeline bulletSize={12} lineWidth={2}>
        {list.slice(0, 200).map((i, n) => (
          <MTimeline.Item key={`${i.date}-${n}`} title={`${formatDate(i.date)} – ${i.title}`}>
            <Text size="sm">{i.body}</Text>
            {i.late ? <Badge color="orange" variant="light" size="xs">Recorded late (more than one working day)</Badge> : null}
            {i.sensitive ? <Badge color="gray" variant="light" size="xs" ml={4}>Sensitive note</Badge> : null}
          </MTimeline.Item>
        ))}
      </MTimeline>
      {list.length > 200 ? <Text size="sm" c="dimmed">Showing the latest 200 of {list.length} entries.</Text> : null}
    </section>
  )
}
