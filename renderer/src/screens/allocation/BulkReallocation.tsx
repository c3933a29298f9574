import { Alert, Button, Checkbox, Group, List, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { POM_ROLES } from '../../../../shared/ipc/values'
import { POM_TYPE_LABELS } from '../../../../shared/export/caseFactLabels'
import type { ReallocationLine } from '../../../../shared/ipc/channels/coworking'
import { channelTag } from '../../app/can'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { useCaseload, useStaff } from '../../data/caseloadHooks'
import { useApplyReallocation, useReallocationPreview } from '../../data/coworkingHooks'
import { formatDate } from '../../lib/format'
import { OverrideNote } from '../../app/OverrideNote'

// Issue 17, "bulk reallocation of a POM's cases (choose a new POM per case or one for all, with a
// preview), audited case by case". Choose the POM, a new POM for every case or for each, preview
// what changes (each case, from, to), then reallocate: all in one transaction, or nothing.
//
// Each case is held to the rules of a single allocation (electron/services/coworking/
// reallocation.ts): the preview shows the POM type recommended for it (../shared/specs/
// mpc-rules.md section B) and asks for the reason B4 requires when the new POM is of the other
// type, and for a confirmation for each new POM away today. Reasons and confirmations go with the
// request to reallocate, not the preview, so typing one does not clear the preview.

const KEEP = ''

/** A reason belongs to the case and the POM it was given for: choosing another POM asks again. */
const reasonKey = (prisonerId: number, toStaffId: number) => `${prisonerId}:${toStaffId}`

function recommendedText(l: ReallocationLine): string {
  return l.recommendedPomType === null ? 'None until the RoSH is recorded' : POM_TYPE_LABELS[l.recommendedPomType]
}

export function BulkReallocation() {
  const staff = useStaff()
  const [from, setFrom] = useState('')
  const [forAll, setForAll] = useState('')
  const [moves, setMoves] = useState<Record<number, string>>({})
  const [reason, setReason] = useState('')
  const [typeReasons, setTypeReasons] = useState<Record<string, string>>({})
  const [reasonForAll, setReasonForAll] = useState('')
  const [confirmedAway, setConfirmedAway] = useState<Record<number, boolean>>({})
  const preview = useReallocationPreview()
  const apply = useApplyReallocation()
  const fromId = from ? Number(from) : null
  const caseload = useCaseload(fromId)
  const poms = (staff.data ?? []).filter((s) => POM_ROLES.includes(s.role))
  const activePoms = poms.filter((s) => s.active && s.id !== fromId)
  // Only the cases allocated to this POM: the ones they co-work stay with their allocated POM.
  const cases = fromId === null ? [] : (caseload.data?.rows ?? []).filter((r) => r.pomId === fromId)
  const chosen = cases.flatMap((r) => (moves[r.prisonerId] ? [{ prisonerId: r.prisonerId, toStaffId: Number(moves[r.prisonerId]) }] : []))
  const request = fromId === null ? null : { fromStaffId: fromId, moves: chosen, reason }

  /** Any change of choice clears the preview: what is applied is always what was last previewed. */
  const changed = () => {
    preview.reset()
    apply.reset()
  }
  const choose = (prisonerId: number, value: string) => {
    setMoves((m) => ({ ...m, [prisonerId]: value }))
    changed()
  }
  const previewed = preview.data && preview.variables && JSON.stringify(preview.variables) === JSON.stringify(request) ? preview.data : null
  const pomOptions = [{ value: KEEP, label: 'Keep with the current POM' }, ...activePoms.map((p) => ({ value: String(p.id), label: p.name }))]
  const needReason = previewed ? previewed.lines.filter((l) => l.pomTypeReasonNeeded !== null) : []
  // One confirmation per new POM who is away today (spec: "a POM away today needs confirmation").
  const awayPoms = previewed ? [...new Map(previewed.lines.filter((l) => l.toUnavailable !== null).map((l) => [l.toStaffId, l])).values()] : []
  const typeReasonOf = (l: ReallocationLine) => typeReasons[reasonKey(l.prisonerId, l.toStaffId)] ?? ''
  const applyRequest =
    request === null
      ? null
      : {
          ...request,
          moves: request.moves.map((m) => ({ ...m, pomTypeReason: typeReasons[reasonKey(m.prisonerId, m.toStaffId)] ?? '', confirmUnavailable: confirmedAway[m.toStaffId] ?? false })),
        }
  const missing = needReason.filter((l) => typeReasonOf(l).trim() === '').length + awayPoms.filter((l) => !confirmedAway[l.toStaffId]).length

  return (
    <section aria-labelledby="bulk-title">
      <Title order={2} size="h3" id="bulk-title" mb="xs">
        Reallocate a POM’s cases
      </Title>
      <Text size="sm" mb="xs">
        For a POM who is leaving or away: choose a new POM for every case at once or for each case, check the preview, then reallocate. Every case moves, or none does.
      </Text>
      <Stack gap="sm">
        <NativeSelect
          label="POM whose cases move"
          value={from}
          onChange={(e) => {
            setFrom(e.currentTarget.value)
            setMoves({})
            setForAll('')
            changed()
          }}
          data={[{ value: '', label: 'Choose a POM…' }, ...poms.map((p) => ({ value: String(p.id), label: p.active ? p.name : `${p.name} (inactive)` }))]}
          maw={360}
        />
        {fromId !== null && caseload.data ? (
          cases.length === 0 ? (
            <Text size="sm">This POM has no cases allocated to them.</Text>
          ) : (
            <>
              <Group align="flex-end" gap="xs">
                <NativeSelect label="New POM for every case" value={forAll} onChange={(e) => setForAll(e.currentTarget.value)} data={[{ value: '', label: 'Choose a POM…' }, ...activePoms.map((p) => ({ value: String(p.id), label: p.name }))]} />
                <Button
                  variant="default"
                  disabled={!forAll}
                  onClick={() => {
                    setMoves(Object.fromEntries(cases.map((r) => [r.prisonerId, forAll])))
                    changed()
                  }}
                >
                  Use for every case
                </Button>
              </Group>
              <DataTable
                caption={`Cases allocated to ${cases[0]?.pomName ?? 'this POM'} (${cases.length})`}
                rows={cases}
                rowKey={(r) => r.prisonerId}
                empty="This POM has no cases allocated to them."
                columns={[
                  // Issue 17: a HOMD's override in force is shown with the engine's answer beside it.
                  { header: 'Case', cell: (r) => (<>{`${r.name} (${r.prisonNumber})`}<OverrideNote note={r.override ? { ...r.override, engine: r.responsibility } : null} /></>) },
                  { header: 'Tier', cell: (r) => r.tier ?? 'Not set' },
                  {
                    header: 'New POM',
                    cell: (r) => <NativeSelect aria-label={`New POM for ${r.name}`} value={moves[r.prisonerId] ?? KEEP} onChange={(e) => choose(r.prisonerId, e.currentTarget.value)} data={pomOptions} />,
                  },
                ]}
              />
              <TextInput
                label="Reason (optional)"
                description="Kept with each new allocation."
                value={reason}
                onChange={(e) => {
                  setReason(e.currentTarget.value)
                  changed()
                }}
                maxLength={500}
                maw={480}
              />
              <Group>
                <Button variant="default" disabled={!request || chosen.length === 0} loading={preview.isPending} onClick={() => request && preview.mutate(request)} {...channelTag('reallocation.preview')}>
                  Preview {chosen.length} {chosen.length === 1 ? 'case' : 'cases'}
                </Button>
              </Group>
            </>
          )
        ) : null}
        <ErrorText error={preview.error} title="No preview" />
        {previewed ? (
          <Stack gap="xs">
            {previewed.problems.length ? (
              <Alert color="red" title="These cases cannot be reallocated as chosen" role="alert">
                <List size="sm">
                  {previewed.problems.map((p, i) => (
                    <List.Item key={`${p.prisonerId ?? 'all'}-${i}`}>{p.message}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            {needReason.length > 1 ? (
              <Group align="flex-end" gap="xs">
                <TextInput
                  label="Reason for the POM type, for every case that needs one"
                  description={`${needReason.length} cases go to a POM of another type than the one recommended.`}
                  value={reasonForAll}
                  onChange={(e) => setReasonForAll(e.currentTarget.value)}
                  maxLength={500}
                  w={420}
                />
                <Button
                  variant="default"
                  disabled={reasonForAll.trim() === ''}
                  onClick={() => setTypeReasons((r) => ({ ...r, ...Object.fromEntries(needReason.map((l) => [reasonKey(l.prisonerId, l.toStaffId), reasonForAll])) }))}
                >
                  Use for every case that needs one
                </Button>
              </Group>
            ) : null}
            <DataTable
              caption={`What changes on ${formatDate(previewed.startDate)}`}
              rows={previewed.lines}
              rowKey={(l) => l.prisonerId}
              empty="No case would change."
              columns={[
                { header: 'Case', cell: (l) => `${l.name} (${l.prisonNumber})` },
                { header: 'From', cell: (l) => l.fromName },
                { header: 'To', cell: (l) => (l.toUnavailable === null ? l.toName : `${l.toName} (${l.toUnavailable})`) },
                {
                  header: 'Recommended POM type',
                  cell: (l) => (
                    <>
                      <Text size="sm" fw={600}>
                        {recommendedText(l)}
                      </Text>
                      <Text size="xs">{l.recommendationText}</Text>
                    </>
                  ),
                },
                {
                  header: 'Reason for the POM type',
                  cell: (l) =>
                    l.pomTypeReasonNeeded === null ? (
                      'Not needed'
                    ) : (
                      <TextInput
                        aria-label={`Reason for the POM type for ${l.name}`}
                        description={l.pomTypeReasonNeeded}
                        value={typeReasonOf(l)}
                        onChange={(e) => {
                          const value = e.currentTarget.value
                          setTypeReasons((r) => ({ ...r, [reasonKey(l.prisonerId, l.toStaffId)]: value }))
                        }}
                        maxLength={500}
                        required
                      />
                    ),
                },
                { header: 'Also', cell: (l) => (l.endsCoWorking ? `${l.toName}’s co-working ends` : '') },
              ]}
            />
            {awayPoms.map((l) => (
              <Checkbox
                key={l.toStaffId}
                label={`${l.toName} is ${l.toUnavailable ?? 'away'}: give them these cases while they are away`}
                checked={confirmedAway[l.toStaffId] ?? false}
                onChange={(e) => {
                  const checked = e.currentTarget.checked
                  setConfirmedAway((c) => ({ ...c, [l.toStaffId]: checked }))
                }}
              />
            ))}
            {missing > 0 && previewed.problems.length === 0 ? (
              <Text size="sm" role="status">
                {missing === 1 ? 'One reason or confirmation is still needed' : `${missing} reasons or confirmations are still needed`} before these cases can be reallocated.
              </Text>
            ) : null}
            <Group>
              <Button
                disabled={previewed.problems.length > 0 || previewed.lines.length === 0}
                loading={apply.isPending}
                {...channelTag('reallocation.apply')}
                onClick={() =>
                  applyRequest &&
                  apply.mutate(applyRequest, {
                    onSuccess: (r) => {
                      notifications.show({ color: 'teal', message: `${r.reallocated} ${r.reallocated === 1 ? 'case' : 'cases'} reallocated.` })
                      setMoves({})
                      setForAll('')
                      setTypeReasons({})
                      setReasonForAll('')
                      setConfirmedAway({})
                      preview.reset()
                    },
                  })
                }
              >
                Reallocate {previewed.lines.length} {previewed.lines.length === 1 ? 'case' : 'cases'}
              </Button>
            </Group>
          </Stack>
        ) : null}
        <ErrorText error={apply.error} title="Nothing was reallocated" />
      </Stack>
    </section>
  )
}
