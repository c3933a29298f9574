import { parseDay } from '../shared/engine/case/dates'
import { cases, TODAY } from './_gen'
const m = new Map<string, number>()
const o: Record<string, number> = Object.create(null)
function viaMap(s: string): number { let v = m.get(s); if (v === undefined) { v = parseDay(s); m.set(s, v) } return v }
function viaObj(s: string): number { let v = o[s]; if (v === undefined) { v = parseDay(s); o[s] = v } return v }
const tests: Record<string, () => number> = {
  floor: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) if (ss[j]!.date <= TODAY) n++ } return n },
  parse: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) n += parseDay(ss[j]!.date) } return n },
  map: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) n += viaMap(ss[j]!.date) } return n },
  obj: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) n += viaObj(ss[j]!.date) } return n },
}
for (let r = 0; r < 3; r++) for (const [k, f] of Object.entries(tests)) { const ts: number[] = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0) } ts.sort((a, b) => a - b); if (r === 2) console.log(k.padEnd(18), ts[15]!.toFixed(2)) }
