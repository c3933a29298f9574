/**
 * SQL written by drizzle's SQLite dialect, as PostgreSQL takes it. The two differ in only two ways
 * for the queries this app makes: the parameters (below), and ON CONFLICT targets, which drizzle
 * writes table-qualified (`on conflict ("app_setting"."key")`), where PostgreSQL wants bare
 * column names. test/unit/placeholders.test.ts covers both.
 */
export function toPostgres(sql: string): string {
  return numberParameters(sql.replace(/ on conflict \(((?:"[^"]+"\."[^"]+"(?:, )?)+)\)/g, (_m, cols: string) => ` on conflict (${cols.replace(/"[^"]+"\.("[^"]+")/g, '$1')})`))
}

/**
 * drizzle's SQLite dialect writes `?` parameters; node-postgres wants `$1, $2, ...`. Renumbers every
 * `?` outside string literals, quoted identifiers and comments (drizzle quotes every identifier,
 * and a `?` inside quotes is text, not a parameter).
 */
export function numberParameters(sql: string): string {
  let out = ''
  let n = 0
  let i = 0
  while (i < sql.length) {
    const ch = sql[i] as string
    if (ch === "'" || ch === '"') {
      const end = closing(sql, i, ch)
      out += sql.slice(i, end)
      i = end
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      const stop = end === -1 ? sql.length : end
      out += sql.slice(i, stop)
      i = stop
    } else if (ch === '?') {
      out += `$${++n}`
      i++
    } else {
      out += ch
      i++
    }
  }
  return out
}

/** The index just past the quote that closes the one at `start` (a doubled quote is an escaped one). */
function closing(sql: string, start: number, quote: string): number {
  let i = start + 1
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2
      else return i + 1
    } else i++
  }
  return sql.length
}
