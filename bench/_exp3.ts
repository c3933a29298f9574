import { evaluateCase } from '../shared/engine/case/index'
import { cases, TODAY } from './_gen'
const noSess = cases.map((c) => ({ ...c, sessions: [] }))
let n = 0
for (let r = 0; r < 600; r++) for (const c of noSess) n += evaluateCase(c, TODAY).lateRecords
console.log(n)
