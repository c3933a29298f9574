// The Group view's rows and their order (issue 19, "Group view"): one row per readiness document
// of either schema version, unknown figures (a version 1 file) kept unknown, sorted with unknowns
// last in both directions and ties broken by name.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { complianceText, groupRow, sortGroupRows, type GroupRow } from '../../shared/export/groupView'
import { normaliseReadiness, readinessExportV1Schema } from '../../shared/export/readinessExport'

const v1 = normaliseReadiness(readinessExportV1Schema.parse(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'readiness-export-v1.json'), 'utf8'))))

function row(name: string, over: { percent?: number; handovers?: number | null } = {}): GroupRow {
  const base = groupRow({ ...v1, establishment: { ...v1.establishment, name, code: name.slice(4, 7).toUpperCase() } }, { kind: 'imported', id: 1, importedAt: 'x', exportedAt: v1.exportedAt, schemaVersion: 1 })
  return {
    ...base,
    readiness: base.readiness && over.percent !== undefined ? { ...base.readiness, percent: over.percent } : base.readiness,
    handoversDue: over.handovers === undefined || over.handovers === null ? null : { asOf: base.compliance.asOf, days: 56, cases: over.handovers },
  }
}

describe('a row of the Group view', () => {
  it('from a version 1 file: its readiness and stages as written; missed, transfer arrival, handovers and resourcing unknown', () => {
    const r = groupRow(v1, { kind: 'imported', id: 3, importedAt: '2026-11-24T09:00:00Z', exportedAt: v1.exportedAt, schemaVersion: 1 })
    expect(r).toMatchObject({ stages: { current: v1.plan.currentStage, target: v1.plan.targetStage }, readiness: { percent: v1.readiness.percent }, handoversDue: null, resourcing: null })
    expect(r.compliance.transferArrival).toBeNull()
    expect(complianceText(r.compliance.startOfCustody)).toBe('66% meeting: met 1, due 1, overdue 1, missed not known (a version 1 export)')
    expect(complianceText(r.compliance.transferArrival)).toBe('Not in this file (a version 1 export)')
  })
})

describe('sorting the Group view', () => {
  const rows = [row('HMP Bravo', { percent: 80, handovers: 4 }), row('HMP Alpha', { percent: 80, handovers: null }), row('HMP Charlie', { percent: 95, handovers: 1 })]

  it('by a number, ties broken by establishment name, in either direction', () => {
    expect(sortGroupRows(rows, 'readiness', 'ascending').map((r) => r.establishment.name)).toEqual(['HMP Alpha', 'HMP Bravo', 'HMP Charlie'])
    expect(sortGroupRows(rows, 'readiness', 'descending').map((r) => r.establishment.name)).toEqual(['HMP Charlie', 'HMP Alpha', 'HMP Bravo'])
  })

  it('an unknown figure sorts last whichever the direction', () => {
    expect(sortGroupRows(rows, 'handoversDue', 'ascending').map((r) => r.establishment.name)).toEqual(['HMP Charlie', 'HMP Bravo', 'HMP Alpha'])
    expect(sortGroupRows(rows, 'handoversDue', 'descending').map((r) => r.establishment.name)).toEqual(['HMP Bravo', 'HMP Charlie', 'HMP Alpha'])
  })

  it('by name, and leaves the input as it was', () => {
    const before = rows.map((r) => r.establishment.name)
    expect(sortGroupRows(rows, 'establishment', 'descending').map((r) => r.establishment.name)).toEqual(['HMP Charlie', 'HMP Bravo', 'HMP Alpha'])
    expect(rows.map((r) => r.establishment.name)).toEqual(before)
  })
})
