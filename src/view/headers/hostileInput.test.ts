// Whatever is pasted, the readers answer with an analysis or one readable sentence: they never throw, and every
// non-empty access log line is either read or listed as malformed with a reason.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeAccessLog } from './analyzeAccessLog'
import { analyzeHeaders } from './analyzeHeaders'

/** Text built from the pieces real captures are made of, so the readers' branches are reached, not just rejected. */
const piece = fc.constantFrom(
  '> ',
  '< ',
  '* Connected to a (1.2.3.4) port 443',
  'HTTP/1.1 200 OK',
  'GET / HTTP/1.1',
  'Set-Cookie: ',
  'Cookie: ',
  'AWSALB=',
  'AWSALBCORS=',
  'AWSALBAPP-0=_remove_',
  '; Expires=Tue, 19 Oct 2021 10:00:00 GMT',
  '; Max-Age=-1',
  '; SameSite=None',
  '; Secure',
  'Date: Tue, 12 Oct 2021 10:00:00 GMT',
  'Origin: https://www.example.com',
  'User-Agent: curl/8',
  '__proto__=',
  '%2B',
  '{"log":{"entries":[',
  '"',
  '\n',
  ' ',
)
const capture = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 60 })
  .map((parts) => parts.join(''))

const logPiece = fc.constantFrom(
  'http',
  'https',
  '2018-07-02T22:23:00.186641Z',
  '10.0.0.1:80',
  '-',
  '"GET / HTTP/1.1"',
  '"curl/7.46.0"',
  '"',
  '0.000',
  '200',
  ' ',
  '\n',
)
const logText = fc
  .array(fc.oneof(logPiece, fc.string({ maxLength: 8 })), { maxLength: 120 })
  .map((parts) => parts.join(' '))

describe('hostile input never throws', () => {
  it('header pastes: an analysis or a sentence', () => {
    fc.assert(
      fc.property(capture, (text) => {
        const out = analyzeHeaders(text)
        if (out.ok)
          expect(out.analysis.summary).toMatch(/^Read \d+ requests? and \d+ responses? from /)
        else expect(out.message).toMatch(/\.$/)
      }),
      { numRuns: 300 },
    )
  })

  it('access logs: every entry is read or listed with a reason', () => {
    fc.assert(
      fc.property(logText, (text) => {
        const out = analyzeAccessLog(text)
        if (!out.ok) {
          expect(out.message).toMatch(/\.$/)
          return
        }
        const counted = out.analysis.clients.reduce((n, c) => n + c.requests, 0)
        expect(counted).toBe(out.analysis.entries)
        for (const m of out.analysis.malformed) expect(m.reason.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })
})
