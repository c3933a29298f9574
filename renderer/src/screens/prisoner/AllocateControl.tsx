import { Button, Checkbox, Group, NativeSelect, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { POM_ROLES } from '../../../../shared/ipc/values'
import { ErrorSummary } from '../../app/ErrorSummary'
import { OmuError } from '../../data/client'
import { fieldId, serverFieldError } from '../../lib/formErrors'
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
  // Issue 16, "Form errors": a refusal from the main process in the error summary, linked to its
  // field and said under it. The form's own checks stay as the disabled button's conditions.
  const [attempt, setAttempt] = useState(0)
  const formId = `allocate-${prisonerId}`
  const id = (name: string) => fieldId(formId, name)
  const refusal = allocate.error instanceof OmuError ? allocate.error : null
  const onField = serverFieldError(refusal)
  const errors: Record<string, string> = onField ? { [onField.field]: onField.message } : {}
  return (
    <div>
      <ErrorSummary
        formId={formId}
        errors={errors}
        fields={[
          { name: 'staffId', label },
          { name: 'pomTypeReason', label: 'Reason for the POM type' },
          { name: 'confirmUnavailable', label: 'POM away today' },
        ]}
        attempt={attempt}
        other={refusal && !onField ? refusal.message : null}
      />
      {recommendation.data ? (
        <Text size="sm" mb="xs">
          Recommended: {recommendation.data.recommendedPomType ? <strong>{recommendation.data.recommendedPomType} POM</strong> : 'no POM type'}. {recommendation.data.text}
        </Text>
      ) : null}
      <Group align="flex-end" gap="xs">
        {/* Issue 16: the choice takes the row's width and no more, so its long option words
            (pomChoice.ts) never push the Allocate button out of view; on a narrow column the
            button goes under it. */}
        <NativeSelect
          style={{ flex: '1 1 180px', minWidth: 0, maxWidth: 420 }}
          id={id('staffId')}
          label={label}
          error={errors.staffId}
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
          style={{ flex: 'none' }}
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
                onError: () => setAttempt((n) => n + 1),
              },
            )
          }
        >
          {currentPomId ? 'Reallocate' : 'Allocate'}
        </Button>
      </Group>
      {reasonNeeded ? (
        <Textarea
          id={id('pomTypeReason')}
          error={errors.pomTypeReason}
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
          id={id('confirmUnavailable')}
          error={errors.confirmUnavailable}
          mt="xs"
          label={`Allocate to ${chosen.name} although they are ${awayWords(away.until)}`}
          description="The case waits for them until they are back. Required to allocate to a POM who is away today."
          checked={confirmAway}
          onChange={(e) => setConfirmAway(e.currentTarget.checked)}
        />
      ) : null}
    </div>
  )
}
