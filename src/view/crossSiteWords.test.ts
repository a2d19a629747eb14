import { describe, expect, it } from 'vitest'
import { CROSS_SITE_HINT, CROSS_SITE_SWITCH, OTHER_SITE_HOST, OTHER_SITE_LABEL } from './crossSiteWords'

describe('cross-site vocabulary', () => {
  it('names the other site the inspector shows as Origin, and defines SameSite in one sentence', () => {
    expect(OTHER_SITE_HOST).toBe('www.example.com')
    expect(OTHER_SITE_LABEL).toBe('on www.example.com')
    expect(CROSS_SITE_SWITCH).toBe('Cross-site request')
    const sameSite = CROSS_SITE_HINT.split(/(?<=\.) /).filter((s) => s.startsWith('SameSite is'))
    expect(sameSite).toHaveLength(1)
    // Both words, related once: cross-site is the UI's word, cross-origin says why CORS applies.
    expect(CROSS_SITE_HINT).toContain('cross-site request, and so also a cross-origin (CORS) one')
  })
})
