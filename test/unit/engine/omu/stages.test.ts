// tasksAtStage / stageChange (issue 4): seed 002's stage 4 list plus what the stage 3, 2 and 1
// descriptors add; seed 000's regimes stand alone.
import { describe, expect, it } from 'vitest'
import { OMU_EDM, OmuInputError, PROBATION_SUPERVISION_EDM, baselinesAtStage, findStage, stageChange, tasksAtStage } from '../../../../shared/engine/omu/index'

describe('tasksAtStage (seed 002, cumulative)', () => {
  it('stage 4: the 11 lockdown tasks (Public Protection, OASys, Progression), no baselines', () => {
    const t = tasksAtStage(OMU_EDM, 4)
    expect(t.stage).toMatchObject({ id: '4', name: 'Red / Lockdown' })
    expect(t.tasks).toHaveLength(11)
    expect(t.tasks[0]).toEqual({ id: 's4.1', text: 'Allocation of Prison Offender Managers', group: 'Public Protection', fromStage: '4', fromStageName: 'Red / Lockdown' })
    expect(t.tasks.map((x) => x.text)).toContain('Handover to the community')
    expect(t.baselineIds).toEqual([])
  })

  it('stage 3: stage 4 tasks plus the 6 stage 3 descriptors (17), and all 22 baselines', () => {
    const t = tasksAtStage(OMU_EDM, '3')
    expect(t.tasks).toHaveLength(17)
    expect(t.tasks.slice(11).map((x) => x.fromStage)).toEqual(['3', '3', '3', '3', '3', '3'])
    expect(t.tasks[11]?.text).toMatch(/^Reintroduction of probation staff/)
    expect(t.baselineIds).toHaveLength(22)
  })

  it('stage 2 adds 5 (22 in all); stage 1 adds 3 (25 in all), most restricted first', () => {
    expect(tasksAtStage(OMU_EDM, 2).tasks).toHaveLength(22)
    const s1 = tasksAtStage(OMU_EDM, 1)
    expect(s1.tasks).toHaveLength(25)
    expect([...new Set(s1.tasks.map((x) => x.fromStage))]).toEqual(['4', '3', '2', '1'])
    expect(s1.tasks[24]?.text).toBe('Staffing levels near target and sufficient for normal regime delivery including full offender management processes.')
  })

  it('an unknown stage throws OmuInputError naming the stages', () => {
    expect(() => tasksAtStage(OMU_EDM, 'amber')).toThrow('Stage "amber" is not a stage of "Exceptional Delivery Regime model: Offender Management Unit" (stages: 4, 3, 2, 1).')
    expect(() => tasksAtStage(OMU_EDM, 'amber')).toThrow(OmuInputError)
  })

  // Issue 17: a plan from the Probation Supervision EDM (seed 000: green, amber and red regimes)
  // keeps the establishment's stage numbers (seed 002: 4 to 1); they read as its restriction levels.
  it('on a catalogue whose stages are not numbered, stage 3, 2, 1 are the regimes at levels 3, 2, 1 and stage 4 the most restricted (seed 000: red, amber, green)', () => {
    expect([4, 3, 2, 1].map((n) => findStage(PROBATION_SUPERVISION_EDM, n).id)).toEqual(['red', 'red', 'amber', 'green'])
    expect(baselinesAtStage(PROBATION_SUPERVISION_EDM, 1).map((b) => b.id)).toEqual(baselinesAtStage(PROBATION_SUPERVISION_EDM, 'green').map((b) => b.id))
    expect(() => findStage(PROBATION_SUPERVISION_EDM, 5)).toThrow(OmuInputError)
    // A numbered catalogue is read by id only (seed 002 has no stage 5).
    expect(() => findStage(OMU_EDM, 5)).toThrow(OmuInputError)
  })
})

describe('stageChange: what is reinstated moving from the current stage to the target', () => {
  it('4 -> 3 reinstates the 6 stage 3 descriptors and brings in all 22 baselines', () => {
    const c = stageChange(OMU_EDM, 4, 3)
    expect(c.reinstated.map((t) => t.id)).toEqual(['s3.1', 's3.2', 's3.3', 's3.4', 's3.5', 's3.6'])
    expect(c.withdrawn).toEqual([])
    expect(c.baselinesAdded).toHaveLength(22)
  })

  it('2 -> 4 (back to lockdown) withdraws stage 3 and 2 items and drops the baselines', () => {
    const c = stageChange(OMU_EDM, 2, 4)
    expect(c.reinstated).toEqual([])
    expect(c.withdrawn.map((t) => t.id)).toEqual(['s3.1', 's3.2', 's3.3', 's3.4', 's3.5', 's3.6', 's2.1', 's2.2', 's2.3', 's2.4', 's2.5'])
    expect(c.baselinesDropped).toHaveLength(22)
  })
})

describe('tasksAtStage (seed 000, standalone regimes)', () => {
  it('red lists only the red summary; its rows include the red 1.1 rows and the standard rows, not home visits', () => {
    const red = tasksAtStage(PROBATION_SUPERVISION_EDM, 'red')
    expect(red.tasks.map((t) => t.text)).toEqual([
      'Main supervision format remote – telephone/video contact',
      'Door step supervision',
      'No home visits',
      'No prison visits',
      'Review of risk assessment vulnerable staff in relation to shielding',
    ])
    expect(red.baselineIds.slice(0, 3)).toEqual(['red-1.1', 'red-1.1-service', '1.2'])
    expect(red.baselineIds).not.toContain('home-visits')
  })

  it('red -> amber reinstates home visits and withdraws "No home visits"', () => {
    const c = stageChange(PROBATION_SUPERVISION_EDM, 'red', 'amber')
    expect(c.reinstated.map((t) => t.text)).toContain('Home visits (criteria in place)')
    expect(c.withdrawn.map((t) => t.text)).toContain('No home visits')
    expect(c.baselinesAdded).toEqual(['amber-1.1', 'home-visits'])
    expect(c.baselinesDropped).toEqual(['red-1.1', 'red-1.1-service'])
  })
})
