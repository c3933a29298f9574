// The shipped OMU EDM catalogue (issue 4), transcribed from seed 002 (002_cb2c8140e1f61681.txt,
// "Exceptional Delivery Model: Offender Management Unit"). The seed carries no version number or
// date: version '1.0' stands for the text as published. Stages and priority cohorts are in
// omuEdmStages.ts, the 22 mandatory baselines in omuEdmBaselines.ts. loadCatalog(OMU_EDM) passes
// (test/unit/engine/omu/catalogues.test.ts).
import type { EdmCatalog } from '../schema'
import { OMU_EDM_BASELINES } from './omuEdmBaselines'
import { OMU_EDM_PRIORITY_COHORTS, OMU_EDM_STAGES } from './omuEdmStages'

export const OMU_EDM: EdmCatalog = {
  id: 'omu-edm',
  title: 'Exceptional Delivery Regime model: Offender Management Unit',
  version: '1.0',
  source: {
    publisher: 'HM Prison and Probation Service',
    document: 'Exceptional Delivery Models (EDMs): Offender Management Unit',
    seedFile: '002_cb2c8140e1f61681.txt',
    scope: 'Offender Management in the closed male estate – tasks to be completed under stage 3',
  },
  stageModel: 'cumulative',
  stages: OMU_EDM_STAGES,
  // Seed 002 "Area/Process" column, in table order.
  areas: [
    { id: '1', title: 'Start of sentence' },
    { id: '2', title: 'Throughout the sentence' },
    { id: '3', title: 'Resettlement' },
    { id: '4', title: 'Tasks that support case management delivery' },
    { id: '5', title: 'Exceptional OMU tasks' },
  ],
  baselines: OMU_EDM_BASELINES,
  priorityCohorts: OMU_EDM_PRIORITY_COHORTS,
  guides: {
    // "Guide to weightings/prioritisation (mandatory tasks only)"
    weighting: [
      { value: '3', description: 'Highest– action required as a precursor to other tasks' },
      { value: '2', description: 'Medium – action required as part of wider work' },
      { value: '1', description: 'Lowest – action required once others have been completed' },
    ],
    // "Guide to autonomy levels (mandatory tasks only)"
    autonomy: [
      { value: 'Total', description: 'Establishment has total autonomy to determine the design of the product that satisfies the baseline' },
      { value: 'Partial', description: 'Establishment has partial autonomy – the ability to choose from pre-determined delivery options (which are specified)' },
      { value: 'Limited', description: 'Establishment has limited autonomy and must deliver the product as stipulated' },
    ],
  },
  // Seed passages a HOMS needs beside the plan. The last heading is ours: the seed runs that
  // paragraph on from the priority cohorts without a heading.
  notes: [
    { heading: 'Regime Recovery Management Plans- RRMP', text: 'Prisons are required to develop local Regime Recovery Management Plans (RRMP) based on a suite of national guidance documents called Exceptional Delivery Models (EDM). Establishments are being provided with high level guidance outlining the parameters they must work within but have autonomy to build their own bespoke plans based on what works locally. Establishments will submit their RRMP together with a readiness assessment to their respective Prison Group Director (PGD). Further details are contained within the published National Framework on Regimes & Services.\n\nThe EDM in relation to the delivery of Offender Management is provided overleaf. This advice will be updated as Government guidance evolves and any changes to HMPPS regimes are made over-all.' },
    { heading: 'Exceptional Delivery Regime model: Offender Management Unit', text: 'It is judged that certain tasks completed by the Offender Management Unit in prisons, as delivered prior to COVID-19, are not feasible at the current time. However, community staffing levels and prison staffing levels are better than predicted and so we will review the return of probation staff on an establishment by establishment basis to take account of the priorities at a local level both in the prison and in the community and be agreed by the Divisional Implementation Board. This Exceptional Delivery Model (EDM) provides a framework for how offender management in prisons can be delivered safely and in adherence with PHE guidance on social distancing. This EDM is part of our medium-term recovery plan.\n\nThis EDM sets a framework of principles within which establishments must operate. The appropriate extent of Offender Management that can safely be delivered is for local determination, adhering at all times to these principles. This should be facilitated via dialogue between the Governor and Heads of Offender Management Service and Delivery (HOMD and HOMS). Local resourcing plans should be submitted and agreed by the Divisional Implementation Boards. The establishments RRMP plan should be submitted and signed-off by the PGD and Prison Gold. The section appertaining to the OMU should also be submitted to probation Gold for sign-off via the DIB.' },
    { heading: 'Importance of Offender management and associated risks', text: 'Everyone in prison should have the opportunity to transform their lives by using their time in custody constructively to reduce their risk of harm and reoffending; to plan their resettlement; and to improve their prospects of becoming safe, law-abiding and valuable member of society. Offender Management in Custody (OMiC) is at the heart of much of what we do, supporting the critical transition from custody to community.\n\nWe know relationships can make a huge difference and we want prisoners to have trusting relationships with staff to support them through their sentence and help them take responsibility for their own rehabilitation. This EDM will focus resources where they are needed most, by providing support and supervision for the highest priority individuals or at crucial points of an individual’s sentence. Prisons should enable POMs and key workers to work in a collaborative way to ensure that individuals are supported and that information is shared.\n\nThe risks associated with not carrying out the tasks indented within this EDM and Annex A include:\n\n· A weakening in the effective management of public protection arrangements leading to increased risk of harm in the community\n\n· lack of or limited progression for prisoners through their sentence\n\n· Impact on safety and unrest in prisons\n\n· Reduced access to interventions such as accredited programmes or offender personality disorder pathway. This could negatively impact on an individual’s opportunity to rehabilitate and reduce their risk of reoffending and harm.' },
    { heading: 'Delivery of supervision sessions', text: 'Delivery of supervision sessions might include shorter sessions or reduced frequency dependent upon available staffing and the ability of establishments to maintain PHE/PHW guidelines on physical distancing. In cell telephony if available can be used however face to face supervision is the preferred option in wing-based interview rooms where physical distancing guidelines can be adhered to. Many Offender Management Units have open plan offices, consideration must be given to the requirements of social distancing within this environment which needs to be taken into account in Risk Assessments and SSOW. Risk assessments and SSOW must be carried out in consultation with the TUs and Staff Associations.\n\nWhere the movement of prisoners and staff around the prison has to happen in order to facilitate Offender Management work, social distancing guidelines must be adhered to  and not compromised. An arrangement allocating POMS to specific parts of the prison should be considered during this period to minimise the risk of the spread of infection. Psychology Services are operating a pod system to limit the risk of further infection across establishments\n\nIt is recognised that there may be exceptional local circumstances such as a new, significant outbreak of COVID-19 cases or a high level of staff absence where even the minimum level cannot be delivered.' },
  ],
}
