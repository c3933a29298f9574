// Thrown only for caller mistakes that no plain-data answer can describe (an unknown stage id, a
// date that is not a date). Everything a HOMS can get wrong in a plan comes back as problems.
export class OmuInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OmuInputError'
  }
}
