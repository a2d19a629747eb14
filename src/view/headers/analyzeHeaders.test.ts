// Header analysis on realistic captures: the header shapes AWS documents and real responses show (AWSALB and
// AWSALBCORS with Expires 7 days after Date, AWSALBAPP-0..3 with _remove_ shards, AWSALBTG), curl -v transcripts,
// HAR files with and without cookies, and hostile input.
import { describe, expect, it } from 'vitest'
import { analyzeHeaders, type HeaderAnalysis } from './analyzeHeaders'
import { MAX_PASTE_CHARS } from './parsePaste'

const V =
  'x7bTqPz3mU2m9l0v9Y2Zk3hq8o0Jt3oC1uQ6ZbqQ4x8B1tqXe/Nq+Yc7o2cM0dD4Qm0aPp1QW7yR2a4wq9HjG1Vb5tQk3a8='
const DATE = 'Tue, 12 Oct 2021 10:00:00 GMT'
const PLUS7 = 'Tue, 19 Oct 2021 10:00:00 GMT'

/** An ALB response with duration-based stickiness, as AWS's responses over HTTPS look (O4). */
const ALB_RESPONSE = [
  'HTTP/1.1 200 OK',
  `Date: ${DATE}`,
  'Content-Type: text/html',
  `Set-Cookie: AWSALB=${V}; Expires=${PLUS7}; Path=/`,
  `Set-Cookie: AWSALBCORS=${V}; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
].join('\n')

function analysis(text: string): HeaderAnalysis {
  const out = analyzeHeaders(text)
  if (!out.ok) throw new Error(out.message)
  return out.analysis
}

function verdicts(a: HeaderAnalysis, name: string): Map<string, string> {
  const c = a.cookies.find((f) => f.name === name)
  if (c === undefined) throw new Error(`no ${name}`)
  const out = new Map<string, string>()
  for (const v of c.verdicts) out.set(v.topic, (out.get(v.topic) ?? '') + v.text + ' ')
  return out
}

const ids = (a: HeaderAnalysis) => a.diagnoses.map((d) => d.id)

describe('an ALB response with AWSALB and AWSALBCORS', () => {
  const a = analysis(ALB_RESPONSE)

  it('names each cookie, and calls AWSALBCORS the cross-site copy of AWSALB with the same value', () => {
    expect(a.cookies.map((c) => [c.name, c.kind.id])).toEqual([
      ['AWSALB', 'AWSALB'],
      ['AWSALBCORS', 'AWSALBCORS'],
    ])
    const cors = verdicts(a, 'AWSALBCORS')
    expect(cors.get('What it is')).toContain('cross-site copy of AWSALB')
    expect(cors.get('Value')).toContain('Same value as AWSALB')
  })

  it('says the value is opaque and never decodes it', () => {
    const v = verdicts(a, 'AWSALB').get('Value')!
    expect(v).toContain('opaque')
    expect(
      a.cookies.flatMap((c) => c.verdicts).some((x) => /target is i-|decoded:/.test(x.text)),
    ).toBe(false)
  })

  it('explains that the 7-day Expires is not the stickiness duration', () => {
    const life = verdicts(a, 'AWSALB').get('Lifetime')!
    expect(life).toContain('7 days')
    expect(life).toContain('That is not your stickiness duration.')
    expect(life).toContain('inside the encrypted value')
  })

  it('says which requests a browser sends each cookie back on', () => {
    const alb = verdicts(a, 'AWSALB')
    expect(alb.get('Same-site request')).toBe('A browser sends it back. ')
    expect(alb.get("Cross-site request (credentials: 'include')")).toContain('Not stored')
    expect(alb.get("Cross-site request (credentials: 'include')")).toContain('treats it as Lax')
    expect(alb.get('Plain HTTP request')).toBe('A browser sends it back. ')
    const cors = verdicts(a, 'AWSALBCORS')
    expect(cors.get("Cross-site request (credentials: 'include')")).toBe(
      'A browser sends it back. ',
    )
    expect(cors.get('Plain HTTP request')).toContain('Secure')
  })

  it('mentions what scanners flag and that AWS cannot add Secure or HttpOnly', () => {
    expect(verdicts(a, 'AWSALB').get('Attributes')).toContain('AWS offers no setting')
  })

  it('is read as raw headers, with the Reproduce facts of duration-based stickiness', () => {
    expect(a.source).toBe('raw')
    expect(a.reproduction).toMatchObject({
      stickiness: 'lb_cookie',
      cookiesEnabled: true,
      userAgent: 'chromium',
      crossSite: false,
    })
    expect(a.reproduction.jar.map((c) => c.name)).toEqual(['AWSALB', 'AWSALBCORS'])
  })
})

describe('curl -v transcripts', () => {
  const curl = (cookie: string | null) =>
    [
      '*   Trying 52.1.2.3:443...',
      '* Connected to my-alb-123.us-east-1.elb.amazonaws.com (52.1.2.3) port 443 (#0)',
      '* SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256',
      '> GET / HTTP/1.1',
      '> Host: my-alb-123.us-east-1.elb.amazonaws.com',
      '> User-Agent: curl/8.5.0',
      '> Accept: */*',
      ...(cookie ? [`> Cookie: ${cookie}`] : []),
      '>',
      '< HTTP/1.1 200 OK',
      `< Date: ${DATE}`,
      `< Set-Cookie: AWSALB=${V}; Expires=${PLUS7}; Path=/`,
      `< Set-Cookie: AWSALBCORS=${V}; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
      '<',
      '{ [612 bytes data]',
    ].join('\n')

  it('reads the request and response, over HTTPS, and flags curl without a cookie jar', () => {
    const a = analysis(curl(null) + '\n' + curl(null))
    expect(a.source).toBe('curl')
    expect(a.summary).toBe('Read 2 requests and 2 responses from curl -v output.')
    expect(a.reproduction.protocol).toBe('HTTPS')
    expect(ids(a)).toContain('non-browser-client')
    const d = a.diagnoses.find((x) => x.id === 'non-browser-client')!
    expect(d.detail).toContain('curl -c jar.txt -b jar.txt')
    expect(verdicts(a, 'AWSALB').get('In this paste')).toContain('0 of 1 later requests')
    expect(a.reproduction).toMatchObject({ cookiesEnabled: false, userAgent: 'other', jar: [] })
  })

  it('with a jar, the cookie comes back and nothing is wrong', () => {
    const a = analysis(curl(null) + '\n' + curl(`AWSALB=${V}; AWSALBCORS=${V}`))
    expect(ids(a)).toEqual(['looks-sticky'])
    expect(verdicts(a, 'AWSALB').get('In this paste')).toContain('Carried back on the next request')
  })

  it('sees a URL-encoded AWSALB on the request', () => {
    const a = analysis(curl(`AWSALB=${encodeURIComponent(V)}`))
    expect(ids(a)).toContain('url-encoded')
    expect(verdicts(a, 'AWSALB').get('Value')).toContain('URL-encoded')
  })
})

