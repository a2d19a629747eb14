import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'
import { scannerReport } from './scannerFindings'

describe('scanner findings on the load balancer cookies', () => {
  it("flags AWSALB's missing Secure and HttpOnly as read from the jar, and says they cannot be configured", () => {
    const lab = createLab({ seed: 1 })
    lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    lab.request('alice')
    const jar = lab.cookies('alice')
    const awsalb = jar.find((c) => c.name === 'AWSALB')!
    const report = scannerReport(awsalb, lab.listener().protocol)!
    expect(report.findings).toEqual(['Missing Secure flag', 'Missing HttpOnly flag'])
    expect(report.advice[0]).toContain('there is no attribute or setting to add Secure or HttpOnly')
    // AWSALBCORS over HTTPS is Secure in the jar: only HttpOnly is flagged.
    const cors = jar.find((c) => c.name === 'AWSALBCORS')!
    const corsReport = scannerReport(cors, 'HTTPS')!
    expect(corsReport.findings).toEqual(['Missing HttpOnly flag'])
    expect(corsReport.advice).toContain('AWSALBCORS already carries SameSite=None; Secure.')
  })

  it('follows the attributes, not the name: a Secure HttpOnly cookie is not flagged; other cookies are not scanned', () => {
    expect(scannerReport({ name: 'AWSALB', secure: true, httpOnly: true }, 'HTTPS')).toEqual({
      findings: [],
      advice: [],
    })
    expect(scannerReport({ name: 'SESSIONID', secure: false, httpOnly: false }, 'HTTPS')).toBeNull()
    const tg = scannerReport({ name: 'AWSALBTG', secure: false, httpOnly: false }, 'HTTP')!
    expect(tg.advice.join(' ')).toContain('HTTPS listener')
  })
})
