// The words for client kinds (issue 19, item 6), shared by the stage card, the Clients panel and the inspector.
import type { ClientKind } from '../sim'

export const CLIENT_KIND_LABEL: Readonly<Record<ClientKind, string>> = {
  browser: 'Browser',
  curl: 'curl',
  sdk: 'SDK / load tool',
}

/** The mark a cookie-less client wears where a browser shows its cookie chips. */
export const NO_JAR_TEXT = 'no cookie jar'

/** One line for the Clients panel: what the kind does to stickiness. */
export const CLIENT_KIND_HINT: Readonly<Record<ClientKind, string>> = {
  browser: 'Keeps cookies: sends AWSALB back, so it sticks.',
  curl: 'curl without -b/-c keeps no cookies: every request is balanced afresh (never sticky).',
  sdk: 'An HTTP SDK or load tool without a cookie jar (OkHttp’s default, many load generators): never sticky.',
}
