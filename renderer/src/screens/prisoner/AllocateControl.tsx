import { Button, Checkbox, Group, NativeSelect, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { POM_ROLES } from '../../../../shared/ipc/values'
import { ErrorText } from '../../app/ErrorText'
import { channelTag } from '../../app/can'
import { useAllocate, useAllocationOverview, useStaff } from '../../data/caseloadHooks'
import { awayWords, pomChoiceText } from './pomChoice'
import { usePomTypeRecommendation } from '../../data/caseWorkHooks'

const POM_TYPE_WORDS = { prison_pom: 'prison POM', probation_pom: 'probation POM' } as const

/**
 * Allocate (or reallocate) a case to an active POM; the previous allocation stays in the history.
 * Issue 17 (../shared/specs/mpc-rules.md B): the recommended POM type is shown with its reason
 * (`recommendUpFront`: before a POM is chosen; otherwise once one is), and choosing a POM of the
 * other type, or any POM with no recommendation, asks for a reason (B4), kept with the allocation.
 */
export function AllocateControl({ prisonerId, currentPomId, label, recommendUpFront = false }: { prisonerId: number; currentPomId: number | null; label: string; recommendUpFront?: boolean }) {
  const staff = useStaff()
  const allocate = useAllocate()
  const [pom, setPom] = useState('')
  const [pomTypeReason, setPomTypeReason] = useState('')
  const recommendation = usePomTypeRecommendation(prisonerId, pom ? Number(pom) : null, recommendUpFront || pom !== '')
  const reasonNeeded = pom !== '' && recommendation.data?.overrideRequired === true
  const poms = (staff.data ?? []).filter((s) => s.active && POM_ROLES.includes(s.role) && s.id !== currentPomId)
  // Issue 17 ("POMs: availability"): each POM's cases against capacity and availability today;
  // inactive POMs are listed, not choosable (the main process refuses them too: requirePom).
  const overview = useAllocationOverview()
  const loads = new Map((overview.data?.poms ?? []).map((l) => [l.staffId, l]))
  const inactive = (staff.data ?? []).filter((s) => !s.active && POM_ROLES.includes(s.role))
  const chosen = pom === '' ? undefined : loads.get(Number(pom))
  const away = chosen?.availability.status === 'unavailable' ? chosen.availability : null
  const [confirmAway, setConfirmAway] = useState(false)
  return (
    <div>
      {recommendation.data ? (
        <Text size="sm" mb="xs">
          Recommended: {recommendation.data.recommendedPomType ? <strong>{recommendation.data.recommendedPomType} POM</strong> : 'no POM type'}. {recommendation.data.text}
        </Text>
      ) : null}
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <NativeSelect
          label={label}
          value={pom}
          onChange={(e) => {
            setPom(e.currentTarget.value)
            setConfirmAway(false)
          }}
          data={[
            { value: '', label: 'Choose a POM…' },
            ...poms.map((p) => ({ value: String(p.id), label: pomChoiceText(p.role in POM_TYPE_WORDS ? `${p.name} (${POM_TYPE_WORDS[p.role as keyof typeof POM_TYPE_WORDS]})` : p.name, loads.get(p.id)) })),
            ...inactive.map((p) => ({ value: `inactive-${p.id}`, label: `${p.name}: inactive`, disabled: true })),
          ]}
        />
        <Button
          {...channelTag('allocations.allocate')}
          disabled={!pom || (reasonNeeded && pomTypeReason.trim() === '') || (pom !== '' && !recommendation.data) || (away !== null && !confirmAway)}
          loading={allocate.isPending}
          onClick={() =>
            allocate.mutate(
              { prisonerId, staffId: Number(pom), pomTypeReason: reasonNeeded ? pomTypeReason : '', confirmUnavailable: away !== null && confirmAway },
              {
                onSuccess: () => {
                  notifications.show({ message: currentPomId ? 'Case reallocated.' : 'Case allocated.', color: 'teal' })
                  setPom('')
                  setPomTypeReason('')
                  setConfirmAway(false)
                },
              },
            )
          }
        >
          {currentPomId ? 'Reallocate' : 'Allocate'}
        </Button>
      </Group>
      {reasonNeeded ? (
        <Textarea
          mt="xs"
          label={recommendation.data?.recommendedPomType ? `Why allocate to a POM other than the recommended ${recommendation.data.recommendedPomType} POM?` : 'Why choose this POM type?'}
          description="Required: kept with the allocation."
          value={pomTypeReason}
          onChange={(e) => setPomTypeReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={500}
        />
      ) : null}
      {away !== null && chosen ? (
        <Checkbox
          mt="xs"
          label={`Allocate to ${chosen.name} although they are ${awayWords(away.until)}`}
          description="The case waits for them until they are back. Required to allocate to a POM who is away today."
          checked={confirmAway}
          onChange={(e) => setConfirmAway(e.currentTarget.checked)}
        />
      ) : null}
      <ErrorText error={allocate.error} title="Not allocated" />
    </div>
  )
}
