// "Reproduce in the lab": the analysis of a paste as lab commands (src/sim/commands/labCommand.ts) — the listener's
// protocol, the target group's stickiness type, the app's cookie name, and a browser holding the pasted cookies —
// plus how that browser makes its requests (cross-site, credentials), which is page state, not lab state. The caller
// applies the commands all or nothing.
import type { LabCommand } from '../../sim'
import type { Credentials } from '../cookieTable'
import type { ReproductionFacts } from './analyzeHeaders'

export interface LabFacts {
  loadBalancerType: string
  /** The first target group of the listener's forward action, or null. */
  targetGroup: string | null
  clientIds: readonly string[]
}

export interface Reproduction {
  commands: LabCommand[]
  clientId: string
  /** How the browser's requests are made (the Clients panel's Cross-site switch and credentials). */
  mode: { cors: boolean; credentials: Credentials }
  /** What will be set up, one short sentence each. */
  steps: string[]
  /** What the lab does not set up from this paste, and why. */
  notReproduced: string[]
}

/** The browser's id: "pasted", or "pasted-2", "pasted-3"… when taken. */
export function freeClientId(taken: readonly string[]): string {
  if (!taken.includes('pasted')) return 'pasted'
  for (let n = 2; ; n++) if (!taken.includes(`pasted-${n}`)) return `pasted-${n}`
}

/** The commands and page settings that set up the pasted situation in the lab. */
export function reproduceCommands(r: ReproductionFacts, lab: LabFacts): Reproduction {
  const commands: LabCommand[] = []
  const steps: string[] = []
  const notReproduced: string[] = []
  if (lab.loadBalancerType !== 'application' && r.stickiness !== null) {
    commands.push({ call: 'setLoadBalancerType', args: ['application'] })
    steps.push('Switch the lab to an Application Load Balancer.')
  }
  if (r.protocol !== null) {
    commands.push({ call: 'setListenerProtocol', args: [r.protocol] })
    steps.push(`Listener protocol ${r.protocol}.`)
  }
  const tg = lab.loadBalancerType === 'application' ? (lab.targetGroup ?? 'web') : 'web'
  if (r.stickiness === 'lb_cookie') {
    commands.push({
      call: 'modifyTargetGroupAttributes',
      args: [tg, { 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' }],
    })
    steps.push(`Duration-based stickiness (lb_cookie) on target group ${tg}.`)
  } else if (r.stickiness === 'app_cookie' && r.appCookieName !== null) {
    commands.push({ call: 'configureApp', args: [{ sessionCookie: { name: r.appCookieName } }] })
    commands.push({
      call: 'modifyTargetGroupAttributes',
      args: [
        tg,
        {
          'stickiness.enabled': 'true',
          'stickiness.type': 'app_cookie',
          'stickiness.app_cookie.cookie_name': r.appCookieName,
        },
      ],
    })
    steps.push(
      `The app sets ${r.appCookieName}; application-based stickiness (app_cookie) on it, on target group ${tg}.`,
    )
  } else if (r.stickiness === 'app_cookie') {
    notReproduced.push(
      'App cookie stickiness: the paste does not show which cookie is the app cookie, so the stickiness type was left as it is.',
    )
  }
  if (r.targetGroupStickiness)
    notReproduced.push(
      'Target group stickiness (AWSALBTG) needs two weighted target groups: set it up under Listener and rules.',
    )
  if (r.classic)
    notReproduced.push(
      'AWSELB comes from a Classic Load Balancer: choose it under Load balancer type to explore it.',
    )

  const clientId = freeClientId(lab.clientIds)
  commands.push({ call: 'addClient', args: [clientId] })
  commands.push({
    call: 'setClientOptions',
    args: [clientId, { userAgent: r.userAgent, cookiesEnabled: r.cookiesEnabled }],
  })
  const kind = r.userAgent === 'other' ? 'a non-browser client' : 'a browser'
  steps.push(`Add ${kind} "${clientId}"${r.cookiesEnabled ? '' : ' that keeps no cookies'}.`)
  for (const c of r.jar) commands.push({ call: 'setCookie', args: [clientId, c.name, c.value] })
  if (r.jar.length > 0) {
    steps.push(
      `Put ${r.jar.map((c) => c.name).join(', ')} into its jar. The lab's ALB cannot decrypt a real ALB's value, so its first response replaces it.`,
    )
  }
  if (r.crossSite) steps.push(`Its requests are cross-site, credentials: '${r.credentials}'.`)
  return {
    commands,
    clientId,
    mode: { cors: r.crossSite, credentials: r.credentials },
    steps,
    notReproduced,
  }
}
