// "Show as CLI": the lab's applied configuration calls (its log) as the AWS CLI lines that make the same changes,
// one line each, with the lab's ARNs written out so a line can be pasted back into the console or, with real ARNs,
// run against an account. Requests, browsers and cookies have no CLI line; switching the load balancer's type
// replaces the load balancer (no one CLI call does that), so it only changes which ARNs the later lines use.
import { checkCommand, type LabCall, type LabCommand, type LoadBalancerType } from '../../sim'
import { LAB_LOAD_BALANCER_NAME, loadBalancerArn, targetGroupArn } from '../awsArns'
import { shellQuote } from '../awsCli'
import { listenerArnOf } from './elbv2Views'

const HEALTH_FLAGS: readonly (readonly [string, string])[] = [
  ['HealthCheckIntervalSeconds', '--health-check-interval-seconds'],
  ['HealthCheckTimeoutSeconds', '--health-check-timeout-seconds'],
  ['HealthyThresholdCount', '--healthy-threshold-count'],
  ['UnhealthyThresholdCount', '--unhealthy-threshold-count'],
]

function pairs(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => shellQuote(`Key=${key},Value=${value}`))
    .join(' ')
}

function lineFor(command: LabCommand, type: LoadBalancerType): string | null {
  const listener = listenerArnOf(type) ?? ''
  const clb = `aws elb`
  switch (command.call) {
    case 'modifyTargetGroupAttributes': {
      const [name, attributes] = command.args
      return `aws elbv2 modify-target-group-attributes --target-group-arn ${targetGroupArn(name)} --attributes ${pairs(attributes)}`
    }
    case 'modifyHealthCheck': {
      const [name, update] = command.args
      const flags = HEALTH_FLAGS.filter(
        ([field]) => update[field as keyof typeof update] !== undefined,
      ).map(([field, flag]) => `${flag} ${update[field as keyof typeof update]}`)
      return `aws elbv2 modify-target-group --target-group-arn ${targetGroupArn(name)}${flags.map((f) => ` ${f}`).join('')}`
    }
    case 'createTargetGroup': {
      const [name, options] = command.args
      return `aws elbv2 create-target-group --name ${shellQuote(name)}${options?.protocol ? ` --protocol ${options.protocol}` : ''}`
    }
    case 'registerTargets':
    case 'deregisterTargets': {
      const [name, ids] = command.args
      const verb = command.call === 'registerTargets' ? 'register-targets' : 'deregister-targets'
      return `aws elbv2 ${verb} --target-group-arn ${targetGroupArn(name)} --targets ${ids.map((id) => shellQuote(`Id=${id}`)).join(' ')}`
    }
    case 'setListenerProtocol': {
      const [protocol] = command.args
      return `aws elbv2 modify-listener --listener-arn ${listener} --protocol ${protocol} --port ${protocol === 'HTTP' ? 80 : 443}`
    }
    case 'setForward': {
      const [forward] = command.args
      const groups = forward.targetGroups
      if (groups.length === 1 && forward.stickiness === undefined)
        return `aws elbv2 modify-listener --listener-arn ${listener} --default-actions Type=forward,TargetGroupArn=${targetGroupArn(groups[0]!.name)}`
      const tgs = groups
        .map((g) => `{TargetGroupArn=${targetGroupArn(g.name)},Weight=${g.weight}}`)
        .join(',')
      const s = forward.stickiness
      const sticky = s
        ? `,TargetGroupStickinessConfig={Enabled=${s.enabled}${s.durationSeconds === undefined ? '' : `,DurationSeconds=${s.durationSeconds}`}}`
        : ''
      return `aws elbv2 modify-listener --listener-arn ${listener} --default-actions 'Type=forward,ForwardConfig={TargetGroups=[${tgs}]${sticky}}'`
    }
    case 'modifyLoadBalancerAttributes': {
      const [attributes] = command.args
      return `aws elbv2 modify-load-balancer-attributes --load-balancer-arn ${loadBalancerArn(type) ?? ''} --attributes ${pairs(attributes)}`
    }
    case 'modifyListenerAttributes':
      return `aws elbv2 modify-listener-attributes --listener-arn ${listener} --attributes ${pairs(command.args[0])}`
    case 'createLBCookieStickinessPolicy': {
      const [o] = command.args
      const period =
        o.cookieExpirationPeriod === undefined
          ? ''
          : ` --cookie-expiration-period ${o.cookieExpirationPeriod}`
      return `${clb} create-lb-cookie-stickiness-policy --load-balancer-name ${LAB_LOAD_BALANCER_NAME} --policy-name ${shellQuote(o.policyName)}${period}`
    }
    case 'createAppCookieStickinessPolicy': {
      const [o] = command.args
      return `${clb} create-app-cookie-stickiness-policy --load-balancer-name ${LAB_LOAD_BALANCER_NAME} --policy-name ${shellQuote(o.policyName)} --cookie-name ${shellQuote(o.cookieName)}`
    }
    case 'setLoadBalancerPoliciesOfListener': {
      const [o] = command.args
      const names = o.policyNames.length === 0 ? "'[]'" : o.policyNames.map(shellQuote).join(' ')
      return `${clb} set-load-balancer-policies-of-listener --load-balancer-name ${LAB_LOAD_BALANCER_NAME} --load-balancer-port ${o.loadBalancerPort} --policy-names ${names}`
    }
    case 'registerInstancesWithLoadBalancer':
    case 'deregisterInstancesFromLoadBalancer': {
      const [ids] = command.args
      const verb =
        command.call === 'registerInstancesWithLoadBalancer'
          ? 'register-instances-with-load-balancer'
          : 'deregister-instances-from-load-balancer'
      return `${clb} ${verb} --load-balancer-name ${LAB_LOAD_BALANCER_NAME} --instances ${ids.map((id) => shellQuote(`InstanceId=${id}`)).join(' ')}`
    }
    case 'modifyClassicLoadBalancerAttributes':
      return `${clb} modify-load-balancer-attributes --load-balancer-name ${LAB_LOAD_BALANCER_NAME} --load-balancer-attributes ${shellQuote(JSON.stringify(command.args[0]))}`
    case 'stopInstance':
      return `aws ec2 stop-instances --instance-ids ${shellQuote(command.args[0])}`
    case 'startInstance':
      return `aws ec2 start-instances --instance-ids ${shellQuote(command.args[0])}`
    default:
      return null
  }
}

