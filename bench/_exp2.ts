import { parseDay } from '../shared/engine/case/dates'
const iso = (d: number) => new Date(d * 864e5).toISOString().slice(0, 10)
const arr: string[] = []; for (let i = 0; i < 150000; i++) arr.push(iso(18000 + (i * 7919) % 3000))
function p2(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN
  const c0 = s.charCodeAt(0) - 48, c1 = s.charCodeAt(1) - 48, c2 = s.charCodeAt(2) - 48, c3 = s.charCodeAt(3) - 48
  const c5 = s.charCodeAt(5) - 48, c6 = s.charCodeAt(6) - 48, c8 = s.charCodeAt(8) - 48, c9 = s.charCodeAt(9) - 48
  if ((c0 | c1 | c2 | c3 | c5 | c6 | c8 | c9) >>> 0 > 9) return NaN
  const y = c0 * 1000 + c1 * 100 + c2 * 10 + c3, m = c5 * 10 + c6, d = c8 * 10 + c9
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return NaN
  if (d > 28) { const dim = m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31; if (d > dim) return NaN }
  const yy = m <= 2 ? y - 1 : y
  const era = (yy / 400) | 0, yoe = yy - era * 400
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1
  return era * 146097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719468
}
function p3(s: string): number { return s.charCodeAt(0) + s.charCodeAt(1) + s.charCodeAt(2) + s.charCodeAt(3) + s.charCodeAt(5) + s.charCodeAt(6) + s.charCodeAt(8) + s.charCodeAt(9) }
const tests: Record<string, () => number> = {
  parseDay: () => { let n = 0; for (let i = 0; i < arr.length; i++) n += parseDay(arr[i]!); return n },
  p2: () => { let n = 0; for (let i = 0; i < arr.length; i++) n += p2(arr[i]!); return n },
  p3: () => { let n = 0; for (let i = 0; i < arr.length; i++) n += p3(arr[i]!); return n },
  cmp: () => { let n = 0; for (let i = 0; i < arr.length; i++) if (arr[i]! <= '2024-06-14') n++; return n },
}
for (let r = 0; r < 3; r++) for (const [k, f] of Object.entries(tests)) { const ts: number[] = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0) } ts.sort((a, b) => a - b); if (r === 2) console.log(k.padEnd(10), ts[15]!.toFixed(2)) }
