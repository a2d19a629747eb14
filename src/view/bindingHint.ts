// The one-line hint beside deleting AWSALB (chip details and the Cookies panel): AWSALBCORS holds the same
// binding, so a browser that still has it stays stuck, which is correct AWS behaviour but reads as a broken
// lab to someone who followed the seed article's "delete the cookie" demo (issue 15).

export const AWSALBCORS_HINT =
  'Deleting AWSALB alone does not re-balance: AWSALBCORS carries the same binding, so delete both.'

/** Whether the hint belongs beside Delete AWSALB: the jar (as the learner sees it) holds both cookies. */
export function needsAwsalbcorsHint(names: readonly string[]): boolean {
  return names.includes('AWSALB') && names.includes('AWSALBCORS')
}
