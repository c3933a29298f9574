import type { Db } from '../../../db/store/types'
import { UserFacingError } from '../../../shared/ipc/result'
import { readEstablishment, readSettings } from '../establishment/store'
import type { EvalSettings } from './verdict'

/** What every evaluation needs: today, the establishment's policy and stage, extra holidays, when a minimum is missed. */
export async function evalSettings(db: Db, today: string): Promise<EvalSettings> {
  const est = await readEstablishment(db)
  if (!est) throw new UserFacingError('unavailable', 'Set up the establishment first.')
  const settings = await readSettings(db)
  return {
    today,
    policy: est.policy,
    stage: est.currentStage,
    extraHolidays: settings.extraHolidays,
    missedAfterDays: settings.missedAfterDays,
    // Issue 17: the handover lists' and checklist's settings (../shared/specs/mpc-rules.md F).
    handover: { simplifiedEnhancedHandover: settings.simplifiedEnhancedHandover, simplifiedHandoverCutoffDate: settings.simplifiedHandoverCutoffDate, upcomingWindowDays: settings.upcomingWindowDays },
  }
}
