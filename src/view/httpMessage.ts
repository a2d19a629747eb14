// Turns one recorded request into the raw HTTP text a learner reads in the inspector: the request line
// with its Host and Cookie headers, and the status line with every Set-Cookie line, verbatim.
import type { RequestRecord } from '../sim'
import { ALB_DNS_NAME } from './cookieTable'

/** The other site whose page makes the simulated cross-site fetches (a reserved example domain). */
export const CROSS_SITE_ORIGIN = 'https://www.example.com'

export type RecordForMessage = Pick<
  RequestRecord,
  | 'path'
  | 'method'
  | 'kind'
  | 'crossSite'
  | 'requestCookieHeader'
  | 'status'
  | 'setCookie'
  | 'targetId'
  | 'decision'
>

export interface HttpMessage {
  /** Request line then headers, one per entry. */
  request: string[]
  /** Status line then headers, one per entry. */
  response: string[]
  /** Whether the browser sent a Cookie header at all. */
  sentCookies: boolean
}

const REASONS: Record<number, string> = {
  101: 'Switching Protocols',
  200: 'OK',
  302: 'Found',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** "HTTP/1.1 200 OK"; an unknown code keeps just the number. */
export function statusLine(status: number): string {
  const reason = REASONS[status]
  return reason ? `HTTP/1.1 ${status} ${reason}` : `HTTP/1.1 ${status}`
}

/** The Host header: the port appears only when it is not the protocol's default. */
export function hostHeader(protocol: 'HTTP' | 'HTTPS', port: number): string {
  const defaultPort = protocol === 'HTTPS' ? 443 : 80
  return port === defaultPort ? ALB_DNS_NAME : `${ALB_DNS_NAME}:${port}`
}

/** Builds the raw request and response of a recorded request, as the browser's network panel would show them. */
export function httpMessage(
  r: RecordForMessage,
  listener: { protocol: 'HTTP' | 'HTTPS'; port: number },
): HttpMessage {
  const request = [
    `${r.method ?? 'GET'} ${r.path} HTTP/1.1`,
    `Host: ${hostHeader(listener.protocol, listener.port)}`,
  ]
  // A preflight asks whether the real (non-simple) request may follow; simulated as a JSON POST.
  if (r.method === 'OPTIONS')
    request.push(
      'Access-Control-Request-Method: POST',
      'Access-Control-Request-Headers: content-type',
    )
  if (r.kind === 'websocket-upgrade') request.push('Connection: Upgrade', 'Upgrade: websocket')
  // A cross-site fetch announces the page's origin; the ALB's decision does not depend on it.
  if (r.crossSite)
    request.push(
      `Origin: ${CROSS_SITE_ORIGIN}`,
      'Sec-Fetch-Site: cross-site',
      'Sec-Fetch-Mode: cors',
    )
  const sentCookies = r.requestCookieHeader !== ''
  if (sentCookies) request.push(`Cookie: ${r.requestCookieHeader}`)

  const response = [statusLine(r.status)]
  // Error responses the load balancer writes itself carry its Server header, as real ALBs do.
  if (r.decision === 'target-unreachable-502' || r.decision === 'no-targets-503')
    response.push('Server: awselb/2.0')
  if (r.status === 101) response.push('Connection: Upgrade', 'Upgrade: websocket')
  for (const line of r.setCookie) response.push(`Set-Cookie: ${line}`)
  return { request, response, sentCookies }
}
