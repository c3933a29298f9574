import { Alert, Button, Stack, Text, Title } from '@mantine/core'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { reportRendererError } from '../data/errorReport'

// Issue 18, "Logs and crashes": a screen that fails while rendering shows a plain sentence and a
// "Reload this screen" button instead of a blank window; the rest of the app (header, navigation)
// stays usable. The error goes to the log (kind and frames only, data/errorReport.ts).

interface Props {
  /** The route's name for the log (`caseload`, `prisoner`); code, never data. */
  screen: string
  /** Run before the screen is shown again, e.g. to forget its cached reads so they are read afresh. */
  onReload?: () => void
  children: ReactNode
}

interface State {
  failed: boolean
}

export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    reportRendererError('screen', error, this.props.screen)
  }

  private readonly reload = (): void => {
    this.props.onReload?.()
    this.setState({ failed: false })
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <Stack gap="md" maw={640} data-screen-error={this.props.screen}>
        <Title order={1}>This screen could not be shown</Title>
        <Alert color="red" title="Something went wrong on this screen" role="alert">
          <Text size="sm">
            Nothing you saved before has been lost. Reload this screen to try again; if it keeps happening, note the time and tell your system administrator.
          </Text>
        </Alert>
        <div>
          <Button onClick={this.reload}>Reload this screen</Button>
        </div>
      </Stack>
    )
  }
}
