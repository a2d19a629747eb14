// The CloudFront form's allowlist field: the cookie names a learner typed, separated by commas or spaces.

/** The names typed into the allowlist field, in order, without blanks. */
export function parseCookieNames(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}
