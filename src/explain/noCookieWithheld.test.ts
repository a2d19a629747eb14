import { describe, expect, it } from 'vitest'
import { createLab } from '../sim'

describe('why a sticky request carried no cookie', () => {
  it('says the browser holds AWSALB but withheld it cross-site, not that it carried none', () => {
    const lab = createLab({ seed: 1 })
    lab.addClient('alice')
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'lb_cookie',
    })
    lab.request('alice')
    // Over HTTP the Secure AWSALBCORS is not stored, so only AWSALB is in the jar.
    lab.setListenerProtocol('HTTP')
    lab.deleteCookie('alice', 'AWSALBCORS')
    const r = lab.request('alice', { crossSite: true, credentials: 'include' })
    expect(r.decision).toBe('sticky-miss-no-cookie')
    expect(r.explanation).toContain(
      'the browser holds AWSALB but withheld it from this cross-site request',
    )
    expect(r.explanation).not.toContain('carried no AWSALB')
  })
})
