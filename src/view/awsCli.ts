// Builds the AWS CLI commands equivalent to what the learner applied in the lab, so they can repeat it
// on a real ALB: modify-target-group-attributes, modify-target-group (health checks) and modify-listener.
// ARNs are looked up by name with describe-* commands, since the lab has no real ARNs.
import type { ClassicLoadBalancerAttributes, ForwardConfig, HealthCheckUpdate } from '../sim'

/** Characters that need no shell quoting (a conservative POSIX set). */
const SHELL_SAFE = /^[A-Za-z0-9_.,=:/@%+-]+$/

/** Quotes a word for a POSIX shell: bare when safe, otherwise single-quoted. */
export function shellQuote(word: string): string {
  if (word !== '' && SHELL_SAFE.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/** The shell variable holding a target group's ARN, e.g. TG_ARN_WEB. */
export function targetGroupArnVariable(name: string): string {
  return `TG_ARN_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`
}

/** Looks up a target group's ARN by name into its variable. */
export function targetGroupArnLookup(name: string): string {
  return [
    `${targetGroupArnVariable(name)}=$(aws elbv2 describe-target-groups --names ${shellQuote(name)} \\`,
    `  --query 'TargetGroups[0].TargetGroupArn' --output text)`,
  ].join('\n')
}

/** Looks up the listener's ARN from the load balancer's ($LB_ARN) listener on the given port. */
export function listenerArnLookup(port: number): string {
  return [
    `LISTENER_ARN=$(aws elbv2 describe-listeners --load-balancer-arn "$LB_ARN" \\`,
    `  --query 'Listeners[?Port==\`${port}\`].ListenerArn' --output text)`,
  ].join('\n')
}

/** `aws elbv2 modify-target-group-attributes` for exactly the attributes given, in their order. */
export function modifyTargetGroupAttributesCommand(
  targetGroup: string,
  attributes: Record<string, string>,
): string {
  const pairs = Object.entries(attributes).map(
    ([key, value]) => `    ${shellQuote(`Key=${key},Value=${value}`)}`,
  )
  return [
    targetGroupArnLookup(targetGroup),
    'aws elbv2 modify-target-group-attributes \\',
    `  --target-group-arn "$${targetGroupArnVariable(targetGroup)}" \\`,
    `  --attributes \\`,
    pairs.join(' \\\n'),
  ].join('\n')
}

const HEALTH_OPTIONS: [keyof HealthCheckUpdate, string][] = [
  ['HealthCheckIntervalSeconds', '--health-check-interval-seconds'],
  ['HealthCheckTimeoutSeconds', '--health-check-timeout-seconds'],
  ['HealthyThresholdCount', '--healthy-threshold-count'],
  ['UnhealthyThresholdCount', '--unhealthy-threshold-count'],
]

/** `aws elbv2 modify-target-group` with the health-check options that were changed. */
export function modifyHealthCheckCommand(targetGroup: string, update: HealthCheckUpdate): string {
  const options = HEALTH_OPTIONS.filter(([field]) => update[field] !== undefined).map(
    ([field, option]) => `  ${option} ${shellQuote(String(update[field]))}`,
  )
  return [
    targetGroupArnLookup(targetGroup),
    'aws elbv2 modify-target-group \\',
    `  --target-group-arn "$${targetGroupArnVariable(targetGroup)}"${options.length ? ' \\' : ''}`,
    options.join(' \\\n'),
  ]
    .filter((line) => line !== '')
    .join('\n')
}

/**
 * `aws elbv2 modify-listener` setting the default forward action. One group uses the short form;
 * several use ForwardConfig with weights and TargetGroupStickinessConfig (shorthand syntax inside
 * double quotes so the ARN variables expand).
 */
export function modifyListenerForwardCommand(forward: ForwardConfig, listenerPort: number): string {
  const groups = forward.targetGroups
  const lookups = groups.map((g) => targetGroupArnLookup(g.name))
  const head = [
    ...lookups,
    listenerArnLookup(listenerPort),
    'aws elbv2 modify-listener \\',
    '  --listener-arn "$LISTENER_ARN" \\',
  ]
  if (groups.length === 1 && !forward.stickiness?.enabled) {
    return [
      ...head,
      `  --default-actions "Type=forward,TargetGroupArn=$${targetGroupArnVariable(groups[0]!.name)}"`,
    ].join('\n')
  }
  const tgs = groups
    .map((g) => `{TargetGroupArn=$${targetGroupArnVariable(g.name)},Weight=${g.weight}}`)
    .join(',')
  const s = forward.stickiness
  const stickiness = s
    ? `,TargetGroupStickinessConfig={Enabled=${s.enabled}${s.durationSeconds !== undefined ? `,DurationSeconds=${s.durationSeconds}` : ''}}`
    : ''
  return [
    ...head,
    `  --default-actions "Type=forward,ForwardConfig={TargetGroups=[${tgs}]${stickiness}}"`,
  ].join('\n')
}

// Classic Load Balancer (aws elb): stickiness is a listener policy, not a target group attribute.
// The lab has no load balancer name, so the commands read it from $LB_NAME.

/** `aws elb create-lb-cookie-stickiness-policy` (duration-based AWSELB); no period means a session cookie. */
export function createLBCookieStickinessPolicyCommand(policyName: string, cookieExpirationPeriod?: number): string {
  return [
    'aws elb create-lb-cookie-stickiness-policy \\',
    '  --load-balancer-name "$LB_NAME" \\',
    `  --policy-name ${shellQuote(policyName)}${cookieExpirationPeriod === undefined ? '' : ' \\'}`,
    cookieExpirationPeriod === undefined ? '' : `  --cookie-expiration-period ${cookieExpirationPeriod}`,
  ]
    .filter((line) => line !== '')
    .join('\n')
}

/** `aws elb create-app-cookie-stickiness-policy` (AWSELB follows the application's cookie). */
export function createAppCookieStickinessPolicyCommand(policyName: string, cookieName: string): string {
  return [
    'aws elb create-app-cookie-stickiness-policy \\',
    '  --load-balancer-name "$LB_NAME" \\',
    `  --policy-name ${shellQuote(policyName)} \\`,
    `  --cookie-name ${shellQuote(cookieName)}`,
  ].join('\n')
}

/** `aws elb set-load-balancer-policies-of-listener`; an empty list removes stickiness from the listener. */
export function setLoadBalancerPoliciesOfListenerCommand(loadBalancerPort: number, policyNames: readonly string[]): string {
  return [
    'aws elb set-load-balancer-policies-of-listener \\',
    '  --load-balancer-name "$LB_NAME" \\',
    `  --load-balancer-port ${loadBalancerPort} \\`,
    `  --policy-names ${policyNames.length === 0 ? "'[]'" : policyNames.map(shellQuote).join(' ')}`,
  ].join('\n')
}

/** `aws elbv2 modify-listener-attributes` (the NLB TCP / GWLB listener's TCP idle timeout). */
export function modifyListenerAttributesCommand(attributes: Record<string, string>): string {
  const pairs = Object.entries(attributes).map(([key, value]) => shellQuote(`Key=${key},Value=${value}`))
  return ['aws elbv2 modify-listener-attributes \\', '  --listener-arn "$LISTENER_ARN" \\', `  --attributes ${pairs.join(' ')}`].join('\n')
}

/** `aws elb modify-load-balancer-attributes`: the Classic Load Balancer's attributes as the CLI's JSON. */
export function modifyClassicLoadBalancerAttributesCommand(attributes: ClassicLoadBalancerAttributes): string {
  return [
    'aws elb modify-load-balancer-attributes \\',
    '  --load-balancer-name "$LB_NAME" \\',
    `  --load-balancer-attributes ${shellQuote(JSON.stringify(attributes))}`,
  ].join('\n')
}

/** `aws elbv2 modify-load-balancer-attributes` (NLB/GWLB cross-zone is a load balancer attribute). */
export function modifyLoadBalancerAttributesCommand(attributes: Record<string, string>): string {
  const pairs = Object.entries(attributes).map(([key, value]) => `    ${shellQuote(`Key=${key},Value=${value}`)}`)
  return ['aws elbv2 modify-load-balancer-attributes \\', '  --load-balancer-arn "$LB_ARN" \\', '  --attributes \\', pairs.join(' \\\n')].join('\n')
}
