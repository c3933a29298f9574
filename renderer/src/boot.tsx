import { Alert, Badge, Notification, createTheme, localStorageColorSchemeManager, MantineProvider, type CSSVariablesResolver } from '@mantine/core'
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { OmuError } from './data/client'
import { keys } from './data/keys'
import { QUERY_DEFAULTS } from './data/queryDefaults'
import { lazy, StrictMode, Suspense, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { ScreenErrorBoundary } from './app/ScreenErrorBoundary'
import { reportRendererError, reportUncaughtErrors } from './data/errorReport'
import type { FirstReads } from './data/firstReads'
import { adoptFirstReads } from './data/startup'

// Any answer saying the session ended (signed out, or locked after inactivity) sends the app back
// to the sign-in page by re-reading who is signed in.
const onError = (err: unknown) => {
  if (err instanceof OmuError && err.code === 'signed_out') void queryClient.invalidateQueries({ queryKey: keys.auth() })
}
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: QUERY_DEFAULTS,
})

// Darker primary shades so text on filled buttons meets WCAG AA contrast in both themes.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, "Segoe UI", Arial, sans-serif',
  components: {
    // Alert titles in the body text colour: the tinted colours fall below 4.5:1 on the light tint.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    // Light badges carry body-coloured text on their tint (the tinted text is below 4.5:1 for yellow and teal).
    // Every notification's close button has a name (axe button-name).
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close this message' } } }),
    // A plain object rather than Modal.extend: that would bring the modal's code into the start-up
    // bundle, and no modal is on the first screen (issue 8).
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close this dialog' } } },
    // Issue 16: links are underlined, so a link in a sentence is told from the text without its
    // colour (WCAG 1.4.1; axe link-in-text-block failed in the dark theme). A plain object, as above.
    Anchor: { defaultProps: { underline: 'always' } },
    // Issue 16: values in sentence case ("Very high", "Handover period"), never drawn in capitals,
    // and a badge is never cut off: a long one wraps onto a second line instead of ending in "…".
    Badge: Badge.extend({
      defaultProps: { tt: 'none' },
      styles: (_theme, props) => ({
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', overflow: 'visible' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', ...(props.variant === 'light' ? { color: 'var(--mantine-color-text)' } : {}) },
      }),
    }),
  },
})

// Mantine's default "dimmed" grey is below 4.5:1 on white; these shades meet WCAG 2.2 AA in both themes.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Field errors in a darker red: Mantine's default is below 4.5:1 on white.
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#5c636a', '--mantine-color-error': '#c92a2a' },
  dark: { '--mantine-color-dimmed': '#c1c2c5', '--mantine-color-placeholder': '#a6a7ab' },
})

// Messages appear only after the user does something, so their container (and its code) loads once
// the first screen is up rather than delaying it (issue 8). A message shown before then waits in
// the notifications store and appears when the container mounts.
// Issue 16: where they appear, how long they stay and their clearing on navigation are app/Toasts.tsx's.
const Toasts = lazy(() => import('./app/Toasts').then((m) => ({ default: m.Toasts })))
function LaterNotifications() {
  const [mount, setMount] = useState(false)
  useEffect(() => {
    const id = requestIdleCallback(() => setMount(true), { timeout: 2000 })
    return () => cancelIdleCallback(id)
  }, [])
  return mount ? (
    <Suspense fallback={null}>
      <Toasts />
    </Suspense>
  ) : null
}

/** Renders the app into #root, with the first screen's reads main.tsx has already started. */
export function boot(reads: FirstReads): void {
  adoptFirstReads(queryClient, reads)
  const root = document.getElementById('root')
  if (!root) throw new Error('No #root element')
  reportUncaughtErrors()
  // Issue 18: render errors go to the main process's log (data/errorReport.ts). A caught one is
  // reported by the ScreenErrorBoundary that caught it, with its screen; React's default would also
  // print it to a console nobody reads in an installed app.
  createRoot(root, { onCaughtError: () => undefined, onUncaughtError: (error) => reportRendererError('window', error) }).render(
    <StrictMode>
      {/* Issue 16: until someone chooses a theme (ThemeToggle), the app, the sign-in page first,
          follows the computer's light or dark setting. */}
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto" colorSchemeManager={localStorageColorSchemeManager({ key: 'omu-colour-scheme' })}>
        <LaterNotifications />
        <QueryClientProvider client={queryClient}>
          {/* Outside any screen (sign-in, set-up, the shell itself): reloading means the whole page. */}
          <ScreenErrorBoundary screen="app" onReload={() => window.location.reload()}>
            <App />
          </ScreenErrorBoundary>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  )
}