/** The calls that have a CLI line or change which ARNs later lines use; others are skipped unread. */
const SHOWN = new Set([
  'modifyTargetGroupAttributes',
  'modifyHealthCheck',
  'createTargetGroup',
  'registerTargets',
  'deregisterTargets',
  'setListenerProtocol',
  'setForward',
  'modifyLoadBalancerAttributes',
  'createLBCookieStickinessPolicy',
  'createAppCookieStickinessPolicy',
  'setLoadBalancerPoliciesOfListener',
  'registerInstancesWithLoadBalancer',
  'deregisterInstancesFromLoadBalancer',
  'modifyClassicLoadBalancerAttributes',
  'modifyListenerAttributes',
  'stopInstance',
  'startInstance',
  'setLoadBalancerType',
])

/** Whether a logged call has a CLI line or changes the ARNs of later ones. */
export function isCliCall(call: string): boolean {
  return SHOWN.has(call)
}

/** The CLI lines for the log's configuration calls, oldest first. The log starts on an Application Load Balancer. */
export function labCallsAsCli(log: readonly LabCall[]): string[] {
  let type: LoadBalancerType = 'application'
  const lines: string[] = []
  for (const entry of log) {
    if (!SHOWN.has(entry.call)) continue
    const checked = checkCommand(entry.call, entry.args)
    if (!checked.ok) continue
    const command = checked.command
    if (command.call === 'setLoadBalancerType') {
      type = command.args[0]
      continue
    }
    const line = lineFor(command, type)
    if (line !== null) lines.push(line)
  }
  return lines
}
