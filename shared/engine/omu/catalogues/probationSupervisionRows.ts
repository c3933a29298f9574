// Seed 000 (Probation Supervision EDM): the numbered rows (Ref No, Risk Area, Priorities, Actions
// and Mitigations, When, Who), transcribed exactly: text = Priorities; each Actions / When / Who
// line of the row is one entry of `actions`. Readings of ours, written down here:
// - ids: the seed repeats Ref No 1.1 in the green, amber and red tables (and twice in red), so
//   those rows get unique ids ('green-1.1' ...) and keep refNo '1.1'. The home visits row has no
//   Ref No in the seed ('home-visits').
// - stages: the three 1.1 tables follow the RAG key's order (green, amber, red); the red table also
//   holds the "Delivery of Service" row ("On trigger of red stage of delivery"). Home visits:
//   "Home Visiting Criteria for Amber and Green RAG sections". From 1.2 on: "standard EDM which
//   takes place in any of the 3 EDM stages".
// - area: rows 1.3 to 1.5 have a blank Risk Area cell (a merged cell in the original): they
//   continue 1.2's "Delivery of Probation Supervision".
// - mandatory: the PS EDM does not split mandatory and desirable; every row is what the regime
//   in force stipulates, so all are mandatory. It has no weighting or autonomy (both omitted).
// - faceToFace: the row's own text has in-person contact (face to face, doorstep or home visits,
//   "limited face to face activity", "face to face where possible" for staff supervision).
// - 4.1: the When and Who cells are not aligned with the action paragraphs in the seed (its Who
//   column spills into an extra row), so 4.1 keeps one action with the cells as they stand.
import type { EdmBaseline } from '../schema'

const ALL_REGIMES = ['red', 'amber', 'green']

