import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { PrisonerForm } from './PrisonerForm'
import type { PrisonerDetail } from '../../../../shared/ipc/channels/caseload'
import { ErrorText } from '../../app/ErrorText'
import { PageHeading } from '../../app/PageHeading'
import { hrefFor } from '../../app/routes'
import { usePrisoner } from '../../data/caseloadHooks'
import { formatDate, POLICY_SHORT } from '../../lib/format'
import { handoverReasonLabel } from '../../lib/handoverText'
import { COHORT_LABELS, RESPONSIBILITY_LABELS, ROSH_LABELS, SENTENCE_TYPE_LABELS } from '../../lib/labels'
import { AllocateControl } from './AllocateControl'
import { Minima } from './Minima'
import { RecordSessionForm } from './RecordSessionForm'
import { Timeline } from './Timeline'
import { PrisonerHeader } from './PrisonerHeader'
import { RecordHistory } from './RecordHistory'
import { ParoleSection } from './ParoleSection'
import { EarlyAllocationSection } from './EarlyAllocationSection'
import { OverrideSection } from './OverrideSection'
import { ComHandoverSection } from './ComHandoverSection'
import { CoWorkingControl } from './CoWorkingControl'
import { channelTag, useCan, whoCan } from '../../app/can'

function Fact({ label, value, note }: { label: string; value: string; note?: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </div>
  )
}

/**
 * Issue 20: the target hearing the handover rules use (handover spec section 6: the latest parole
 * review's next hearing, else the date in the facts), saying where it comes from when it is not the
 * date entered in the facts.
 */
function hearingFact(d: PrisonerDetail): { value: string; note: string | null } {
  const entered = d.prisoner.targetHearingDate
  const used = d.hearingUsed
  if (!used || !used.fromParoleReviews || used.date === entered) return { value: formatDate(entered), note: null }
  return { value: formatDate(used.date), note: `From the latest parole review (entered in the facts: ${entered ? formatDate(entered) : 'none'})` }
}

const RESOURCING_WORDS = (v: boolean | null) => (v === null ? 'Not known' : v ? 'Enhanced' : 'Standard')

function Facts({ d, canEdit }: { d: PrisonerDetail; canEdit: boolean }) {
  const p = d.prisoner
  const yes = (b: boolean) => (b ? 'Yes' : 'No')
  const [editing, setEditing] = useState(false)
  const hearing = hearingFact(d)
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Facts
        </Title>
        {canEdit ? (
          <Button size="xs" variant="default" onClick={() => setEditing(true)} {...channelTag('prisoners.update')}>
            Change facts
          </Button>
        ) : null}
      </Group>
      {/* No key by version: the form mounts afresh each time it opens, and a key that changed when
          the save's refetch bumped the version remounted it before its "Facts saved." could run. */}
      {editing ? <PrisonerForm prisoner={p} opened onClose={() => setEditing(false)} /> : null}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Fact label="Date of birth" value={formatDate(p.dateOfBirth)} />
        <Fact label="Sentence" value={SENTENCE_TYPE_LABELS[p.sentenceType]} />
        <Fact label="Sentence start" value={formatDate(p.sentenceStartDate)} />
        <Fact label="Conditional release (CRD)" value={formatDate(p.conditionalReleaseDate)} />
        <Fact label="Automatic release (ARD)" value={formatDate(p.automaticReleaseDate)} />
        <Fact label="Parole eligibility (PED)" value={formatDate(p.paroleEligibilityDate)} />
        <Fact label="Tariff (TED)" value={formatDate(p.tariffDate)} />
        <Fact label="Target hearing (THD)" value={hearing.value} note={hearing.note} />
        <Fact label="HDC eligibility (HDCED)" value={formatDate(p.homeDetentionCurfewEligibilityDate)} />
        <Fact label="HDC approved (HDCAD)" value={formatDate(p.homeDetentionCurfewActualDate)} />
        <Fact label="MAPPA level" value={p.mappaLevel === null ? 'Not known' : String(p.mappaLevel)} />
        <Fact label="Tier" value={p.tier ?? 'Not set'} />
        <Fact label="Risk of serious harm" value={p.roshLevel ? (ROSH_LABELS[p.roshLevel as keyof typeof ROSH_LABELS] ?? p.roshLevel) : 'Not set'} />
        <Fact label="Recall" value={yes(p.recall)} />
        <Fact label="Early allocation" value={yes(p.earlyAllocation)} />
        <Fact label="Arrived on transfer" value={formatDate(p.arrivalDate)} />
        {/* Issue 17: the start-of-custody minimum counts from it (seed 003 Annex B "Start custodial sentence"). */}
        <Fact label="First allocated to a POM (this sentence)" value={formatDate(p.firstPomAllocatedDate)} />
        {/* Issue 20 (handover spec section 1): the facts the current handover rules R1, R3 and R4 read. */}
        <Fact label="In open conditions" value={p.openConditions ? `Yes${p.openConditionsArrivalDate ? `, from ${formatDate(p.openConditionsArrivalDate)}` : ''}` : 'No'} />
        <Fact label="Immigration case" value={yes(p.immigrationCase)} />
        <Fact label="Additional ISP" value={yes(p.additionalIsp)} />
        {/* Issue 17 (../shared/specs/mpc-rules.md F): release dates read when none above is known (A.3), the licence expiry (C.5), probation resourcing (D.2). */}
        <Fact label="Sentence expiry (SED)" value={formatDate(p.sentenceExpiryDate)} />
        <Fact label="Licence expiry (LED)" value={formatDate(p.licenceExpiryDate)} />
        <Fact label="Post-recall release" value={formatDate(p.postRecallReleaseDate)} />
        <Fact label="Actual parole date" value={formatDate(p.actualParoleDate)} />
        <Fact label="Probation resourcing" value={RESOURCING_WORDS(p.enhancedResourcing)} />
      </SimpleGrid>
    </Paper>
  )
}

