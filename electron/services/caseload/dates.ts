/** Calendar arithmetic on 'YYYY-MM-DD' strings in UTC, so no time zone can shift a date. */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}
