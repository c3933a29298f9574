// The OMU caseload summary the export carries (case engine: seed 003 Annex B minima).
import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { CaseloadSummary } from '../../../../shared/export/readinessExport'
import { overridesText } from '../../../../shared/export/responsibility'
import { formatDate } from '../../lib/format'

function Minimum({ label, m }: { label: string; m: CaseloadSummary['startOfCustody'] }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{m.percentMeeting === null ? 'Applies to no case' : `${m.percentMeeting}% meeting it`}</Table.Td>
      <Table.Td>
        {m.met} met, {m.due} due, {m.overdue} overdue{m.missed === undefined ? '' : `, ${m.missed} missed`} (of {m.applicable})
      </Table.Td>
    </Table.Tr>
  )
}

export function CaseloadPanel({ summary }: { summary: CaseloadSummary }) {
  const s = summary
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="caseload-summary-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="caseload-summary-title">
          OMU caseload summary
        </Title>
        <Text size="sm">
          From the case engine on {formatDate(s.asOf)}: {s.cases} case{s.cases === 1 ? '' : 's'} in custody{s.notEvaluated > 0 ? ` (${s.notEvaluated} could not be evaluated: dates missing or inconsistent)` : ''}. Counts only; no session notes go into the export.
        </Text>
        <Table withTableBorder>
          <Table.Caption>Meeting a minimum: met, or still within its window; an overdue or missed case is not meeting it. Missed: not met and past the due date by more than the overdue period.</Table.Caption>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">By responsibility</Table.Th>
              <Table.Td colSpan={2}>
                POM responsible {s.byResponsibility.pom}; POM with COM supporting {s.byResponsibility.pomWithCom}; COM responsible {s.byResponsibility.com}
              </Table.Td>
            </Table.Tr>
            {/* Issue 17: a HOMD's overrides in force, beside the rules' own counts (absent from older files). */}
            {s.overrides ? (
              <Table.Tr>
                <Table.Th scope="row">Overridden by a HOMD</Table.Th>
                <Table.Td colSpan={2}>{overridesText(s.overrides)}</Table.Td>
              </Table.Tr>
            ) : null}
            <Minimum label="Start-of-custody minimum (POM-responsible cases)" m={s.startOfCustody} />
            <Minimum label="Pre-handover minimum (POM-responsible cases)" m={s.preHandover} />
            <Table.Tr>
              <Table.Th scope="row">Overdue</Table.Th>
              <Table.Td colSpan={2}>
                Start of custody {s.overdue.startOfCustody}; pre-handover {s.overdue.preHandover}; transfer arrival {s.overdue.transferArrival}; {s.overdue.cases} case{s.overdue.cases === 1 ? '' : 's'} with any overdue minimum
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}
