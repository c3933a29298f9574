import { evaluateCase } from '../shared/engine/case/index'
import { generate, TODAY, SEED } from './_gen'
const cases = generate(SEED)
const mode = process.argv[2]
const input = mode === 'nosess' ? cases.map((c) => ({ ...c, sessions: [] })) : cases
let n = 0
for (let r = 0; r < 30; r++) for (const c of input) n += evaluateCase(c, TODAY).lateRecords
const ts: number[] = []
for (let r = 0; r < 60; r++) { const t0 = performance.now(); for (const c of input) n += evaluateCase(c, TODAY).lateRecords; ts.push(performance.now() - t0) }
ts.sort((a, b) => a - b)
console.log(mode, n, ts[30]!.toFixed(2), 'ms/run median')