export const PROBATION_SUPERVISION_ROWS: EdmBaseline[] = [
  {
    id: 'green-1.1', refNo: '1.1', area: 'supervision', mandatory: true, faceToFace: true, stages: ['green'], deliveryOptions: [], sources: [],
    text: 'Ensure continued supervision management.\n\nThat a blended supervision approach is used for the management of PoP. Assessment to be undertaken as to the level of contact required and type to ensure that the right balance is captured to manage risk and meet the needs of the PoP, considering their views as well.\n\nAs per risk management practice, levels of face to face contact needs to be appropriate for very high/high, TACT, PCoSO, domestic abuse and all safeguarding cases and the very vulnerable.\n\nAll assessments of cases should consider an individual’s vulnerability and level of risk to COVID 19. PPs may find it helpful to refer to the guidance on Individual Assessments.',
    actions: [
      { action: 'For new sentence or new event the risk management plan and sentence plan will need to reflect the blended supervision regime and reporting frequency. High and very high risk must be endorsed by the SPO. The rationale must be recorded in personal circumstance in NDelius as well as OASys.\n\nFor existing cases the personal circumstances in NDelius must be amended to reflect the blended supervision regime and frequency, and the rationale for this. The risk management plan and supervision plan to be reviewed in line with the BAU.\n\nFor new releases:\nFirst contact must be face to face, unless the PoP is in an AP, tested positive, symptomatic or instructed to self isolate from releasing prison  (see below section 4.1 for AP Probation Supervision). Weekly contact thereafter until OASys RMP completed.', when: 'As directed by RPD.', who: 'PP/SPO' },
    ],
  },
  {
    id: 'amber-1.1', refNo: '1.1', area: 'supervision', mandatory: true, faceToFace: true, stages: ['amber'], deliveryOptions: [], sources: [],
    text: 'Ensure continued Probation Supervision.\n\nIncrease face to face contact and reduce doorstep contact.\nContinuation of PoP to be supervised by telephone/videocall. Video calling is preferably to phone contact and should be used where possible.\n\nF2F to continue and include the following:\n\n· Person convicted of TACT\n· PoPs without recourse to a phone\n· Prison leavers reporting for their initial appointment\n· High and very high risk\n· High and very high risk PCoSO.\n· Medium Domestic Abuse and safeguarding cases\n\nFrequency for all contact in this stage should be assessed against risk and need. Rationale and decisions need to be fully recorded in line with best practice.',
    actions: [
      { action: 'For new sentence or new event the risk management plan and sentence plan will need to reflect the type and reporting frequency. High and very high risk must be endorsed by the SPO. The rationale must be recorded in personal circumstances in NDelius as well as OASys.\n\nFor existing cases the personal circumstances in NDelius must be amended to reflect the type and frequency, and the rationale for this. The risk management plan and supervision plan to be reviewed in line with the BAU.\n\nFor new releases:\nFirst contact must be face to face, unless the PoP is in an AP, tested positive, symptomatic or instructed to self isolate from releasing prison (see below section 4.1 for AP Supervision). Weekly contact thereafter until OASys RMP completed.\n\nFor PCoSO for low and medium risk cases without safeguarding issues professional judgement to be used re most appropriate reporting contact such as f2f, telephone and doorstep appts.', when: 'As directed by RPD', who: 'PP/SPO' },
    ],
  },
  {
    id: 'red-1.1', refNo: '1.1', area: 'supervision', mandatory: true, faceToFace: true, stages: ['red'], deliveryOptions: [], sources: [],
    text: 'Ensure continued Probation Supervision.\n\nThe majority of people on probation to be supervised by telephone/videocall. Video calling is preferable to phone contact and should be used where possible.\n\nFace to face contact should be retained for the following groups:\n\n· Convicted TACT cases\n· PoP without recourse to a phone\n· Prison leavers reporting for their initial appointment (subsequent appointments can be done via telephone/videocall where appropriate)\n\nDoor step appointments for high and very high, PCoSO and medium domestic abuse and safeguarding cases.',
    actions: [
      { action: 'For new sentence or new event the risk management plan and sentence plan will need to reflect the type and reporting frequency. High and very high risk must be endorsed by the SPO. The rationale must be recorded in personal circumstances of NDelius as well as OASys.\n\nFor existing cases the personal circumstances in NDelius must be amended to reflect the type and frequency, and the rationale for this. The risk management plan and supervision plan to be reviewed in line with the BAU.\n\nFor new releases:\nFirst contact must be face to face, unless the PoP is in an AP, tested positive, symptomatic or instructed to self isolate from releasing prison  (see below section 4.1 for AP Supervision). Weekly contact thereafter until OASys RMP completed.', when: 'As directed by RPD', who: 'PP/SPO' },
    ],
  },
  {
    id: 'red-1.1-service', refNo: '1.1', area: 'service', mandatory: true, faceToFace: false, stages: ['red'], deliveryOptions: [], sources: [],
    text: 'To ensure the safety and well being of our staff who are or have previously been shielding due to vulnerabilities associated with the COVID-19 virus.',
    actions: [
      { action: 'To risk assess and review on monthly basis all staff that are or have previously been shielding.', when: 'On trigger of red stage of delivery', who: 'Line Managers' },
    ],
  },
  {
    id: 'home-visits', area: 'home-visits', mandatory: true, faceToFace: true, stages: ['amber', 'green'], deliveryOptions: [], sources: [],
    text: 'To ensure safe practice for Home Visits for MAPPA Category 1\n\nJoint working is recognised as key to managing risk. Home visits are one important aspect of this. Where it is deemed necessary for a Home Visit for the management of that case and it is possible to deliver these based on local circumstances the actions and mitigations noted in this EDM must be adhered to.\n\nWhere home visits are not possible other steps need to be taken to ensure effective information exchange and joint working.\n\n**Please note ARMs assessment MUST be completed in all cases but for this action/mitigation it is in reference to a Home Visits being required to complete the ARMs assessment.',
    actions: [
      { action: '· An individual Covid staff risk assessment must be carried out for the member of staff who will conduct the home visit.\n· A Covid PoP Individual risk assessment must also be carried out for the person on probation, prior to any home visit taking place, via telephone.\n· Home visiting risk assessment must be completed with the new annex Face to Face Home Visit Risk Assessment Checklist During Covid\n· Home visits should only be undertaken where deemed as required to assess and manage the risk of a person on probation and when the information required cannot be accessed from any other agency who may already be conducting home visits with this person.\n· **ARMS informed OASys these should be undertaken where it is deemed necessary for the management of that case, as set out above. Where it is not possible to undertake a home visit safely due to the pandemic (informed by the risks assessments outlined above), the probation practitioner should discuss with the police and the PP can invite the police to attend the office interview, following Covid secure processes, and should plan to undertake a joint home visit when it is safe to do so.\n\n**Please note ARMs assessment MUST be completed in all cases but for this action/mitigation it is in reference to a Home Visits being required to complete the ARMs assessment.\n\n· The professional judgement of the staff who are familiar with the case will guide these decisions, supported by the line manager.', when: 'Implementation date of this EDM', who: 'PP/SPO' },
    ],
  },
  {
    id: '1.2', area: 'supervision', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'To ensure excellent practice in relation to the transfer of PoP',
    actions: [
      { action: 'Professional judgement to be used and any decision regarding transfer the rationale should be recorded and communicated to all relevant parties', when: 'Ongoing', who: 'PP' },
    ],
  },
  {
    id: '1.3', area: 'supervision', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'To continue with high quality partnership working',
    actions: [
      { action: 'Liaise with partnership agencies and stakeholder re opening hours', when: 'When change occurs', who: 'Business Managers/Hub managers' },
      { action: 'Liaise with relevant Senior PPCS managers to inform Parole Board secretariat and chairs for relevant hearings of potential area-wide difficulties in attendance at hearings during to COVID restrictions.', when: 'As and when required', who: 'Regional Director / PDU Head' },
      { action: 'Dovetail with partnership agency contingency and recovery plans.', when: 'As and when required', who: 'Regional Director / PDU Head' },
      { action: 'Have hard copies of all emergency contact details e.g. Safeguarding, DAU, MASH / PPCS emergency recalls etc.in the office', when: 'Ongoing', who: 'Business Manager / SPO / PDU Head' },
    ],
  },
  {
    id: '1.4', area: 'supervision', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'Ensure detailed records for Test and Trace requirements',
    actions: [
      { action: 'Ensure that plans are in place to keep a clear daily record of PoP contact and whereabouts, staff, visitors and contractors so this information can be readily provided to NHS Test and Trace and local Health Protection Team if a case is confirmed as positive for Covid-19,', when: 'Ongoing', who: 'PP' },
    ],
  },
  {
    id: '1.5', area: 'supervision', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'To keep up to date with current public health guidance',
    actions: [
      { action: 'Staff fully appraised and understand national guidance relating to: testing, contact tracing and vaccination; hand hygiene; cleaning of high risk common touch areas;  shielding and protecting vulnerable persons; working safely; social distancing; wearing of FRSM face masks and the use and safe disposal of any PPE. Please also refer to specific NPS PPE and social distancing guidance', when: 'Ongoing', who: 'PP' },
    ],
  },
  {
    id: '1.6', area: 'yos', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'To ensure the smooth transition of cases and consideration is given to the needs of the PoP given change of reporting from YOS to Probation.',
    actions: [
      { action: 'Professional judgement should be used to ensure that young people coming to the NPS from YOS are supported with regard to frequency and type of contact given the greater risk of non-compliance/ engagement. Assessment should include vulnerability/maturity as well as risk and public protection issues.', when: 'Ongoing', who: 'PP' },
    ],
  },
  {
    id: '1.7', area: 'programmes', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'To ensure where it is not possible for an accredited programme to be delivered, toolkits to support effective supervision (or the alternative agreed by individual regions/CRCs) should be delivered',
    actions: [
      { action: 'All alternative interventions to be and recorded as per recording guidance. Relevant documents are contained within the Covid 19 HMPPS Accredited Programmes  Information Pack. Documents which are particularly pertinent for PPs/ Responsible Officers are the following;\n\n· 1. Information for Practitioners V.2\n· 3. Prioritisation Framework\n· 5. (a) Recording Guidance\n· 6. Probation Practitioner Toolkits to Support Effective Supervision V1.3 - to be used where programme delivery is not possible', when: 'Ongoing', who: 'PP/responsible officer' },
    ],
  },
  {
    id: '2.1', area: 'upw', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'Stand-alone UPW cases where NPS is the Responsible Officer (RO)',
    actions: [
      { action: 'If the case is not being worked the following applies: All high / very high risk of harm cases in this group will need an appointment. Professional judgement re what reporting type most suitable.\n\nAll other stand-alone UPW cases contact to move to telephone/videocall.\n\nThe PP can provide the PoP with contact details for any ad hoc calls.\n\nRecord level of contact in Personal Circumstances on NDelius.', when: 'High/ very high risk of harm please use professional judgement re frequency and contact type.\n\nFrequency for other cases to be assessed by RO and recorded.', who: 'Responsible Office – PP or PSO.' },
    ],
  },
  {
    id: '3.1', area: 'homelessness', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'Homeless Prevention Teams (HPTs)\n\nmust be established by Silver Command. The purpose of the HPTs is to work with partner agencies to ensure PoP are not street homeless.',
    actions: [
      { action: 'HPTs must work in collaboration with CRCs to identify all prison leavers subject to licence (3 month forward look) to identify those in need of accommodation.\n\nHPT to assist in unblocking barriers to accommodation issues with partners, to assist PPs who identify PoP subject to community orders or licence who are street homeless.\n\nEnsure released offender does not have any symptoms of COVID 19,\nor has not been instructed to self-isolate from releasing prison.', when: 'Daily', who: 'HPT teams' },
      { action: 'Respond to DV incidents reported by police when alternative accommodation is required to reduce risk to victims.', when: 'As occur', who: 'HPT teams/PP' },
    ],
  },
  {
    id: '4.1', area: 'approved-premises', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'All AP residents to continue to have supervision undertaken by the PP via telephone or video contact.\n\nPLEASE REFER TO AP EDM.',
    actions: [
      { action: 'If PoP has tested positive for COVID19 before release from prison, consideration of AP placement should take place with regard to suitability and rationale and decision recorded.\n\nReleases - For PoP being released to AP a face to face contact is not required with PP. However, on reception at AP a telephone contact or videocall if available at the AP must take place.\n\nFrequency of Subsequent supervision including existing residents should follow the BAU process for reporting, and take place via telephone or videocall with the PoP. Key workers sessions are greatly reduced in the current COVID19 crisis and should not be relied upon for supervision contact. NDelius and OASys should record levels of contact required.\n\nOffender management has responsibility for enforcement.\nAll placements should be kept under regular review and PP as before takes responsibility for move on when it is decided that the AP place is no longer required for public protection reasons.\n\nEnsure that when completing referrals all 10 options are completed to support wider referrals in case initial choice is not available.\n\nEnsure that OASYS is reviewed and updated to support contingency planning should the AP be required to close and all residents moved on.', when: 'On day of release.\n\nAs assessed', who: 'PP\n\nPP and HOPP (residential)\n\nPP\n\nPP' },
    ],
  },
  {
    id: '5.1', area: 'rpss', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'Low to Medium Risk PoP only (high and very high following supervision requirements already noted in this EDM)',
    actions: [
      { action: 'A minimum of one phone/videocall appointment at the end of the licence period – this is used to explain R-PSS and set up the pattern for Non enforceable remote contact in accordance with project guidance. There is no need for a separate enforceable first appointment to begin the PSS period.\n\nNB cases can continue to be worked with by PSO under CMS where available.  If there are no PSOs\nAvailable, the PO applies the R-PSS principles to the case.\n\nFacetime contact then the “Remote” sub-type should be used.\n\nIf a reporting frequency of “Other” is selected the user is asked to add the frequency this represents to the notes section.”\n\nRevision to the RMP and sentence plan.\n\nProfessional judgement should always be applied with PSS PoP that are medium to low risk.', when: 'As noted.', who: 'PP' },
    ],
  },
  {
    id: '6.1', area: 'opd', mandatory: true, faceToFace: true, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'Ensure continued delivery of the Joint PoP Personality Disorder (OPD) Pathway Core Probation Supervision.\n\nAll screening activity to be undertaken on appropriate cases.\n\nContinued remote consultation and joint casework activity with health partners, with limited face to face activity if required.\n\nContinued or re-introduced clinical supervision and reflective practice processes with health partners.',
    actions: [
      { action: 'The outcome of OPD screening activity, status and any resulting recommendations from OPD consultations to be considered in the review of each risk management and sentence plan.\n\nEnsuring consultations with health partners have been undertaken for those screened in. Formulations are recorded, and recommendations incorporated into a psychologically-informed sentence plan.\nSPO to follow up that recommendations are being implemented.', when: 'Immediate effect, priority order starting with highest risk', who: 'PP/SPO in conjunction with Health Partner' },
    ],
  },
  {
    id: '7.1', area: 'home-circumstances', mandatory: true, faceToFace: true, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'To continue the suitability of addresses prior to prison release.',
    actions: [
      { action: 'Perform questioning and assessment via remote form / door stepping.', when: 'Immediate effect', who: 'PP' },
    ],
  },
  {
    id: '8.1', area: 'buildings', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'Ensuring basic service delivery for public protection',
    actions: [
      { action: 'When an office is closed, a sign should be placed on the door advising the next day the office is open. Provide emergency telephone contact number.', when: 'As occurs', who: 'LDU Head' },
      { action: 'Communication with staff re:  risk/reassurance required post-outbreak (communication plan required).', when: 'DAILY / AS REQUIRED', who: 'Regional Director' },
      { action: 'Liaison with partnership agencies re: Health & Safety arrangements in shared buildings.', when: 'DAILY', who: 'Business Manager / Hub Manager' },
    ],
  },
  {
    id: '9.1', area: 'staff', mandatory: true, faceToFace: true, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'Ensure continued management of Staff.\n\nAbsences: Determine the vacancy rate trigger point for activating the demand management strategy has been met.\nThis will vary within each PDU office to office* and consideration needs to be given to working across PDUs, particularly accounting for rurality.\n(*Dependent on pressing issues e.g. number of current vacancies for individual offices and numbers of POs -v- PSOs, staff judgement required at Regional Director level.)\n\nSupervision: To continue and face to face where possible for offender facing staff and others if requested.',
    actions: [
      { action: 'SPOC to be appointed to coordinate PP duties across the division.\n\nDevise and implement weekly duty rotas for each office in each PDU.\n\nSPO regular calls across the PDU.', when: 'Ongoing', who: 'LDU Head/\n\nLine managers' },
    ],
  },
  {
    id: '10.1', area: 'recalls', mandatory: true, faceToFace: false, stages: ALL_REGIMES, deliveryOptions: [], sources: [],
    text: 'Probation Supervision and ensuring public protection.\n\n· High risk PoP are recalled in timely manner\n· Recall consideration not directly related to risk eg low risk offender failure to report',
    actions: [
      { action: 'Ensure staff in PPCS prioritise recalling PoP through diverting resources for parole work to discharge its functions in revoking PoP’ licences and sending revocation orders to the Police.', when: 'AT POINT OF ACTIVATION OF EDM', who: 'PPCS Managers' },
      { action: 'Consideration of changes to documentation which NPS and CRCs submit. Reduce recall paperwork to submission of Annex A and copy of licence.', when: 'AT POINT OF ACTIVATION OF EDM', who: 'RPD/ PPCS Managers' },
      { action: 'Review the process for recall sign-off before submitted to PPCS. Consider regional on call Senior Manager arrangement for all very high/high risk of harm cases.', when: 'Ongoing', who: 'RPD / Heads of LDUs' },
      { action: 'Continual communication with Prison Governors over prison capacity for receiving recalled prisoners.', when: 'Ongoing', who: 'RPD or delegated authority senior manager/\nMOJ Policy' },
      { action: 'All consideration must be given to alternatives to recall including licence variations where appropriate. (If the recall is necessary then it must proceed -  there is no change to the threshold for recall based on risk)', when: 'WHERE APPROPRIATE', who: 'PP / SPO / LDU Head' },
      { action: 'Use on call /duty ACO system across the Division to validate decision making for VH/H./Medium risk of harm safeguarding cases.', when: 'As required', who: 'PP / SPO / LDU Head' },
      { action: 'To authorise Medium (non-safeguarding related)/low risk of harm Licence variations.', when: 'As required', who: 'LDU Head/ SPO' },
      { action: 'The Public Protection Casework Section (PPCS) must ensure that the recall request includes advice to the Police if the person being recalled is suspected as symptomatic with Covid-19, or has tested positive withing the last 10 days or otherwise identified as needed to self-isolate.', when: 'As and when occurs', who: 'PP' },
    ],
  },
]
