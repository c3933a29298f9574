import { parseDay } from '../shared/engine/case/dates'
import { cases, TODAY } from './_gen'
const DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
// cumulative days before month (non-leap)
const CUM = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
function pA(s: string): number {
  if (s.length !== 10) return NaN
  const c0 = s.charCodeAt(0), c1 = s.charCodeAt(1), c2 = s.charCodeAt(2), c3 = s.charCodeAt(3), c4 = s.charCodeAt(4)
  const c5 = s.charCodeAt(5), c6 = s.charCodeAt(6), c7 = s.charCodeAt(7), c8 = s.charCodeAt(8), c9 = s.charCodeAt(9)
  const y = c0 * 1000 + c1 * 100 + c2 * 10 + c3 - 53328
  const m = c5 * 10 + c6 - 528
  const d = c8 * 10 + c9 - 528
  if (c4 !== 45 || c7 !== 45 || (((c0 - 48) | (c1 - 48) | (c2 - 48) | (c3 - 48) | (c5 - 48) | (c6 - 48) | (c8 - 48) | (c9 - 48) | (57 - c0) | (57 - c1) | (57 - c2) | (57 - c3) | (57 - c5) | (57 - c6) | (57 - c8) | (57 - c9)) < 0)) return NaN
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return NaN
  const leap = (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0)
  if (d > 28 && d > (m === 2 ? (leap ? 29 : 28) : (DIM[m] as number))) return NaN
  // days since 1970-01-01
  const y1 = y - 1
  return (y - 1970) * 365 + ((y1 / 4) | 0) - ((y1 / 100) | 0) + ((y1 / 400) | 0) - 477 + (CUM[m] as number) + (m > 2 && leap ? 1 : 0) + d - 1
}
const all: string[] = []; for (const c of cases) for (const s of c.sessions!) all.push(s.date)
let bad = 0; for (const s of all) if (pA(s) !== parseDay(s)) bad++
for (const s of ['2024-02-29','2023-02-29','2000-02-29','1900-02-29','1900-03-01','2023-13-01','2023-1-01','1970-01-01','2999-12-31','2023-12-31']) if (!(Object.is(pA(s), parseDay(s)))) { console.log('mismatch', s, pA(s), parseDay(s)); bad++ }
console.log('mismatches', bad)
const tests: Record<string, () => number> = {
  floor: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) if (ss[j]!.date <= TODAY) n++ } return n },
  parseDay: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) n += parseDay(ss[j]!.date) } return n },
  pA: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) n += pA(ss[j]!.date) } return n },
}
for (let r = 0; r < 3; r++) for (const [k, f] of Object.entries(tests)) { const ts: number[] = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0) } ts.sort((a, b) => a - b); if (r === 2) console.log(k.padEnd(18), ts[15]!.toFixed(2)) }
