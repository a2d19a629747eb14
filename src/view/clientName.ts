// The rules for a new client's name, checked when the learner adds a client. The Clients panel loads this module
// (and zod with it) when the name field is first used, so zod is not part of the startup download.
import '../zodJitless'
import * as z from 'zod/mini'

export const CLIENT_NAME_MAX = 24
const CLIENT_NAME_PATTERN = /^[A-Za-z0-9_-]+$/

/** A new client's name: the rules in order, so the first one broken gives the message. */
const clientNameSchema = z.string().check(
  z.minLength(1, 'Enter a name for the new client.'),
  z.maxLength(CLIENT_NAME_MAX, {
    error: (issue) => `Use at most ${CLIENT_NAME_MAX} characters (this name has ${(issue.input as string).length}).`,
  }),
  z.regex(CLIENT_NAME_PATTERN, 'Use only letters, digits, hyphens (-) and underscores (_), without spaces.'),
)

/** An error sentence for an invalid new client name, or null when the name can be used. */
export function validateClientName(name: string, existing: readonly string[]): string | null {
  const r = clientNameSchema.safeParse(name)
  if (!r.success) return r.error.issues[0]?.message ?? 'This name cannot be used.'
  if (existing.includes(name)) return `A client named “${name}” already exists. Choose another name.`
  return null
}
