import { describe, expect, it } from 'vitest'
import { AWSALBCORS_HINT, needsAwsalbcorsHint } from './bindingHint'

describe('the AWSALBCORS hint beside Delete AWSALB', () => {
  it('shows only when the jar holds both cookies (over HTTP the Secure AWSALBCORS is never stored)', () => {
    expect(needsAwsalbcorsHint(['AWSALB', 'AWSALBCORS', 'SESSIONID'])).toBe(true)
    expect(needsAwsalbcorsHint(['AWSALB', 'SESSIONID'])).toBe(false)
    expect(needsAwsalbcorsHint(['AWSALBCORS'])).toBe(false)
  })

  it('is one short line that names both cookies', () => {
    expect(AWSALBCORS_HINT).toContain('AWSALBCORS')
    expect(AWSALBCORS_HINT.split(' ').length).toBeLessThanOrEqual(16)
  })
})
