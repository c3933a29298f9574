// Small helpers for the benchmarks: medians of repeated runs in one process, and a table.

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; the median in milliseconds. */
export async function measure(fn: () => unknown, runs: number, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return median(times)
}

export interface Row {
  size: number
  what: string
  ms: number
  /** The reference measured in the same run, and its name. */
  floorMs?: number
  floor?: string
  target?: string
  pass?: boolean
  /** Unit of `ms` when it is not milliseconds (the heap is in MB). */
  unit?: string
}

export function ratio(r: Row): string {
  return r.floorMs ? `${(r.ms / r.floorMs).toFixed(2)}x` : ''
}

export function table(rows: Row[]): string {
  const head = '| size | measurement | median | reference | ratio | target | met |\n|---:|---|---:|---|---:|---|---|'
  const body = rows.map(
    (r) =>
      `| ${r.size.toLocaleString('en-GB')} | ${r.what} | ${r.ms.toFixed(1)} ${r.unit ?? 'ms'} | ${r.floor ? `${r.floor}: ${r.floorMs?.toFixed(1)} ms` : ''} | ${ratio(r)} | ${r.target ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'yes' : '**no**'} |`,
  )
  return [head, ...body].join('\n')
}
