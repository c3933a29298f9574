// Seed 002 (OMU EDM), table "Exceptional Delivery Regime model: Offender Management in the closed
// male estate – tasks to be completed under stage 3", Mandatory actions 1.1 to 5.2. Id, area,
// baseline text, weighting, autonomy level and the "Comments/Sources of information" column are
// transcribed exactly (paragraph breaks kept as blank lines, bullets as '·', the seed's spelling
// such as "POM’s" kept). Two fields are readings of ours, written down here:
//
// stages: the table is headed "tasks to be completed under stage 3" and the EDM covers "level 3
// (restrict) moving towards level 2 (reduce)"; a HOMS keeps these minimums at stages 2 and 1
// (which only add delivery), so every baseline applies at stages 3, 2 and 1, none at stage 4.
//
// faceToFace: true where the baseline as stipulated has people meeting in person: interviewing
// the prisoner (1.1, 2.6, 3.6 "Where it is not possible to interview a prisoner"; 3.6 also
// "Psychology Services will require prisoner access"), boards (3.4: remote only "if Emergency
// Release Procedures are enacted"). For partial baselines whose mode is the local choice (2.4,
// 2.5, 2.7, 2.8, 2.9, 3.5, 3.7) the delivery option carries the flag. The seed ties face-to-face
// work to "Risk Assessments and SSOW ... carried out in consultation with the TUs and Staff
// Associations", which assessReadiness requires as evidence.
//
// deliveryOptions (partial autonomy only) use the seed's own wording: the baseline's text where
// it names alternatives (2.4, 2.5, 2.7), otherwise the delivery modes the seed names for
// supervision and prisoner contact ("face to face supervision is the preferred option in
// wing-based interview rooms where physical distancing guidelines can be adhered to", "In cell
// telephony if available", "Video Conferencing Facilities", "the agreed technology pathway").
import type { EdmBaseline, EdmDeliveryOption } from '../schema'

const STAGES_3_TO_1 = ['3', '2', '1']

const FACE_TO_FACE: EdmDeliveryOption = {
  id: 'face_to_face',
  text: 'Face to face in wing-based interview rooms where physical distancing guidelines can be adhered to',
  faceToFace: true,
}
const IN_CELL_TELEPHONY: EdmDeliveryOption = { id: 'in_cell_telephony', text: 'In cell telephony if available', faceToFace: false }
const VIDEO_CONFERENCING: EdmDeliveryOption = { id: 'video_conferencing', text: 'Video Conferencing Facilities', faceToFace: false }

/** 2.4: the prioritised assessments alone, or with backlog reduction ("Restricted regimes can offer an opportunity ..."). */
const OASYS_OPTIONS: EdmDeliveryOption[] = [
  {
    id: 'prioritised',
    text: 'Prioritised assessments: 1) Early Allocation, 2) Pre-handover assessments 3) Move to open, 4) COVID SPL release 5) Youth to Adult transitions; other prioritisation decisions based on the risk of serious harm presented by the prisoner and stage of imprisonment',
    faceToFace: false,
  },
  {
    id: 'prioritised_and_backlog',
    text: 'Prioritised assessments, and reducing the OASys backlog where other tasks/activities cannot be completed',
    faceToFace: false,
  },
]

/** 2.5 and the paragraph after the priority cohorts. A duty POM gives support on the wing, in person (our reading). */
const SUPERVISION_OPTIONS: EdmDeliveryOption[] = [
  FACE_TO_FACE,
  { id: 'in_cell_telephony', text: 'Alternative technology: in cell telephony if available', faceToFace: false },
  { id: 'duty_pom', text: 'A duty POM system to ensure support is offered to priority and other vulnerable groups', faceToFace: true },
]

/** 2.7: "HMPPS Psychology to offer limited remote and face to face consultation to POM’s where possible". */
const OPD_OPTIONS: EdmDeliveryOption[] = [
  { id: 'remote', text: 'Limited remote consultation to POM’s', faceToFace: false },
  { id: 'face_to_face', text: 'Limited face to face consultation to POM’s', faceToFace: true },
  { id: 'remote_and_face_to_face', text: 'Limited remote and face to face consultation to POM’s', faceToFace: true },
]

/** 2.8 with 3.6: "Psychology Services will require prisoner access ... The mode of this may vary". */
const PSYCHOLOGY_ACCESS_OPTIONS: EdmDeliveryOption[] = [
  { id: 'face_to_face', text: 'Face to face prisoner access for the Psychology Team, observing social distancing', faceToFace: true },
  { id: 'remote', text: 'Prisoner access for the Psychology Team using available technology', faceToFace: false },
]

/** 2.9 meetings with the YOS and Youth Custody; stage 3 "Reintroduction of limited one to one work with young adults". */
const TRANSITION_OPTIONS: EdmDeliveryOption[] = [
  { id: 'technology_pathway', text: 'Meetings via the agreed technology pathway', faceToFace: false },
  { id: 'face_to_face', text: 'Meetings face to face, observing social distancing', faceToFace: true },
]

