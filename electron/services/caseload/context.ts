import type { Db } from '../../../db/bootstrap'
import { UserFacingError } from '../../../shared/ipc/result'
import { readEstablishment } from '../handlers/establishment'
import { readSettings } from '../handlers/settings'
import type { EvalSettings } from './verdict'

/** What every evaluation needs: today, the establishment's policy and stage, extra holidays. */
export function evalSettings(db: Db, today: string): EvalSettings {
  const est = readEstablishment(db)
  if (!est) throw new UserFacingError('unavailable', 'Set up the establishment first.')
  return { today, policy: est.policy, stage: est.currentStage, extraHolidays: readSettings(db).extraHolidays }
}