describe('application-based stickiness', () => {
  const response = (appCookie: string | null) =>
    [
      'HTTP/1.1 200 OK',
      `Date: ${DATE}`,
      ...(appCookie ? [`Set-Cookie: ${appCookie}`] : []),
      `Set-Cookie: AWSALBAPP-0=AAAAAAAAAADvL2k3y1j0bM4Xw0w5cH1q; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
      `Set-Cookie: AWSALBAPP-1=_remove_; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
      `Set-Cookie: AWSALBAPP-2=_remove_; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
      `Set-Cookie: AWSALBAPP-3=_remove_; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
    ].join('\n')

  it('finds the app cookie set beside AWSALBAPP-0, explains _remove_ shards and reproduces app_cookie on it', () => {
    const a = analysis(response('JSESSIONID=8A1C2E; Max-Age=1200; Path=/; HttpOnly'))
    expect(a.reproduction).toMatchObject({ stickiness: 'app_cookie', appCookieName: 'JSESSIONID' })
    expect(verdicts(a, 'AWSALBAPP-1').get('Value')).toContain('unused shard')
    expect(verdicts(a, 'JSESSIONID').get('What it is')).toContain('your application')
    expect(verdicts(a, 'JSESSIONID').get('Lifetime')).toBe('Lasts 20 minutes (Max-Age). ')
    expect(a.reproduction.jar.map((c) => c.name)).toEqual(['JSESSIONID', 'AWSALBAPP-0'])
  })

  it('all shards _remove_: the app set no cookie with the configured name', () => {
    const a = analysis(response(null).replace(/AWSALBAPP-0=\w+/, 'AWSALBAPP-0=_remove_'))
    expect(ids(a)).toContain('app-cookie-not-set')
  })

  it('AWSALBAPP-0 sent back without the app cookie', () => {
    const a = analysis(
      [
        'GET /cart HTTP/1.1',
        'Host: shop.example.com',
        'Cookie: AWSALBAPP-0=AAAAAAAAAADvL2k3y1j0bM4Xw0w5cH1q',
      ].join('\n'),
    )
    expect(ids(a)).toContain('app-cookie-not-returned')
  })
})