/** 3.5, 3.7: communication with the prisoner "by a method agreed locally by each prison SMT". */
const PRISONER_COMMUNICATION_OPTIONS: EdmDeliveryOption[] = [FACE_TO_FACE, IN_CELL_TELEPHONY, VIDEO_CONFERENCING]

export const OMU_EDM_BASELINES: EdmBaseline[] = [
  // 1. Start of sentence
  {
    id: '1.1', area: '1', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: true, stages: STAGES_3_TO_1,
    text: 'Screening for Cat A/Initial Categorisations/Re-Categorisations\n\nWhere it is not possible to interview a prisoner, POM’s to use alternative technology and/or utilise existing information in OASys assessments along with additional information from quantum systems to support recategorisation decisions.',
    deliveryOptions: [],
    sources: ['Categorisation and Recategorisation'],
  },
  {
    id: '1.2', area: '1', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Allocation of all new cases to a named POM, which must comply with OMiC case allocation principles.  Where the case management support model was in place pre-Covid, appropriate support and mentoring must be in place to support prison based POM’s.',
    deliveryOptions: [],
    sources: ['OMIC POM Allocation Guidance v2', 'OMIC Case Management Support Model', 'Allocation'],
  },
  {
    id: '1.3', area: '1', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Bail',
    deliveryOptions: [],
    sources: ['Bail'],
  },
  // 2. Throughout the sentence
  {
    id: '2.1', area: '2', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Public Protection requests and actions progressed including child and adult safeguarding',
    deliveryOptions: [],
    sources: ['OMIC Adult safeguarding Guidance (England and Wales)', 'OMIC Child Safeguarding Guidance and Referral Checklist.', 'Public Protection'],
  },
  {
    id: '2.2', area: '2', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Inter-departmental Risk Management Team meetings',
    deliveryOptions: [],
    sources: ['Public Protection'],
  },
  {
    id: '2.3', area: '2', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Contact with Victim Liaison Officer at key stages of sentence',
    deliveryOptions: [],
    sources: ['OMIC Managing cases registered with the Victim Contact Scheme', 'Handling Sensitive Information', 'OMIC Victim Contact Scheme Briefing', 'Victims'],
  },
  {
    id: '2.4', area: '2', weighting: 3, autonomy: 'partial', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'OASys assessments and sentence planning, including the backlog but the following assessments should be prioritised: 1) Early Allocation, 2) Pre-handover assessments 3) Move to open, 4) COVID SPL release (all enable risk management in the community to commence and to undertake ROTL in the open estate) 5) Youth to Adult transitions\n\nOther prioritisation decisions are to be based on the risk of serious harm presented by the prisoner and stage of imprisonment.\n\nRestricted regimes can offer an opportunity to reduce the OASys backlog where other tasks/activities cannot be completed.',
    deliveryOptions: OASYS_OPTIONS,
    sources: ['Case Management Toolkit on OMiC EQuiP has a range of OASys Guidance documents, including new ROSH Guidance, RMP and ARMS informed OASys changes due to take place in late June.', 'OASys'],
  },
  {
    id: '2.5', area: '2', weighting: 2, autonomy: 'partial', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Supervision should be reinstated where it is safe and appropriate to do so. Should social distancing and/or alternative technology to deliver be unavailable, a duty POM system should be set up to ensure support is offered to priority and other vulnerable groups.',
    deliveryOptions: SUPERVISION_OPTIONS,
    sources: ['OMiC Supervision Guidance and Supervision Checklist', 'Supervision'],
  },
  {
    id: '2.6', area: '2', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: true, stages: STAGES_3_TO_1,
    text: 'Re-Categorisation - Where it is not possible to interview a prisoner, POM’s to utilise existing information in OASys assessments along with additional information from quantum systems to support recategorisation decisions and/or use alternative technology. Decisions to be fed back to prisoners using method agreed locally by the SMT.\n\nAny transfer to open conditions must be supported by a new OASys (completed by the closed estate and address:  a) confirming the move has been supported b) the VLO has been contacted c) the sentence plan reflects the move to open conditions.',
    deliveryOptions: [],
    sources: ['Categorisation and Recategorisation', 'Transfers'],
  },
  {
    id: '2.7', area: '2', weighting: 2, autonomy: 'partial', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Offender Personality Disorder Pathway – prisoners should be screened for OPD at the start of their sentence, if this has not been completed pre-handover or parole, these cases should be prioritised for transition into the community.  HMPPS Psychology to offer limited remote and face to face consultation to POM’s where possible. (HMPPS Psychology EDM currently enacted).',
    deliveryOptions: OPD_OPTIONS,
    sources: ['Case Management Tool on OMiC EQuIP contains a range of guidance documents on OPD.', 'OPD'],
  },
  {
    id: '2.8', area: '2', weighting: 2, autonomy: 'partial', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Psychological Assessment for Parole directed hearing to be facilitated in liaison with Psychology Team',
    deliveryOptions: PSYCHOLOGY_ACCESS_OPTIONS,
    sources: [],
  },
  {
    id: '2.9', area: '2', weighting: 2, autonomy: 'partial', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Youth to Adult transitions including sentence planning and review meetings and transition closure meetings, liaising with the Youth Offending Service and Youth Custody.',
    deliveryOptions: TRANSITION_OPTIONS,
    sources: ['Youth to Adult Transition'],
  },
  // 3. Resettlement
  {
    id: '3.1', area: '3', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Early Allocation to the community',
    deliveryOptions: [],
    sources: ['OMiC Early Allocation Guidance for POM’s', 'Early Allocation Referral', 'Early Allocation'],
  },
  {
    id: '3.2', area: '3', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Handover meetings with the Community Offender Manager are to be completed via the agreed technology pathway.  Communication with the prisoner regarding handover will be carried out by a method agreed locally by each prison SMT.',
    deliveryOptions: [],
    sources: ['OMIC Handover Guidance V2', 'NPS and CRC Handover'],
  },
  {
    id: '3.3', area: '3', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Contribution to MAPPA to continue via completion of the MAPPA F and attendance at MAPPA meetings via the agreed technology pathway.',
    deliveryOptions: [],
    sources: ['MAPPA'],
  },
  {
    id: '3.4', area: '3', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: true, stages: STAGES_3_TO_1,
    text: 'ROTL and HDC boards and if Emergency Release Procedures are enacted these should be conducted remotely.',
    deliveryOptions: [],
    sources: ['HDC', 'ROTL'],
  },
  {
    id: '3.5', area: '3', weighting: 2, autonomy: 'partial', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Licence conditions to be discussed between POM and COM and POM to chase the community if the PD1 has not been received in a timely manner. Communication to the prisoner on the agreed licence conditions should carried out by a method agreed locally by each prison SMT',
    deliveryOptions: PRISONER_COMMUNICATION_OPTIONS,
    sources: ['Discharge and Licence Conditions'],
  },
  {
    id: '3.6', area: '3', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: true, stages: STAGES_3_TO_1,
    text: 'Sentence Planning Review Meeting (Indeterminate sentences for move to open estate) and SPRE and SPRL reports for parole. Where it is not possible to interview a prisoner, reports for Parole should be completed using existing assessments and any new information available on quantum systems and in conjunction with the Community Offender Manager. The COM should be able to utilise Video Conferencing Facilities to interview the prisoner for the Parole Report and make an informed recommendation. Psychology Services will require prisoner access to report provision. The mode of this may vary depending on the case/assessment required.\nParole Hearings should be progressed using available technology.',
    deliveryOptions: [],
    sources: ['Parole'],
  },
  {
    id: '3.7', area: '3', weighting: 2, autonomy: 'partial', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Recall discussion to take place between POM and COM via agreed technology pathway and communication with the prisoner regarding Part B report and any representations to be carried out by a method agreed locally by each prison SMT.',
    deliveryOptions: PRISONER_COMMUNICATION_OPTIONS,
    sources: ['Recall'],
  },
  // 4. Tasks that support case management delivery
  {
    id: '4.1', area: '4', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'Tasks which support the OMU are completed and communicated to all relevant OMU staff and any actions followed up by the POM.\n\n· Licence/discharge paperwork\n· HDC/ROTL\n· Sentence calculation\n· BCST 1 and 2\n· Custody office functions\n· Bail and supported accommodation for HDC\n· PNC\n· Confiscations orders\n· ViSoR\n· ACCT\n· LISP1s –parole eligible determinates and extended sentences should be prioritised however, indeterminates should be actioned where possible.',
    deliveryOptions: [],
    sources: ['OMiC EQuiP provides mapping for all listed processes.'],
  },
  // 5. Exceptional OMU tasks
  {
    id: '5.1', area: '5', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'COVID – SPL ROTL Compassionate Grounds: To coordinate the ROTL Board dossier, contribute to all relevant forms, update the OASys, liaise with COM and VLO and undertake any enforcement action where necessary.',
    deliveryOptions: [],
    sources: ['Exceptional Delivery Model for ECTR/ROTL and SPL ROTL'],
  },
  {
    id: '5.2', area: '5', weighting: 3, autonomy: 'limited', mandatory: true, faceToFace: false, stages: STAGES_3_TO_1,
    text: 'COVID – End of Custody Temporary Release Scheme (ECTR): To support any release arrangements as defined in the EQuiP maps',
    deliveryOptions: [],
    sources: ['Exceptional Delivery Model for ECTR/ROTL and SPL ROTL', 'COVID19 ECTR'],
  },
]
