import { parseDayMemo } from '../shared/engine/case/dates'
import { scanSessions } from '../shared/engine/case/minima'
import { addWorkingDaysDay } from '../shared/engine/case/workingDays'
import type { CaseSession } from '../shared/engine/case/types'
import { generate, TODAY, SEED } from './_gen'
const cases = generate(SEED)
const pristine = generate(SEED)
const today = parseDayMemo(TODAY)
const mk = () => [{ rule: 'start_of_custody', applicable: true, required: 3, from: 19000, to: 19084, achieved: 0 }, { rule: 'pre_handover', applicable: true, required: 3, from: 19500, to: 19590, achieved: 0 }, { rule: 'transfer_arrival', applicable: false, required: 0, from: 1, to: 0, achieved: 0 }] as Parameters<typeof scanSessions>[2]
function inline(ss: CaseSession[]): number {
  let late = 0, na = 0
  for (let j = 0; j < ss.length; j++) { const s = ss[j]!; const d = s.date; const day = parseDayMemo(d); if (day !== day) throw new Error('x'); const ip = s.inPerson; if (ip !== true && ip !== false) throw new Error('y'); const r = s.recordedOn; if (r != null && r !== d) { const rd = parseDayMemo(r); if (rd !== rd) throw new Error('z'); if (rd < day) throw new Error('w'); if (rd > day + 1 && rd > addWorkingDaysDay(day, 1, null)) late++ } if (ip && day <= today) { if (day >= 19000 && day <= 19084) na++ } }
  return late + na
}
const tests: Record<string, () => number> = {
  floor: () => { let n = 0; for (let i = 0; i < pristine.length; i++) { const ss = pristine[i]!.sessions!; for (let j = 0; j < ss.length; j++) if (ss[j]!.date <= TODAY) n++ } return n },
  memoBoth: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) { const s = ss[j]!; const d = s.date; n += parseDayMemo(d); const r = s.recordedOn; if (r != null && r !== d) n += parseDayMemo(r); if (s.inPerson) n++ } } return n },
  inline: () => { let n = 0; for (let i = 0; i < cases.length; i++) n += inline(cases[i]!.sessions!); return n },
  scan: () => { let n = 0; for (let i = 0; i < cases.length; i++) n += scanSessions(cases[i]!.sessions, today, mk(), null); return n },
}
for (let r = 0; r < 3; r++) for (const [k, f] of Object.entries(tests)) { const ts: number[] = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0) } ts.sort((a, b) => a - b); if (r === 2) console.log(k.padEnd(18), ts[15]!.toFixed(2)) }
