import type { CaseInput } from '../shared/engine/case/index'
import { evaluateCase } from '../shared/engine/case/index'
import { cases, TODAY } from './_gen'
const noSess = cases.map((c) => ({ ...c, sessions: [] }))
const sameShape = cases.map((c) => ({ sentenceType: c.sentenceType, sentenceStartDate: c.sentenceStartDate, conditionalReleaseDate: c.conditionalReleaseDate ?? null, automaticReleaseDate: c.automaticReleaseDate ?? null, paroleEligibilityDate: c.paroleEligibilityDate ?? null, tariffDate: c.tariffDate ?? null, targetHearingDate: c.targetHearingDate ?? null, homeDetentionCurfewEligibilityDate: c.homeDetentionCurfewEligibilityDate ?? null, homeDetentionCurfewActualDate: c.homeDetentionCurfewActualDate ?? null, mappaLevel: c.mappaLevel ?? null, earlyAllocation: c.earlyAllocation ?? false, recall: c.recall ?? false, pomAllocatedDate: c.pomAllocatedDate ?? null, arrivalDate: c.arrivalDate ?? null, sessions: c.sessions } as CaseInput))
const tests: Record<string, () => number> = {
  floor: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) if (ss[j]!.date <= TODAY) n++ } return n },
  engine: () => { let n = 0; for (const c of cases) n += evaluateCase(c, TODAY).lateRecords; return n },
  engineNoSessions: () => { let n = 0; for (const c of noSess) n += evaluateCase(c, TODAY).lateRecords; return n },
  engineSameShape: () => { let n = 0; for (const c of sameShape) n += evaluateCase(c, TODAY).lateRecords; return n },
}
for (let r = 0; r < 3; r++) for (const [k, f] of Object.entries(tests)) { const ts: number[] = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0) } ts.sort((a, b) => a - b); if (r === 2) console.log(k.padEnd(18), ts[15]!.toFixed(2)) }
