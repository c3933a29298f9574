import { UserFacingError } from '../../../shared/ipc/result'
import { insertEstablishment, readEstablishment, updateEstablishment } from '../establishment/store'
import { reconcileHandovers } from '../handover/reconcile'
import type { Handlers } from './types'

export const establishmentHandlers: Handlers['establishment'] = {
  get: (_input, { store }) => readEstablishment(store.db),

  setup: async (input, { store, now, audit }) => {
    if (await readEstablishment(store.db)) {
      throw new UserFacingError('conflict', 'The establishment is already set up. Change its details in Settings.')
    }
    // A new establishment starts at stage 4 (Red/lockdown) with stage 3 as its first recovery target
    // (seed 002: recovery is planned one stage at a time from stage 4).
    const created = await insertEstablishment(store.db, { name: input.name, code: input.code, category: input.category, policy: input.policy, currentStage: 4, targetStage: 3, updatedAt: now.toISOString() })
    audit({ entity: 'establishment', entityId: 1, before: null, after: created })
    return created
  },

  update: async (input, { store, today, now, actor, audit }) => {
    const current = await readEstablishment(store.db)
    if (!current) throw new UserFacingError('not_found', 'Set up the establishment first.')
    const currentStage = input.currentStage ?? current.currentStage
    const targetStage = input.targetStage ?? current.targetStage
    // Recovery moves from a higher stage number to a lower one (4 Red -> 1 Prepare), seed 002.
    if (targetStage > currentStage) {
      throw new UserFacingError('invalid_input', 'Target stage: choose the current stage or a later recovery stage (a lower number).', 'targetStage')
    }
    // The password asked again (checked by the dispatcher) is not a column: only the details go on.
    const { password: _asked, ...details } = input
    const updated = await updateEstablishment(store.db, { ...details, currentStage, targetStage, updatedAt: now.toISOString() })
    if (!updated) throw new UserFacingError('not_found', 'Set up the establishment first.')
    // Before and after (issue 15): the trail says what a change replaced, not only what it set.
    audit({ entity: 'establishment', entityId: 1, before: current, after: updated })
    // ../shared/specs/mpc-rules.md D.5: another handover policy recalculates every case's handover.
    if (updated.policy !== current.policy) await reconcileHandovers({ store, today, now, actor, audit }, 'all')
    return updated
  },
}
