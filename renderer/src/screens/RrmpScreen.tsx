// The RRMP planning screen lives in ./rrmp (issue 6).
export { RrmpScreen } from './rrmp/RrmpScreen'