describe('target group stickiness, Classic, CDN and cross-origin captures', () => {
  it('AWSALBTG and AWSALBTGCORS (O6): target group stickiness', () => {
    const a = analysis(
      [
        'HTTP/2 200',
        `date: ${DATE}`,
        `set-cookie: AWSALBTG=${V}; Expires=${PLUS7}; Path=/`,
        `set-cookie: AWSALBTGCORS=${V}; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
      ].join('\n'),
    )
    expect(ids(a)).toContain('target-group-stickiness')
    expect(verdicts(a, 'AWSALBTGCORS').get('What it is')).toContain('AWSALBTG')
  })

  it('AWSALB without AWSALBCORS behind CloudFront', () => {
    const a = analysis(
      [
        'HTTP/1.1 200 OK',
        `Date: ${DATE}`,
        'Via: 1.1 3f2a.cloudfront.net (CloudFront)',
        'X-Amz-Cf-Id: 7Yk2xQ==',
        `Set-Cookie: AWSALB=${V}; Expires=${PLUS7}; Path=/`,
      ].join('\n'),
    )
    expect(ids(a)).toEqual(expect.arrayContaining(['cors-copy-missing', 'cdn']))
    expect(a.diagnoses.find((d) => d.id === 'cors-copy-missing')!.detail).toContain('CloudFront')
  })

  it('a cross-origin fetch without credentials, its preflight, and a wildcard origin', () => {
    const a = analysis(
      [
        'OPTIONS /api/cart HTTP/1.1',
        'Host: api.example.net',
        'Origin: https://www.example.com',
        'Access-Control-Request-Method: POST',
        '',
        'HTTP/1.1 204 No Content',
        'Access-Control-Allow-Origin: *',
        '',
        'POST /api/cart HTTP/1.1',
        'Host: api.example.net',
        'Origin: https://www.example.com',
        'Sec-Fetch-Site: cross-site',
        'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
        '',
        'HTTP/1.1 200 OK',
        `Date: ${DATE}`,
        'Access-Control-Allow-Origin: *',
        `Set-Cookie: AWSALB=${V}; Expires=${PLUS7}; Path=/`,
        `Set-Cookie: AWSALBCORS=${V}; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
      ].join('\n'),
    )
    expect(ids(a)).toEqual(
      expect.arrayContaining(['cross-origin-without-credentials', 'wildcard-origin', 'preflight']),
    )
    expect(a.reproduction).toMatchObject({
      crossSite: true,
      credentials: 'same-origin',
      userAgent: 'chromium',
    })
  })

  it('a first credentialed cross-origin call has no cookie yet: not blamed on credentials', () => {
    const a = analysis(
      [
        'GET /api HTTP/1.1',
        'Host: api.example.net',
        'Origin: https://www.example.com',
        '',
        'HTTP/1.1 200 OK',
        'Access-Control-Allow-Origin: https://www.example.com',
        'Access-Control-Allow-Credentials: true',
        `Set-Cookie: AWSALBCORS=${V}; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
      ].join('\n'),
    )
    expect(ids(a)).not.toContain('cross-origin-without-credentials')
  })

  it('AWSALBCORS without Secure over plain HTTP (O3)', () => {
    const a = analysis(
      [
        'HTTP/1.1 200 OK',
        `Date: ${DATE}`,
        `Set-Cookie: AWSALBCORS=${V}; Expires=${PLUS7}; Path=/; SameSite=None`,
      ].join('\n'),
    )
    expect(ids(a)).toContain('samesite-none-over-http')
    expect(verdicts(a, 'AWSALBCORS').get('Same-site request')).toContain(
      'SameSite=None without Secure',
    )
  })

  it('AWSELB from a Classic Load Balancer', () => {
    const a = analysis(
      ['HTTP/1.1 200 OK', `Date: ${DATE}`, 'Set-Cookie: AWSELB=8F1D3A; PATH=/; MAX-AGE=600'].join(
        '\n',
      ),
    )
    expect(ids(a)).toContain('classic')
    expect(verdicts(a, 'AWSELB').get('Lifetime')).toContain('10 minutes')
  })

  it('a rewritten AWSALB with Max-Age', () => {
    const a = analysis(
      ['HTTP/1.1 200 OK', `Date: ${DATE}`, `Set-Cookie: AWSALB=${V}; Max-Age=600; Path=/`].join(
        '\n',
      ),
    )
    expect(verdicts(a, 'AWSALB').get('Lifetime')).toContain('ALBs use Expires, not Max-Age')
  })

  it('no stickiness cookie at all', () => {
    const a = analysis(
      ['HTTP/1.1 200 OK', `Date: ${DATE}`, 'Set-Cookie: session=abc; Path=/; HttpOnly'].join('\n'),
    )
    expect(ids(a)).toEqual(['no-stickiness-cookie'])
  })
})

describe('HAR files', () => {
  const entry = (
    reqHeaders: object[],
    resHeaders: object[],
    cookies = { req: [] as object[], res: [] as object[] },
  ) => ({
    startedDateTime: '2021-10-12T10:00:00.000Z',
    time: 20,
    request: {
      method: 'GET',
      url: 'https://app.example.com/',
      httpVersion: 'HTTP/2',
      headers: reqHeaders,
      cookies: cookies.req,
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: '',
      httpVersion: 'HTTP/2',
      headers: resHeaders,
      cookies: cookies.res,
      content: { size: 0, mimeType: 'text/html' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 1 },
  })
  const har = (entries: object[]) =>
    JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [],
        entries,
      },
    })
  const ua = { name: 'user-agent', value: 'Mozilla/5.0 Chrome/131.0.0.0 Safari/537.36' }

  it('with cookies: two requests, the second carrying AWSALB back', () => {
    const a = analysis(
      har([
        entry(
          [ua],
          [
            { name: 'date', value: DATE },
            { name: 'set-cookie', value: `AWSALB=${V}; Expires=${PLUS7}; Path=/` },
            {
              name: 'set-cookie',
              value: `AWSALBCORS=${V}; Expires=${PLUS7}; Path=/; SameSite=None; Secure`,
            },
          ],
        ),
        entry([ua, { name: 'cookie', value: `AWSALB=${V}; AWSALBCORS=${V}` }], []),
      ]),
    )
    expect(a.source).toBe('har')
    expect(a.reproduction.protocol).toBe('HTTPS')
    expect(ids(a)).toEqual(['looks-sticky'])
  })

  it('with cookies only in the parsed cookie lists', () => {
    const a = analysis(har([entry([ua], [], { req: [{ name: 'AWSALB', value: V }], res: [] })]))
    expect(a.cookies.map((c) => c.name)).toEqual(['AWSALB'])
  })

  it('sanitized (no Cookie, no Set-Cookie, empty lists): says how to export with the headers', () => {
    const a = analysis(har([entry([ua], [{ name: 'date', value: DATE }]), entry([ua], [])]))
    expect(ids(a)).toEqual(['sanitized-har'])
    expect(a.diagnoses[0]!.detail).toContain('Allow to generate HAR with sensitive data')
  })
})

describe('hostile input', () => {
  it('a 1 MB paste is refused in a sentence', () => {
    const out = analyzeHeaders('Set-Cookie: a=b\n'.repeat(70_000))
    expect(out.ok).toBe(false)
    expect(!out.ok && out.message).toMatch(/^That paste is 1\.1 MB; Stickylab reads at most 1 MB/)
    expect(analyzeHeaders('x'.repeat(MAX_PASTE_CHARS)).ok).toBe(false)
  })

  it('malformed HAR JSON, JSON that is not a HAR, and a damaged entry', () => {
    const bad = analyzeHeaders('{"log": {"entries": [ {"request": ')
    expect(!bad.ok && bad.message).toMatch(/^This looks like a HAR file, but it is not valid JSON/)
    const foreign = analyzeHeaders('{"hello": 1}')
    expect(!foreign.ok && foreign.message).toContain('not a HAR file')
    const damaged = analyzeHeaders(
      '{"log": {"entries": [{"request": {"method": "GET", "url": "/", "headers": 5}, "response": {"status": 200, "headers": []}}]}}',
    )
    expect(!damaged.ok && damaged.message).toBe(
      'This HAR file is damaged: log.entries[0].request.headers is missing or has the wrong type.',
    )
  })

  it('cookies named __proto__ and constructor are ordinary names', () => {
    const a = analysis(
      [
        'HTTP/1.1 200 OK',
        'Set-Cookie: __proto__=1; Path=/',
        'Set-Cookie: constructor=2; Path=/',
        'Set-Cookie: toString=3',
      ].join('\n'),
    )
    expect(a.cookies.map((c) => c.name)).toEqual(['__proto__', 'constructor', 'toString'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const viaHar = analysis(
      JSON.stringify({
        log: {
          entries: [
            {
              request: {
                method: 'GET',
                url: 'https://x/',
                headers: [{ name: 'Cookie', value: '__proto__=x' }],
              },
              response: { status: 200, headers: [] },
              __proto__: { polluted: 1 },
            },
          ],
        },
      }),
    )
    expect(viaHar.cookies.map((c) => c.name)).toEqual(['__proto__'])
  })

  it('text that holds no headers', () => {
    const out = analyzeHeaders('hello, this is not a header dump')
    expect(!out.ok && out.message).toMatch(/^No HTTP headers found/)
    expect(analyzeHeaders('   ').ok).toBe(false)
  })
})
