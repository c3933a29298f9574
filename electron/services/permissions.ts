// Who may call what (issue 7) lives in one table, shared/permissions/rules.ts, read by both the main
// process (the dispatcher enforces it here) and the renderer (it hides what a role cannot do, issue 16).
// Add a new channel's rule THERE, not here.
export { RULES, refusal, type Rule } from '../../shared/permissions/rules'
