import { evaluateCase } from '../shared/engine/case/index'
import { generate, TODAY, SEED } from './_gen'
const sets = Array.from({ length: 12 }, (_, i) => generate(SEED + i))
let n = 0
const ts: number[] = []
for (const input of sets) { const t0 = performance.now(); for (const c of input) n += evaluateCase(c, TODAY).lateRecords; ts.push(performance.now() - t0) }
console.log('cold runs', ts.map((t) => t.toFixed(1)).join(' '))
