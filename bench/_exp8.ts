import { parseDayMemo } from '../shared/engine/case/dates'
import { generate, TODAY, SEED } from './_gen'
const cases = generate(SEED)
const pristine = generate(SEED)
const tests: Record<string, () => number> = {
  floor: () => { let n = 0; for (let i = 0; i < pristine.length; i++) { const ss = pristine[i]!.sessions!; for (let j = 0; j < ss.length; j++) if (ss[j]!.date <= TODAY) n++ } return n },
  memoDate: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) n += parseDayMemo(ss[j]!.date) } return n },
  memoBoth: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) { const s = ss[j]!; const d = s.date; n += parseDayMemo(d); const r = s.recordedOn; if (r != null && r !== d) n += parseDayMemo(r); if (s.inPerson) n++ } } return n },
  memoBothNoCmp: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) { const s = ss[j]!; const d = s.date; n += parseDayMemo(d); const r = s.recordedOn; if (r != null) n += parseDayMemo(r); if (s.inPerson) n++ } } return n },
}
for (let r = 0; r < 3; r++) for (const [k, f] of Object.entries(tests)) { const ts: number[] = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0) } ts.sort((a, b) => a - b); if (r === 2) console.log(k.padEnd(18), ts[15]!.toFixed(2)) }
