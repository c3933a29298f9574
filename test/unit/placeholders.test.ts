import { describe, expect, it } from 'vitest'
import { numberParameters, toPostgres } from '../../db/store/placeholders'

// Issue 13: the store's queries are drizzle's SQLite-dialect SQL; the shared database takes them
// with these two translations and no other (db/store/types.ts).

describe('SQLite-dialect SQL for PostgreSQL', () => {
  it('numbers each ? parameter in order', () => {
    expect(numberParameters('select * from "t" where "a" = ? and "b" in (?, ?) limit ?')).toBe('select * from "t" where "a" = $1 and "b" in ($2, $3) limit $4')
  })

  it('leaves a ? inside a string literal, a quoted identifier or a comment alone', () => {
    expect(numberParameters(`select '?', 'it''s ?', "odd?name" from "t" where "a" = ? -- why?\nand "b" = ?`)).toBe(
      `select '?', 'it''s ?', "odd?name" from "t" where "a" = $1 -- why?\nand "b" = $2`,
    )
  })

  it('unqualifies ON CONFLICT target columns (drizzle writes "table"."column"; PostgreSQL refuses it)', () => {
    expect(toPostgres('insert into "app_setting" ("key", "value") values (?, ?) on conflict ("app_setting"."key") do update set "value" = ?')).toBe(
      'insert into "app_setting" ("key", "value") values ($1, $2) on conflict ("key") do update set "value" = $3',
    )
    expect(toPostgres('insert into "p" ("a", "b") values (?, ?) on conflict ("p"."a", "p"."b") do nothing')).toBe('insert into "p" ("a", "b") values ($1, $2) on conflict ("a", "b") do nothing')
  })
})