function Handover({ d }: { d: PrisonerDetail }) {
  const e = d.evaluation
  if (!e) return null
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Handover to the COM ({POLICY_SHORT[d.policy]})
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Fact label="Responsible today" value={RESPONSIBILITY_LABELS[e.responsibility]} />
        <Fact label="COM allocated" value={formatDate(e.handover.comAllocatedDate)} />
        <Fact label="COM responsible" value={formatDate(e.handover.comResponsibleDate)} />
        <Fact label="Release date used" value={formatDate(e.handover.releaseDate)} />
      </SimpleGrid>
      <Text size="sm" mt="xs">
        {handoverReasonLabel(e.handover.reason)}. Dates calculated under the {POLICY_SHORT[d.policy]} handover policy.
      </Text>
      {e.lateRecords > 0 ? (
        <Text size="sm" mt={4}>
          {e.lateRecords} session record{e.lateRecords === 1 ? ' was' : 's were'} entered more than one working day after the session.
        </Text>
      ) : null}
    </Paper>
  )
}

export function PrisonerScreen({ prisonerId }: { prisonerId: number }) {
  const q = usePrisoner(prisonerId)
  // Issue 16, "Only what you may do": each control from the rules table (shared/permissions/rules.ts).
  const canRecord = useCan('sessions.record')
  const canEdit = useCan('prisoners.update')
  const canAllocate = useCan('allocations.allocate')
  const canExport = useCan('subjectAccess.export')
  if (q.error) return <ErrorText error={q.error} title="This prisoner could not be shown" />
  if (!q.data) return <Loader aria-label="Loading" />
  const d = q.data
  const p = d.prisoner
  const current = d.allocations.find((a) => a.endDate === null) ?? null
  const coWorker = d.coWorkings?.find((c) => c.endDate === null) ?? null
  return (
    <>
      <Anchor href={hrefFor('caseload')} size="sm" data-no-print>
        ← Back to the caseload
      </Anchor>
      <PageHeading title={`${p.lastName.toUpperCase()}, ${p.firstName}`} lead={`${p.prisonNumber} · ${current ? `POM: ${current.staffName}` : 'Not allocated to a POM'}${coWorker ? ` · Co-working: ${coWorker.staffName}` : ''}`} />
      {/* Issue 16, Print: the page prints as a record to read; its forms are left out (styles.css). */}
      <Stack gap="md" data-print-screen="prisoner">
        {/* Issue 16: who the person is and where the case stands today, before anything else. */}
        <PrisonerHeader d={d} />
        {d.cohorts.length ? (
          <Group gap={6} aria-label="Priority cohorts">
            {d.cohorts.map((c) => (
              <Badge key={c.id} variant="outline" color="grape" title={c.reason}>
                {COHORT_LABELS[c.id] ?? c.id}
              </Badge>
            ))}
          </Group>
        ) : null}
        {d.evaluationProblem ? (
          <Alert color="red" title="This case could not be assessed">
            {d.evaluationProblem}
          </Alert>
        ) : null}
        {d.evaluation ? <Minima minima={d.evaluation.minima} /> : null}
        {canRecord ? <RecordSessionForm prisonerId={p.id} today={d.today} /> : null}
        <Handover d={d} />
        {/* Issue 17: the COM's details, the VLO, the handover checklist and "notify the community". */}
        <ComHandoverSection prisonerId={p.id} />
        <Facts d={d} canEdit={canEdit} />
        <ParoleSection prisonerId={p.id} />
        {/* Issue 17: early allocation (spec C) and a HOMD's responsibility override. */}
        <EarlyAllocationSection prisonerId={p.id} />
        <OverrideSection prisonerId={p.id} engineResponsibility={d.evaluation?.responsibility ?? null} />
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Allocation
          </Title>
          {/* Who holds the case now, for everyone; the control only for those who may allocate (issue 16). */}
          <Text size="sm" mb={canAllocate ? 'xs' : 0}>
            {current ? `Allocated to ${current.staffName}.` : 'Not allocated to a POM.'} {canAllocate ? null : whoCan('allocations.allocate')}
          </Text>
          {canAllocate ? <AllocateControl prisonerId={p.id} currentPomId={current?.staffId ?? null} label={current ? 'Reallocate to' : 'Allocate to'} recommendUpFront /> : null}
          {/* Issue 17: a co-working second POM beside the allocated one. */}
          <CoWorkingControl d={d} />
        </Paper>
        <Timeline detail={d} />
        <RecordHistory prisonerId={p.id} canExport={canExport} />
      </Stack>
    </>
  )
}
