// Seed 002 (OMU EDM), section "Delivery of tasks completed by the Offender Management Unit under
// stages 4, 3, 2 and 1": transcribed exactly. Stage 4 lists the tasks delivered in lockdown; the
// high-level descriptors of stages 3, 2 and 1 list the "changes to increase delivery" each adds.
// Item ids are ours (s<stage>.<n>); text, grouping and order are the seed's.
import type { EdmPriorityCohort, EdmStage } from '../schema'

export const OMU_EDM_STAGES: EdmStage[] = [
  {
    id: '4',
    level: 4,
    name: 'Red / Lockdown',
    heading: 'Red Regime (Stage 4) Lockdown',
    summary:
      'Under Red Regime (Stage 4) Lockdown, in addition to administration functions such as sentence calculation and the drawing up of the licence, the following tasks in Offender Management Units in prisons are currently being delivered:',
    items: [
      { id: 's4.1', group: 'Public Protection', text: 'Allocation of Prison Offender Managers' },
      { id: 's4.2', group: 'Public Protection', text: 'Categorisation' },
      { id: 's4.3', group: 'Public Protection', text: 'Public Protection Requests' },
      { id: 's4.4', group: 'Public Protection', text: 'Victim Liaison Officer and Community Offender Manager contact' },
      { id: 's4.5', group: 'Public Protection', text: 'Interdepartmental Risk Management Team meetings' },
      { id: 's4.6', group: 'Public Protection', text: 'Parole related reports and remote hearings' },
      { id: 's4.7', group: 'Public Protection', text: 'Release on Temporary Licence and Home Detention Curfew' },
      { id: 's4.8', group: 'Public Protection', text: 'Multi-Agency Public Protection Arrangements' },
      { id: 's4.9', group: 'OASys', text: 'Pre-release assessments considered a priority with others based on risk of serious harm and stage of sentence.' },
      { id: 's4.10', group: 'Progression', text: 'Recategorisation' },
      { id: 's4.11', group: 'Progression', text: 'Handover to the community' },
    ],
  },
  {
    id: '3',
    level: 3,
    name: 'Restrict',
    heading: 'Stage 3 (Restrict) - High Level Descriptor',
    summary: 'It is expected that under Stage 3, 2 and 1 there will be the following changes to increase delivery of offender management within prisons.',
    items: [
      { id: 's3.1', text: 'Reintroduction of probation staff (staff in post pre-COVID) subject to availability in prison settings, overseen by Divisional Implementation Boards (DIBs).' },
      { id: 's3.2', text: 'Prison Band 4 staff returned to POM roles from other parts of the prison, subject to local availability.' },
      {
        id: 's3.3',
        text: 'Limited Key work sessions for high risk offenders (TACT and high risk of harm), whilst encouraging other groups to be considered through the key work EDM, take place on a 1-2-1 basis observing social distancing.',
      },
      { id: 's3.4', text: 'Limited support provided by POMs to key workers.' },
      { id: 's3.5', text: 'Reintroduction of limited one to one work with young adults.' },
      { id: 's3.6', text: 'Increased access to prisoners for Parole Board activity (eg psychology assessments)' },
    ],
  },
  {
    id: '2',
    level: 2,
    name: 'Reduce',
    heading: 'Stage 2 (Reduce) – High Level Descriptor',
    summary: '',
    items: [
      { id: 's2.1', text: 'All prison based probation staff (staff in post pre-COVID) have returned to work in prisons, overseen by Divisional Implementation Boards (DIBs)' },
      { id: 's2.2', text: 'All prison POMs back in post.' },
      { id: 's2.3', text: 'Greater numbers of face to face Parole Boards take place within the prison observing social distancing.' },
      {
        id: 's2.4',
        text: 'Increased level of key work sessions outside of high risk cohorts take place on a 1-2-1 basis observing social distancing. Engagement with keyworkers will be critical to supporting the most vulnerable prisoners as well as those who are approaching a key milestone in their sentence.',
      },
      { id: 's2.5', text: 'Increased support provided by POMs to key workers.' },
    ],
  },
  {
    id: '1',
    level: 1,
    name: 'Prepare',
    heading: 'Stage 1 (Prepare) – High Level Descriptor',
    summary: '',
    items: [
      { id: 's1.1', text: 'At this stage compartmentalisation is no longer required but ongoing screening, testing and monitoring continues to rapidly detect new infections.' },
      { id: 's1.2', text: 'Regimes operating without the requirement for social distancing or PPE use.' },
      { id: 's1.3', text: 'Staffing levels near target and sufficient for normal regime delivery including full offender management processes.' },
    ],
  },
]

/**
 * Seed 002: "Priority supervision should be given to the following cohorts as we progress through
 * stages 4 to 1". Ids are the engine's (see cohorts.ts); text is the seed's.
 */
export const OMU_EDM_PRIORITY_COHORTS: EdmPriorityCohort[] = [
  { id: 'newly_sentenced_indeterminate', text: 'Newly sentenced indeterminate prisoners' },
  { id: 'handover_period', text: 'Prisoners in the handover period' },
  { id: 'approaching_parole', text: 'Prisoners approaching parole, Indeterminate and determinate' },
  { id: 'early_allocation', text: 'Prisoners identified as meeting the early allocation criteria (e.g. TACT offenders)' },
  { id: 'care_experienced', text: 'Prisoners who have experienced care' },
  { id: 'young_adult', text: 'Young Adult Prisoners.' },
  { id: 'key_worker_priority', text: 'Following keyworker/POM consultation, priority prisoners identified in the key work EDM who require additional support.' },
]
