// Client-name validation: the first broken rule gives the message; a taken name is refused.
import { describe, expect, it } from 'vitest'
import { validateClientName } from './clientName'

describe('validateClientName', () => {
  it('accepts letters, digits, - and _ up to 24 characters', () => {
    expect(validateClientName('bob', ['alice'])).toBeNull()
    expect(validateClientName('Carol_2-x', [])).toBeNull()
    expect(validateClientName('a'.repeat(24), [])).toBeNull()
  })
  it('explains each kind of invalid name', () => {
    expect(validateClientName('', [])).toMatch(/Enter a name/)
    expect(validateClientName('a'.repeat(25), [])).toMatch(
      /at most 24 characters \(this name has 25\)/,
    )
    expect(validateClientName('bob smith', [])).toMatch(/only letters, digits/)
    expect(validateClientName('élan', [])).toMatch(/only letters, digits/)
    expect(validateClientName('alice', ['alice'])).toMatch(/already exists/)
  })
})
