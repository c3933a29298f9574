import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './styles.css'
import { currentRoute } from './app/routeTable'
import { preloadScreenCode } from './app/screenCode'
import { startFirstReads } from './data/firstReads'

// The first screen's reads start now, from this small entry, while the rest of the app (React,
// Mantine, the screens: boot.tsx, preloaded by index.html) is still being fetched and compiled
// (issue 8: the first caseload row within a second).
const reads = startFirstReads(currentRoute())
// The first screen's own code too, when it is a lazily loaded one that can be preloaded (app/screenCode.ts).
preloadScreenCode(currentRoute())
void import('./boot').then((m) => m.boot(reads))
