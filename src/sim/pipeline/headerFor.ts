// The Cookie header a request carries, built by the pipeline's cookie stage for every type of load balancer.

import type { StoredCookie } from '../model/world'
import { AWSALB_EQ, AWSALBCORS_EQ } from '../rules/albCookies'
import { AWSALB, AWSALBCORS } from '../rules/stickiness'
import type { ClientSlot } from '../runtime'

/**
 * The Cookie header (same result as cookieHeader). The load balancer's own cookies change value on
 * every response, so their pieces are built fresh from constant "name=" prefixes; the application's
 * session cookie usually keeps its value, so its last "name=value" piece is reused.
 */
export function headerFor(slot: ClientSlot, sent: StoredCookie[]): string {
  let s = ''
  for (let i = 0; i < sent.length; i++) {
    const c = sent[i]!
    const name = c.name
    const piece =
      name === AWSALB
        ? AWSALB_EQ + c.value
        : name === AWSALBCORS
          ? AWSALBCORS_EQ + c.value
          : name === slot.sessionLineName && c.value === slot.sessionLineId
            ? slot.sessionPair
            : name + '=' + c.value
    s = i === 0 ? piece : s + '; ' + piece
  }
  return s
}
