import { AppShell, Badge, Burger, Button, Center, Group, Loader, Text, Title, VisuallyHidden } from '@mantine/core'
import { useDisclosure, useIdle } from '@mantine/hooks'
import { useQueryClient } from '@tanstack/react-query'
import { createElement, lazy, Suspense, useEffect, useRef } from 'react'
import type { Establishment } from '../../../shared/ipc/channels/establishment'
import type { User } from '../../../shared/ipc/channels/auth'
import { useSignOut } from '../data/authHooks'
import { STAGE_NAMES } from '../lib/format'
import { CaseloadScreen } from '../screens/CaseloadScreen'
import { NavItem } from './NavItem'
import { ScreenErrorBoundary } from './ScreenErrorBoundary'
import { groupScreenCode } from './screenCode'
import { OfflineBanner } from './OfflineBanner'
import { AuditChainBanner } from './AuditChainBanner'
import { ThemeToggle } from './ThemeToggle'
import { AccountMenu } from './AccountMenu'
import { hrefFor, routesFor, useRoute, type Route, type RoutePath } from './routes'

// The caseload (what most users open first) is in the main bundle; other screens load on first
// visit, so the app shows its first rows sooner (issue 8).
const ReadinessScreen = lazy(() => import('../screens/ReadinessScreen').then((m) => ({ default: m.ReadinessScreen })))
const RrmpScreen = lazy(() => import('../screens/RrmpScreen').then((m) => ({ default: m.RrmpScreen })))
const ResourcingScreen = lazy(() => import('../screens/resourcing/ResourcingScreen').then((m) => ({ default: m.ResourcingScreen })))
const SettingsScreen = lazy(() => import('../screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })))
const AllocationScreen = lazy(() => import('../screens/allocation/AllocationScreen').then((m) => ({ default: m.AllocationScreen })))
const DueScreen = lazy(() => import('../screens/due/DueScreen').then((m) => ({ default: m.DueScreen })))
const ImportScreen = lazy(() => import('../screens/import/ImportScreen').then((m) => ({ default: m.ImportScreen })))
const HomeScreen = lazy(() => import('../screens/home/HomeScreen').then((m) => ({ default: m.HomeScreen })))
const LazyGroupScreen = lazy(() => groupScreenCode.load().then((c) => ({ default: c })))
/** Shown at once, without suspending, when start-up has already loaded its code (app/screenCode.ts, issue 19). */
function GroupScreen() {
  const loaded = groupScreenCode.loaded()
  return loaded ? createElement(loaded) : <LazyGroupScreen />
}
const PrisonerScreen = lazy(() => import('../screens/prisoner/PrisonerScreen').then((m) => ({ default: m.PrisonerScreen })))

function Screen({ route }: { route: Route }) {
  if (route.kind === 'prisoner') return <PrisonerScreen key={route.prisonerId} prisonerId={route.prisonerId} />
  return <NavScreen path={route.path} />
}

/** The route's name for the error log: code, never data (a prisoner's page is `prisoner`, not its id). */
function screenName(route: Route): string {
  return route.kind === 'prisoner' ? 'prisoner' : route.path
}

function NavScreen({ path }: { path: RoutePath }) {
  switch (path) {
    case 'home':
      return <HomeScreen />
    case 'due':
      return <DueScreen />
    case 'allocation':
      return <AllocationScreen />
    case 'import':
      return <ImportScreen />
    case 'caseload':
      return <CaseloadScreen />
    case 'rrmp':
      return <RrmpScreen />
    case 'resourcing':
      return <ResourcingScreen />
    case 'readiness':
      return <ReadinessScreen />
    case 'group':
      return <GroupScreen />
    case 'settings':
      return <SettingsScreen />
    default: {
      const never: never = path
      return never
    }
  }
}

export function Shell({ establishment, user, lockAfterMinutes }: { establishment: Establishment; user: User; lockAfterMinutes: number }) {
  const [opened, { toggle, close }] = useDisclosure()
  const route = useRoute()
  const signOut = useSignOut()
  const queryClient = useQueryClient()
  // Lock after inactivity (issue 7): the main process also refuses requests from an idle session.
  const idle = useIdle(lockAfterMinutes * 60_000, { initialState: false })
  useEffect(() => {
    if (idle) signOut.mutate()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sign out once when idle starts
  }, [idle])
  // A prisoner's page belongs under Caseload in the navigation.
  const activePath: RoutePath = route.kind === 'screen' ? route.path : 'caseload'
  const first = useRef(true)

  // Close the mobile navigation after a move (the new screen's heading takes focus: PageHeading).
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    close()
  }, [route, close])

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Show navigation" />
            <Text fw={700} size="lg">
              OMU Desk
            </Text>
            {/* issue 16: at 1024 px wide the establishment's name gives way, so the stage badge and the buttons are never cut off. */}
            <Text size="sm" c="dimmed" visibleFrom="lg">
              {establishment.name} ({establishment.code})
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Badge variant="light" color={establishment.currentStage >= 3 ? 'red' : 'teal'} aria-label={`Current EDM stage: ${STAGE_NAMES[establishment.currentStage]}`}>
              {STAGE_NAMES[establishment.currentStage]}
            </Badge>
            <AccountMenu user={user} />
            <ThemeToggle userId={user.id} />
            {/* Issue 18, printing: the current screen through the print stylesheet (styles.css,
                @media print); the menu's File › Print (Ctrl+P) does the same from the main process. */}
            <Button size="xs" variant="default" onClick={() => window.print()} aria-label="Print this screen">
              Print
            </Button>
            <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <nav>
          <VisuallyHidden>
            <Title order={2}>Navigation</Title>
          </VisuallyHidden>
          {routesFor(user.role).map((r) => (
            <NavItem key={r.path} href={hrefFor(r.path)} label={r.label} description={r.description} active={activePath === r.path} />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <OfflineBanner />
        <AuditChainBanner enabled={user.role === 'homs' || user.role === 'governor'} />
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label="Loading" />
            </Center>
          }
        >
          {/* Issue 18: a screen that fails shows a sentence and "Reload this screen", not a blank
              window; a new route starts afresh. Reloading forgets the failed screen's cached reads
              (inactive now that it is not shown), so they are read again. */}
          <ScreenErrorBoundary key={route.kind === 'prisoner' ? `prisoner/${route.prisonerId}` : route.path} screen={screenName(route)} onReload={() => void queryClient.resetQueries({ type: 'inactive' })}>
            <Screen route={route} />
          </ScreenErrorBoundary>
        </Suspense>
      </AppShell.Main>
    </AppShell>
  )
}
