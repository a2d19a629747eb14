// What sort of HTTP client a lab client is (issue 19, item 6). A browser keeps a cookie jar; curl without
// `-b/-c` and many SDKs and load tools keep none, so they never return AWSALB and are never sticky.

/** `browser` keeps cookies; `curl` and `sdk` (an HTTP SDK or load tool without a cookie jar) never do. */
export type ClientKind = 'browser' | 'curl' | 'sdk'

export const CLIENT_KINDS: readonly ClientKind[] = ['browser', 'curl', 'sdk']

/**
 * The User-Agent header each kind sends (what the access log and CloudWatch-side tooling would see). The SDK is
 * OkHttp, whose default CookieJar.NO_COOKIES stores nothing (square.github.io/okhttp); a simulator choice.
 */
export const CLIENT_KIND_USER_AGENT: Readonly<Record<ClientKind, string>> = {
  browser:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  curl: 'curl/8.5.0',
  sdk: 'okhttp/4.12.0',
}

/** Whether a client of this kind keeps cookies at all. */
export function keepsCookies(kind: ClientKind | undefined): boolean {
  return kind === undefined || kind === 'browser'
}
