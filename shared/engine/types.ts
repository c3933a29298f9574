// Types shared by both engines. A calendar date is always an ISO 'YYYY-MM-DD' string end to end:
// never a Date or a timestamp, so no time zone can shift it.
export type IsoDate = string
