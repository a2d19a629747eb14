// The outer ALB layer in words: which proxy it chose and why, and what happened to its stickiness cookie in the
// browser. Put before the inner ALB's sentence, since the outer layer sees the request first.

import type { OuterFacts } from '../sim/model/facts'

function modeText(f: OuterFacts): string {
  if (f.stickiness === 'lb_cookie') return 'duration-based stickiness, AWSALB'
  if (f.stickiness === 'app_cookie')
    return 'application-based stickiness on the proxies’ cookie PROXYSESSION'
  return 'stickiness off'
}

function missText(f: OuterFacts): string {
  const name = f.stickiness === 'lb_cookie' ? 'AWSALB' : 'PROXYSESSION'
  switch (f.miss) {
    case 'no-cookie':
      return `the browser sent no ${name}, so `
    case 'unreadable':
      return `it could not decode the ${name} it received (another load balancer sealed it), so `
    case 'expired':
      return `its ${name} was past its duration, so `
    default:
      return ''
  }
}

/** The sentence about the outer layer (only rendered when there is one). */
export function explainOuter(f: OuterFacts): string {
  const miss = missText(f)
  const how = f.sticky
    ? ` followed its own cookie to ${f.proxy}`
    : miss === ''
      ? ` sent the request to ${f.proxy} by round robin`
      : `: ${miss}it sent the request to ${f.proxy} by round robin`
  const first = `An outer ALB in front (${modeText(f)})${how}, which forwarded it to this ALB.`
  if (f.collided)
    return `${first} Both layers set AWSALB in the response and the browser keeps one cookie per name: the outer layer’s line comes last (simulator convention), so it replaces this ALB’s, and stickiness can hold on only one layer.`
  if (f.stickiness === 'app_cookie')
    return `${first} Its cookie has its own name, so it does not collide with this ALB’s cookies.`
  return first
}
