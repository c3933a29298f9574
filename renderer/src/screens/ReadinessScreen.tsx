import { EmptyState } from '../app/EmptyState'
import { PageHeading } from '../app/PageHeading'

export function ReadinessScreen() {
  return (
    <>
      <PageHeading title="Readiness and export" lead="The readiness assessment the Governor signs off and sends to the Prison Group Director." />
      <EmptyState title="Nothing to sign off yet">
        The HOMS prepares the RRMP first. When it is submitted it appears here for the Governor to approve or return with comments, and to export.
      </EmptyState>
    </>
  )
}
