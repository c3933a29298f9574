import { EmptyState } from '../app/EmptyState'
import { PageHeading } from '../app/PageHeading'

export function CaseloadScreen() {
  return (
    <>
      <PageHeading title="Caseload" lead="Each case with who is responsible, the next supervision minimum due and the OMiC handover dates." />
      <EmptyState title="No cases yet">
        Cases appear here once prisoners are added and allocated to a POM. Ask your HOMD to allocate cases, or import prisoners from a CSV file when
        the import is available.
      </EmptyState>
    </>
  )
}
