// The readiness and export screen lives in ./readiness (issue 6).
export { ReadinessScreen } from './readiness/ReadinessScreen'
