// The simulated AWS account the console, exports and imports speak for. The lab has no real ARNs; these are built
// deterministically from names so that the same lab always shows the same ARNs (a simulator convention,
// docs/model.md "Simulated account and ARNs"). Shapes follow AWS's documented ARN formats for Elastic Load Balancing.
import type { LoadBalancerType } from '../sim'

export const LAB_ACCOUNT_ID = '123456789012'
export const LAB_REGION = 'us-east-1'
/** The one load balancer's name (AWS names: ≤ 32 characters, letters, digits and hyphens). */
export const LAB_LOAD_BALANCER_NAME = 'stickylab-alb'

const ARN_PREFIX = `arn:aws:elasticloadbalancing:${LAB_REGION}:${LAB_ACCOUNT_ID}:`

/** 16 lower-case hex digits from a string (two FNV-1a 32-bit hashes): stable across runs and machines. */
export function stableHexId(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193) >>> 0
    b = Math.imul(b ^ c, 0x01000193 + 0x2f) >>> 0
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')
}

/** The ARN path segment AWS uses for each type ('app', 'net', 'gwy'); Classic load balancers have no elbv2 ARN. */
export function loadBalancerKind(type: LoadBalancerType): 'app' | 'net' | 'gwy' | null {
  switch (type) {
    case 'application':
      return 'app'
    case 'network':
      return 'net'
    case 'gateway':
      return 'gwy'
    default:
      return null
  }
}

/** `arn:aws:elasticloadbalancing:…:loadbalancer/app/stickylab-alb/<id>` (null for Classic). */
export function loadBalancerArn(type: LoadBalancerType): string | null {
  const kind = loadBalancerKind(type)
  if (kind === null) return null
  return `${ARN_PREFIX}loadbalancer/${kind}/${LAB_LOAD_BALANCER_NAME}/${stableHexId(`lb:${kind}`)}`
}

/** `arn:aws:elasticloadbalancing:…:listener/app/stickylab-alb/<lb id>/<listener id>` for the listener on `port`. */
export function listenerArn(type: LoadBalancerType, port: number): string | null {
  const kind = loadBalancerKind(type)
  if (kind === null) return null
  return `${ARN_PREFIX}listener/${kind}/${LAB_LOAD_BALANCER_NAME}/${stableHexId(`lb:${kind}`)}/${stableHexId(`listener:${kind}:${port}`)}`
}

/** `arn:aws:elasticloadbalancing:…:targetgroup/<name>/<id>`. */
export function targetGroupArn(name: string): string {
  return `${ARN_PREFIX}targetgroup/${name}/${stableHexId(`tg:${name}`)}`
}

/** The target group name inside a target group ARN of this account and region, or null if it is not one. */
export function targetGroupNameFromArn(arn: string): string | null {
  const m =
    /^arn:aws:elasticloadbalancing:([a-z0-9-]+):(\d{12}):targetgroup\/([A-Za-z0-9-]{1,32})\/([0-9a-f]{16})$/.exec(
      arn,
    )
  if (m === null || m[1] !== LAB_REGION || m[2] !== LAB_ACCOUNT_ID) return null
  return m[3] ?? null
}

/**
 * `arn:aws:elasticloadbalancing:…:listener-rule/app/stickylab-alb/<lb id>/<listener id>/<rule id>`: the listener's
 * default rule, the only rule the lab's listener has (the lab models no path or host conditions).
 */
export function listenerRuleArn(type: LoadBalancerType, port: number): string | null {
  const listener = listenerArn(type, port)
  if (listener === null) return null
  return `${listener.replace(':listener/', ':listener-rule/')}/${stableHexId(`rule:${listener}`)}`
}

/** The lab's VPC (AWS ids: `vpc-` and 17 hex digits). */
export const LAB_VPC_ID = `vpc-0${stableHexId('vpc:stickylab')}`

/** The lab's subnet in an Availability Zone (`subnet-` and 17 hex digits). */
export function subnetId(az: string): string {
  return `subnet-0${stableHexId(`subnet:${az}`)}`
}

/**
 * The load balancer's DNS name as AWS forms it: `<name>-<number>.<region>.elb.amazonaws.com` for an ALB or CLB,
 * `<name>-<hex>.elb.<region>.amazonaws.com` for an NLB; null for a GWLB, which has none.
 */
export function loadBalancerDnsName(type: LoadBalancerType): string | null {
  const id = stableHexId(`dns:${type}`)
  if (type === 'gateway') return null
  if (type === 'network') return `${LAB_LOAD_BALANCER_NAME}-${id}.elb.${LAB_REGION}.amazonaws.com`
  // The number is the one the Cookies panel has always shown as the site (cookieTable.ts ALB_DNS_NAME).
  return `${LAB_LOAD_BALANCER_NAME}-1234567890.${LAB_REGION}.elb.amazonaws.com`
}
