// diffPlans (issue 4): what changed per baseline since the submitted version.
import { describe, expect, it } from 'vitest'
import { diffPlans, type RrmpActionItem } from '../../../../shared/engine/omu/index'
import { entry } from './fixtures'

const item = (patch: Partial<RrmpActionItem> = {}): RrmpActionItem => ({
  id: 'a1',
  action: 'Agree SSOW for wing interview rooms',
  owner: 'OMU Custody Manager',
  targetDate: '2020-07-01',
  status: 'in_progress',
  progressUpdates: [],
  ...patch,
})

describe('diffPlans', () => {
  it('identical plans have no differences', () => {
    expect(diffPlans([entry('1.1'), entry('2.5')], [entry('1.1'), entry('2.5')])).toEqual([])
  })

  it('reports field changes on baseline 2.5: status, delivery option and an evidence flag', () => {
    const before = [entry('2.5', { status: 'in_progress', owner: 'HOMS' })]
    const after = [
      entry('2.5', {
        status: 'ready',
        owner: 'HOMS',
        delivery: { kind: 'option', optionId: 'duty_pom' },
        evidence: { riskAssessmentDone: true, safeSystemOfWorkDone: false, unionsConsulted: false },
      }),
    ]
    expect(diffPlans(before, after)).toEqual([
      {
        baselineId: '2.5',
        change: 'changed',
        fields: [
          { field: 'status', before: 'in progress', after: 'ready' },
          { field: 'delivery', before: 'not chosen', after: 'option duty_pom' },
          { field: 'evidence.riskAssessmentDone', before: 'no', after: 'yes' },
        ],
        summary: [
          'Baseline 2.5: Status changed from "in progress" to "ready".',
          'Baseline 2.5: Delivery changed from "not chosen" to "option duty_pom".',
          'Baseline 2.5: Risk assessment done changed from "no" to "yes".',
        ],
      },
    ])
  })

  it('reports baselines added and removed, in natural id order (2.9 before 2.10)', () => {
    const d = diffPlans([entry('2.10'), entry('1.1')], [entry('1.1'), entry('2.9', { status: 'not_applicable', notApplicableReason: 'No young adults' })])
    expect(d.map((x) => [x.baselineId, x.change])).toEqual([
      ['2.9', 'added'],
      ['2.10', 'removed'],
    ])
    expect(d[0]?.summary).toEqual(['Baseline 2.9 was added to the plan (not applicable).'])
  })

  it('reports action items added, changed (status, progress updates) and removed', () => {
    const before = [entry('3.2', { actionItems: [item(), item({ id: 'a2', action: 'Book video link' })] })]
    const after = [
      entry('3.2', {
        actionItems: [item({ status: 'completed', progressUpdates: [{ date: '2020-06-20', note: 'SSOW signed off' }] }), item({ id: 'a3', action: 'Brief COMs on the technology pathway' })],
      }),
    ]
    expect(diffPlans(before, after)[0]?.fields).toEqual([
      { field: 'actionItems[a1].status', before: 'in progress', after: 'completed' },
      { field: 'actionItems[a1].progressUpdates', before: '(none)', after: '2020-06-20: SSOW signed off' },
      { field: 'actionItems[a3]', before: '(none)', after: 'added: Brief COMs on the technology pathway' },
      { field: 'actionItems[a2]', before: 'Book video link', after: '(removed)' },
    ])
  })

  // Issue 16: no code names in what a reviewer reads; baselines by number and title, dates dd/mm/yyyy.
  it('says each change in plain words, naming the baseline by number and title and the action by its place', () => {
    const before = [entry('2.4', { actionItems: [item(), item({ id: 'a2', action: 'Book video link' })] })]
    const after = [entry('2.4', { resourcingNote: 'One agency case administrator', targetDate: '2026-03-27', actionItems: [item({ status: 'completed' })] })]
    expect(diffPlans(before, after, new Map([['2.4', 'OASys assessments and sentence planning']]))[0]?.summary).toEqual([
      'Baseline 2.4 (OASys assessments and sentence planning): Target date changed from "(none)" to "27/03/2026".',
      'Baseline 2.4 (OASys assessments and sentence planning): Resourcing note changed from "(none)" to "One agency case administrator".',
      'Baseline 2.4 (OASys assessments and sentence planning): action 1 status changed from "in progress" to "completed".',
      'Baseline 2.4 (OASys assessments and sentence planning): action 2 removed ("Book video link").',
    ])
  })
})
