// ALB access logs: AWS's documented example entries (load-balancer-access-logs.html, "Examples"), a client hopping
// between targets, extra trailing fields, quoted fields with spaces, and malformed lines beside good ones.
import { describe, expect, it } from 'vitest'
import { analyzeAccessLog, parseAccessLogLine, splitFields } from './analyzeAccessLog'

const TG =
  'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067'
/** AWS's example HTTP entry, on one line. */
const HTTP_EXAMPLE = `http 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - ${TG} "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-"`
/** AWS's example HTTPS entry, as the guide prints it: over several lines. */
const HTTPS_EXAMPLE = `https 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188
192.168.131.39:2817 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57
"GET https://www.example.com:443/ HTTP/1.1" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2
${TG}
"Root=1-58337281-1d84f3d73c47ec4e58577259" "www.example.com" "arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012"
1 2018-07-02T22:22:48.364000Z "authenticate,forward" "-" "-"`
/** AWS's example entry for a Lambda target that failed: no target ("-"), target status "-". */
const LAMBDA_FAILED = `http 2018-11-30T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 - 0.000 0.001 0.000 502 - 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - ${TG} "Root=1-58337364-23a8c76965a2ef7629b185e3" "-" "-" 0 2018-11-30T22:22:48.364000Z "forward" "-" "LambdaInvalidResponse"`

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
function line(time: string, client: string, target: string, ua = CHROME, extra = '') {
  return `https 2026-12-07T10:00:${time}Z app/shop/50dc6c495c0c9188 ${client} ${target} 0.001 0.012 0.000 200 200 512 2048 "GET https://shop.example.com:443/cart HTTP/2.0" "${ua}" TLS_AES_128_GCM_SHA256 TLSv1.3 ${TG} "Root=1-6754-abc" "shop.example.com" "arn:aws:acm:us-east-2:123456789012:certificate/1" 0 2026-12-07T10:00:${time}Z "forward" "-" "-" "${target}" "200" "-" "-"${extra}`
}

describe('parsing', () => {
  it('reads the documented example entries, the multi-line one included', () => {
    const out = analyzeAccessLog([HTTP_EXAMPLE, HTTPS_EXAMPLE, LAMBDA_FAILED].join('\n'))
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.analysis.malformed).toEqual([])
    expect(out.analysis.entries).toBe(3)
    const [client] = out.analysis.clients
    expect(client).toMatchObject({
      clientIp: '192.168.131.39',
      userAgent: 'curl/7.46.0',
      ports: ['2817'],
      requests: 3,
    })
    expect(client!.targets).toEqual([
      { targetGroup: 'my-targets', target: '10.0.0.1:80', requests: 2 },
    ])
    expect(client!.hopping).toBe(false)
  })

  it('keeps quoted fields with spaces whole and tolerates extra trailing fields', () => {
    const read = parseAccessLogLine(
      line(
        '01.0',
        '203.0.113.7:50123',
        '10.0.1.15:8080',
        CHROME,
        ' TID_1234abcd5678ef90 "new field" 42',
      ),
      1,
    )
    expect(read.ok && read.entry).toMatchObject({
      userAgent: CHROME,
      request: 'GET https://shop.example.com:443/cart HTTP/2.0',
      target: '10.0.1.15:8080',
    })
    expect(splitFields('a "b \\" c" d')).toEqual(['a', 'b " c', 'd'])
  })

  it('lists malformed lines with the reason and analyses the rest', () => {
    const out = analyzeAccessLog(
      [
        line('01.0', '203.0.113.7:50123', '10.0.1.15:8080'),
        'garbage that is not a log line',
        'https 2026-12-07T10:00:02Z app/x 1.2.3.4:5 "unterminated',
        HTTP_EXAMPLE.replace('2018-07-02T22:23:00.186641Z', 'yesterday'),
        line('03.0', 'not-an-ip', '10.0.1.15:8080'),
      ].join('\n'),
    )
    if (!out.ok) throw new Error(out.message)
    expect(out.analysis.entries).toBe(1)
    expect(out.analysis.malformed.map((m) => [m.line, m.reason])).toEqual([
      [2, "'garbage' is not a request type (http, https, h2, grpcs, ws or wss)"],
      [3, 'a quoted field is not closed'],
      [4, "'yesterday' is not a time like 2018-07-02T22:23:00.186641Z"],
      [5, "'not-an-ip' is not a client ip:port"],
    ])
  })

  it('refuses a 1 MB paste and an empty one in a sentence', () => {
    const big = analyzeAccessLog(HTTP_EXAMPLE.padEnd(1_048_576, ' '))
    expect(!big.ok && big.message).toMatch(/over 1 MB/)
    const empty = analyzeAccessLog('\n\n')
    expect(!empty.ok && empty.message).toMatch(/^Nothing to analyze/)
  })
})

