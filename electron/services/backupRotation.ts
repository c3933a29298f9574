import { isFutureDated, newestFirst as newest, type BackupInfo } from '../../db/backups'
import { isoWeekIso } from '../../shared/dates'

// Which backups to keep (issue 7: "kept in rotation (e.g. last 7 daily + 4 weekly)"). Pure, so
// the rules are tested without files. Days and weeks are England and Wales calendar days.
//
// - daily: the 7 newest automatic daily backups;
// - weekly: the newest backup (of any kind) in each of the 4 most recent ISO weeks that have one
//   (so a machine left off for a month still keeps a month of history);
// - pre-migration, pre-restore and manual backups: every one of the last 30 days;
// - a backup with a label this version does not know: always kept (never delete what we do not understand);
// - a backup dated in the future: kept and flagged (issue 15), never counted as a day's or week's.
// "Newest" is the app's backup sequence (db/backups.ts), not the date (issue 15).

export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4
export const KEEP_EVENT_DAYS = 30

const EVENT_LABELS = new Set(['premigration', 'prerestore', 'manual'])
const KNOWN_LABELS = new Set(['daily', ...EVENT_LABELS])

/** ISO 8601 week of a 'YYYY-MM-DD' date, as 'YYYY-Www' (the week's Thursday decides the year). */
export function isoWeek(isoDate: string): string {
  return isoWeekIso(isoDate)
}

/**
 * Splits `backups` into those to keep and those to delete. `dayOf` turns an instant into the
 * England and Wales calendar date ('YYYY-MM-DD').
 */
export function planRotation(backups: readonly BackupInfo[], now: Date, dayOf: (d: Date) => string): { keep: BackupInfo[]; remove: BackupInfo[] } {
  // Issue 15: newest by the app's own sequence, not the clock.
  const newestFirst = [...backups].sort(newest)
  const keep = new Set<string>()
  // A backup dated in the future is kept and flagged for a person to look at, never counted as
  // this week's or today's (its date cannot be trusted, so neither can a rotation built on it).
  for (const b of newestFirst) if (isFutureDated(b, now)) keep.add(b.path)

  const dated = newestFirst.filter((b) => !isFutureDated(b, now))
  dated.filter((b) => b.label === 'daily').slice(0, KEEP_DAILY).forEach((b) => keep.add(b.path))

  const weeks = new Set<string>()
  for (const b of dated) {
    const week = isoWeek(dayOf(new Date(b.takenAt)))
    if (weeks.has(week)) continue
    if (weeks.size === KEEP_WEEKLY) break
    weeks.add(week)
    keep.add(b.path)
  }

  const cutoff = now.getTime() - KEEP_EVENT_DAYS * 86_400_000
  for (const b of newestFirst) {
    if (!KNOWN_LABELS.has(b.label)) keep.add(b.path)
    else if (EVENT_LABELS.has(b.label) && new Date(b.takenAt).getTime() >= cutoff) keep.add(b.path)
  }

  return { keep: newestFirst.filter((b) => keep.has(b.path)), remove: newestFirst.filter((b) => !keep.has(b.path)) }
}
