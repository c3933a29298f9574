import { cases, TODAY } from './_gen'
const tests: Record<string, () => number> = {
  floor: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) if (ss[j]!.date <= TODAY) n++ } return n },
  len: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) n += ss[j]!.date.length } return n },
  c1: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) n += ss[j]!.date.charCodeAt(9) } return n },
  c10: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) { const s = ss[j]!.date; n += s.charCodeAt(0) + s.charCodeAt(1) + s.charCodeAt(2) + s.charCodeAt(3) + s.charCodeAt(4) + s.charCodeAt(5) + s.charCodeAt(6) + s.charCodeAt(7) + s.charCodeAt(8) + s.charCodeAt(9) } } return n },
  c10loop: () => { let n = 0; for (let i = 0; i < cases.length; i++) { const ss = cases[i]!.sessions!; for (let j = 0; j < ss.length; j++) { const s = ss[j]!.date; for (let k = 0; k < 10; k++) n += s.charCodeAt(k) } } return n },
}
for (let r = 0; r < 3; r++) for (const [k, f] of Object.entries(tests)) { const ts: number[] = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0) } ts.sort((a, b) => a - b); if (r === 2) console.log(k.padEnd(18), ts[15]!.toFixed(2)) }
