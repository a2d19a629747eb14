// The raw HTTP text shown by the inspector.
import { asTargetId } from '../sim/model/ids'
import { describe, expect, it } from 'vitest'
import { ALB_DNS_NAME } from './cookieTable'
import {
  CROSS_SITE_ORIGIN,
  hostHeader,
  httpMessage,
  statusLine,
  type RecordForMessage,
} from './httpMessage'

const base: RecordForMessage = {
  path: '/',
  kind: 'http',
  crossSite: false,
  requestCookieHeader: '',
  status: 200,
  setCookie: [],
  targetId: asTargetId('i-1'),
  decision: 'round-robin',
}
const https = { protocol: 'HTTPS' as const, port: 443 }

describe('httpMessage', () => {
  it('writes the request line and Host, and no Cookie header when none was sent', () => {
    const m = httpMessage(base, https)
    expect(m.request).toEqual(['GET / HTTP/1.1', `Host: ${ALB_DNS_NAME}`])
    expect(m.response).toEqual(['HTTP/1.1 200 OK'])
    expect(m.sentCookies).toBe(false)
  })

  it('carries the Cookie header and every Set-Cookie line verbatim', () => {
    const m = httpMessage(
      {
        ...base,
        path: '/cart/add',
        requestCookieHeader: 'AWSALB=x; AWSALBCORS=x',
        setCookie: [
          'AWSALB=y; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Path=/',
          'AWSALBCORS=y; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Path=/; SameSite=None; Secure',
        ],
      },
      https,
    )
    expect(m.request).toEqual([
      'GET /cart/add HTTP/1.1',
      `Host: ${ALB_DNS_NAME}`,
      'Cookie: AWSALB=x; AWSALBCORS=x',
    ])
    expect(m.response.slice(1)).toEqual([
      'Set-Cookie: AWSALB=y; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Path=/',
      'Set-Cookie: AWSALBCORS=y; Expires=Wed, 08 Jan 2025 00:00:05 GMT; Path=/; SameSite=None; Secure',
    ])
    expect(m.sentCookies).toBe(true)
  })

  it('marks a cross-site fetch with Origin and Sec-Fetch headers', () => {
    expect(httpMessage({ ...base, crossSite: true }, https).request).toEqual([
      'GET / HTTP/1.1',
      `Host: ${ALB_DNS_NAME}`,
      `Origin: ${CROSS_SITE_ORIGIN}`,
      'Sec-Fetch-Site: cross-site',
      'Sec-Fetch-Mode: cors',
    ])
  })

  it('adds the load balancer Server header to the errors it writes itself', () => {
    expect(
      httpMessage(
        { ...base, status: 502, targetId: asTargetId('i-2'), decision: 'target-unreachable-502' },
        https,
      ).response,
    ).toEqual(['HTTP/1.1 502 Bad Gateway', 'Server: awselb/2.0'])
    expect(
      httpMessage({ ...base, status: 503, targetId: null, decision: 'no-targets-503' }, https)
        .response,
    ).toEqual(['HTTP/1.1 503 Service Unavailable', 'Server: awselb/2.0'])
  })

  it('shows the WebSocket upgrade', () => {
    const m = httpMessage({ ...base, kind: 'websocket-upgrade', status: 101 }, https)
    expect(m.request).toContain('Upgrade: websocket')
    expect(m.response).toEqual([
      'HTTP/1.1 101 Switching Protocols',
      'Connection: Upgrade',
      'Upgrade: websocket',
    ])
  })
})

describe('statusLine and hostHeader', () => {
  it('keeps unknown codes as numbers', () => {
    expect(statusLine(418)).toBe('HTTP/1.1 418')
  })
  it('shows the port only when it is not the default', () => {
    expect(hostHeader('HTTP', 80)).toBe(ALB_DNS_NAME)
    expect(hostHeader('HTTP', 8080)).toBe(`${ALB_DNS_NAME}:8080`)
    expect(hostHeader('HTTPS', 443)).toBe(ALB_DNS_NAME)
  })
})
