// The second shipped catalogue (issue 4): seed 000 (000_09e05f8a4fc0c52c.txt), "EXCEPTIONAL
// DELIVERY MODEL (EDM) – PROBATION SUPERVISION". Its stages are the green, amber and red regimes
// of the RAG key, each complete in itself (stageModel 'standalone'); restriction levels are ours
// (red 3, amber 2, green 1) so the regimes order like the OMU stages. No version or date in the
// seed: version '1.0' stands for the text as published. Rows are in probationSupervisionRows.ts.
import type { EdmCatalog } from '../schema'
import { PROBATION_SUPERVISION_ROWS } from './probationSupervisionRows'

export const PROBATION_SUPERVISION_EDM: EdmCatalog = {
  id: 'probation-supervision-edm',
  title: 'Exceptional Delivery Model (EDM) – Probation Supervision',
  version: '1.0',
  source: {
    publisher: 'HM Prison and Probation Service',
    document: 'EXCEPTIONAL DELIVERY MODEL (EDM) – PROBATION SUPERVISION',
    seedFile: '000_09e05f8a4fc0c52c.txt',
  },
  stageModel: 'standalone',
  stages: [
    {
      id: 'red',
      level: 3,
      name: 'Red',
      heading: 'Red regime',
      summary: 'Red components which should be used where the other two components aren’t possible for example staff capacity.',
      items: [
        { id: 'red.1', text: 'Main supervision format remote – telephone/video contact' },
        { id: 'red.2', text: 'Door step supervision' },
        { id: 'red.3', text: 'No home visits' },
        { id: 'red.4', text: 'No prison visits' },
        { id: 'red.5', text: 'Review of risk assessment vulnerable staff in relation to shielding' },
      ],
    },
    {
      id: 'amber',
      level: 2,
      name: 'Amber',
      heading: 'Amber regime',
      summary: 'Amber components, which should be used where this is not possible, for example due to local restrictions or staffing shortages; and',
      items: [
        { id: 'amber.1', text: 'Increase of face to face appointments and reduce door step appointments' },
        { id: 'amber.2', text: 'Main supervision format telephone/video' },
        { id: 'amber.3', text: 'Office supervision for very high/high and medium risk with safeguarding and or domestic abuse' },
        { id: 'amber.4', text: 'Door step visits' },
        { id: 'amber.5', text: 'Home visits (criteria in place)' },
        { id: 'amber.6', text: 'No prison visits' },
      ],
    },
    {
      id: 'green',
      level: 1,
      name: 'Green',
      heading: 'Green regime',
      summary: 'Green components, which should be used where conditions allow;',
      items: [
        { id: 'green.1', group: 'Blended Supervision', text: 'Mix of face to face, door step and remote telephone and video calls' },
        { id: 'green.2', group: 'Blended Supervision', text: 'Door step visits' },
        { id: 'green.3', group: 'Blended Supervision', text: 'Staff working flexibly (remotely and in office to undertake blended supervision)' },
        { id: 'green.4', group: 'Blended Supervision', text: 'Flexible office hours' },
        { id: 'green.5', group: 'Blended Supervision', text: 'Home visits (criteria in place)' },
      ],
    },
  ],
  // The seed's Risk Area column (ids are ours).
  areas: [
    { id: 'supervision', title: 'Delivery of Probation Supervision' },
    { id: 'service', title: 'Delivery of Service' },
    { id: 'home-visits', title: 'Delivery of Probation Supervision – Home Visits for MAPPA Cat 1 cases' },
    { id: 'yos', title: 'Transition cases from YOS' },
    { id: 'programmes', title: 'Accredited Programmes' },
    { id: 'upw', title: 'Unpaid work' },
    { id: 'homelessness', title: 'Homelessness' },
    { id: 'approved-premises', title: 'Supervision in Approved Premises' },
    { id: 'rpss', title: 'R-PSS' },
    { id: 'opd', title: 'Personality Disorder Pathway' },
    { id: 'home-circumstances', title: 'Home Circumstances Checks' },
    { id: 'buildings', title: 'Plans if buildings close' },
    { id: 'staff', title: 'Staff' },
    { id: 'recalls', title: 'Recalls' },
  ],
  baselines: PROBATION_SUPERVISION_ROWS,
  // The PS EDM names no priority cohorts.
  priorityCohorts: [],
  notes: [
    {
      heading: 'This PS EDM includes',
      text: 'If LDU or whole region is not able to deliver green components, due to local restrictions/lockdown you will need to state in the tracker which colour in relation to delivery you are working on.\n\nThe section in white is the standard PS EDM which is relevant for all 3 steps as referred to in the RAG key.',
    },
    {
      heading: 'Key documents that need to be used in conjunction with this EDM',
      text: '· PPE and Social Distancing Guidance\n· Court EDM\n· All other EDMs relevant to specific delivery which are available via your Silver Commands',
    },
    { heading: 'Standard EDM', text: 'From this section on is standard EDM which takes place in any of the 3 EDM stages as noted in the RAG key.' },
  ],
  // The seed's Key / Definition table.
  glossary: [
    { term: 'Face to Face contact', definition: 'In person, People/Person on Probation (PoP) attending the office for supervision following social distancing guidance' },
    {
      term: 'Doorstep Visits',
      definition:
        'This is contact with PoP but at the person on probations address via telephone call/conversation outside the property. Practitioner(s)are not to enter the person on probations home address. This is not a Home Visit, but for recording purposes use home visit entry on Ndelius',
    },
    { term: 'Telephone/Videocall', definition: 'Over telephone or videocall applications agreed such as Whats App.' },
    { term: 'Blended Supervision', definition: 'A combination of face to face, telephone/video call and doorstep appointments are used.' },
    { term: 'Very High/High, Medium and Low Risk', definition: 'This refers to risk of harm' },
    { term: 'PCoSO', definition: 'Person Convicted of a Sexual Offence' },
    {
      term: 'Home Visit',
      definition: 'This is contact with people on probation within their home address. There is strict criteria for who is eligible for this contained in this document.',
    },
    { term: 'PoP', definition: 'People or Person on Probation' },
    { term: 'PP', definition: 'Probation Practitioner' },
    { term: 'AP', definition: 'Approved Premise(s)' },
  ],
}
