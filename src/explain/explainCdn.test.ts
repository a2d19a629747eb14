import { describe, expect, it } from 'vitest'
import { explainCdn } from './explainCdn'

describe('the CDN sentence', () => {
  it('names the policy and every cookie it withheld, and says Set-Cookie still reaches the browser', () => {
    expect(explainCdn({ cookies: 'none', names: [], withheld: ['AWSALB', 'AWSALBCORS'] })).toBe(
      "CloudFront in front forwards no cookies to the load balancer (origin request policy CookieBehavior none), so it withheld AWSALB and AWSALBCORS; the response's Set-Cookie lines still reach the browser.",
    )
    expect(
      explainCdn({ cookies: 'whitelist', names: ['session', 'AWSALB'], withheld: ['AWSALBCORS'] }),
    ).toContain(
      'forwards only session and AWSALB to the load balancer (origin request policy CookieBehavior whitelist), so it withheld AWSALBCORS',
    )
  })
})