describe('per client and per target', () => {
  it('flags a client that hops between targets, within one connection too, and not one that stays', () => {
    const out = analyzeAccessLog(
      [
        line('01.0', '203.0.113.7:50123', '10.0.1.15:8080'),
        line('02.0', '203.0.113.7:50123', '10.0.2.27:8080'),
        line('03.0', '203.0.113.7:50124', '10.0.1.15:8080'),
        line('01.5', '198.51.100.20:40000', '10.0.2.27:8080', 'python-requests/2.32.3'),
        line('02.5', '198.51.100.20:40001', '10.0.2.27:8080', 'python-requests/2.32.3'),
      ].join('\n'),
    )
    if (!out.ok) throw new Error(out.message)
    const [hopper, steady] = out.analysis.clients
    expect(hopper).toMatchObject({
      clientIp: '203.0.113.7',
      hopping: true,
      switches: 2,
      switchedWithinConnection: true,
      ports: ['50123', '50124'],
    })
    expect(hopper!.targets).toEqual([
      { targetGroup: 'my-targets', target: '10.0.1.15:8080', requests: 2 },
      { targetGroup: 'my-targets', target: '10.0.2.27:8080', requests: 1 },
    ])
    expect(steady).toMatchObject({
      clientIp: '198.51.100.20',
      userAgent: 'python-requests/2.32.3',
      hopping: false,
      switches: 0,
    })
  })

  it('a client on one target in each of two target groups (two rules) is not hopping', () => {
    const api = line('02.0', '203.0.113.7:1', '10.0.3.9:9000').replace(
      'targetgroup/my-targets/',
      'targetgroup/api/',
    )
    const out = analyzeAccessLog(
      [
        line('01.0', '203.0.113.7:1', '10.0.1.15:8080'),
        api,
        line('03.0', '203.0.113.7:1', '10.0.1.15:8080'),
      ].join('\n'),
    )
    expect(out.ok && out.analysis.clients[0]).toMatchObject({ hopping: false, switches: 0 })
    expect(out.ok && out.analysis.clients[0]!.targets.map((t) => t.targetGroup)).toEqual([
      'my-targets',
      'api',
    ])
  })

  it('orders requests by time, so a log file per node read out of order still counts switches right', () => {
    const out = analyzeAccessLog(
      [
        line('03.0', '203.0.113.7:1', '10.0.1.15:8080'),
        line('01.0', '203.0.113.7:1', '10.0.1.15:8080'),
        line('02.0', '203.0.113.7:1', '10.0.1.15:8080'),
      ].join('\n'),
    )
    expect(out.ok && out.analysis.clients[0]!.switches).toBe(0)
  })

  it('one user agent behind two addresses is two clients; a __proto__ user agent is an ordinary one', () => {
    const out = analyzeAccessLog(
      [
        line('01.0', '203.0.113.7:1', '10.0.1.15:8080', '__proto__'),
        line('02.0', '203.0.113.8:1', '10.0.2.27:8080', '__proto__'),
      ].join('\n'),
    )
    expect(out.ok && out.analysis.clients.map((c) => [c.clientIp, c.userAgent, c.hopping])).toEqual(
      [
        ['203.0.113.7', '__proto__', false],
        ['203.0.113.8', '__proto__', false],
      ],
    )
  })
})
