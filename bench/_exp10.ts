import { evaluateCase } from '../shared/engine/case/index'
import { generate, TODAY, SEED } from './_gen'
const cases = generate(SEED)
let n = 0
const t0 = performance.now()
for (let r = 0; r < 200; r++) for (const c of cases) n += evaluateCase(c, TODAY).lateRecords
console.log(n, ((performance.now() - t0) / 200).toFixed(2), 'ms/run')
