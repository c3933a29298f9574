// Counts in words (issue 16: "0 record(s)" written properly): the number, then the noun in the
// form that goes with it.

/** plural(0, 'record') -> '0 records'; plural(1, 'problem') -> '1 problem'; plural(2, 'person', 'people') -> '2 people'. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : pluralForm}`
}
