// Public API of the two pure rule engines (no I/O, no clock: `today` is always a parameter).
// Case engine: OMiC handover, responsibility and POM supervision minima (seed 003, Annex B).
export * from './case/index'
// OMU task engine: EDM stages 4-1, baselines, RRMP readiness and sequencing (seed 002, seed 000).
export * from './omu/index'
// Resourcing projection: POM hours needed versus available over 12 weeks at a target stage (issue 19, seed 002).
export * from './resourcing/index'
