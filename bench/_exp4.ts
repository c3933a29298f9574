import { parseDay } from '../shared/engine/case/dates'
import { addWorkingDaysDay } from '../shared/engine/case/workingDays'
import { cases, TODAY } from './_gen'
const tests: Record<string, () => number> = {
  floor: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) if (ss[j]!.date <= TODAY) n++ } return n },
  v1: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) n += parseDay(ss[j]!.date) } return n },
  v2: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) { const s = ss[j]!; n += parseDay(s.date); if (s.inPerson) n++; const r = s.recordedOn; if (r != null && r !== s.date) n++ } } return n },
  v3: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) { const s = ss[j]!; const d = parseDay(s.date); n += d; if (s.inPerson) n++; const r = s.recordedOn; if (r != null && r !== s.date) { const rd = parseDay(r); n += rd } } } return n },
  v4: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) { const s = ss[j]!; const d = parseDay(s.date); n += d; if (s.inPerson) n++; const r = s.recordedOn; if (r != null && r !== s.date) { const rd = parseDay(r); if (rd > d + 1 && rd > addWorkingDaysDay(d, 1, null)) n++ } } } return n },
}
for (let r = 0; r < 3; r++) for (const [k, f] of Object.entries(tests)) { const ts: number[] = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0) } ts.sort((a, b) => a - b); if (r === 2) console.log(k.padEnd(18), ts[15]!.toFixed(2)) }
