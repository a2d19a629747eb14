// `aws elb` (Classic Load Balancer) commands: stickiness policies, the listener's policies and instance
// registration, mapped to the lab's Classic calls. Classic load balancers are named, not ARN'd: every command
// names `--load-balancer-name`, and a name the lab has no Classic load balancer for is AWS's LoadBalancerNotFound.
import type { LabCommand, LabQueries } from '../../sim'
import { LAB_LOAD_BALANCER_NAME } from '../awsArns'
import { INTEGER, listOf, STRING, STRINGS, structure, type Checked } from './cliArgs'
import {
  asList,
  asNumber,
  asString,
  member,
  type ConsoleCommand,
  type Plan,
  type ServiceError,
} from './consoleTypes'

const NAME = { name: '--load-balancer-name', shape: STRING, required: true } as const
const INSTANCE = structure([['InstanceId', STRING]], ['InstanceId'])

/** AWS's answer when no Classic load balancer has the name (an ALB named the same does not count). */
export function checkName(lab: LabQueries, name: string | undefined): ServiceError | null {
  if (lab.loadBalancerType() === 'classic' && name === LAB_LOAD_BALANCER_NAME) return null
  return {
    code: 'LoadBalancerNotFound',
    message: `There is no ACTIVE Load Balancer named '${(name ?? '').slice(0, 100)}'`,
  }
}

function change(
  lab: LabQueries,
  values: ReadonlyMap<string, Checked>,
  command: LabCommand,
  output: Plan['output'] = () => null,
): Plan | ServiceError {
  return (
    checkName(lab, asString(values.get('--load-balancer-name'))) ?? { commands: [command], output }
  )
}

function instanceIds(values: ReadonlyMap<string, Checked>): string[] {
  return asList(values.get('--instances')).map((i) => asString(member(i, 'InstanceId')) ?? '')
}

function registered(lab: LabQueries): { Instances: { InstanceId: string }[] } {
  return { Instances: lab.describeInstanceHealth().map((h) => ({ InstanceId: h.InstanceId })) }
}

export const ELB_COMMANDS: readonly ConsoleCommand[] = [
  {
    service: 'elb',
    name: 'create-lb-cookie-stickiness-policy',
    operation: 'CreateLBCookieStickinessPolicy',
    summary:
      'Creates a duration-based AWSELB stickiness policy (no period: a browser-session cookie).',
    options: [
      NAME,
      { name: '--policy-name', shape: STRING, required: true },
      { name: '--cookie-expiration-period', shape: INTEGER },
    ],
    plan(lab, values) {
      const period = asNumber(values.get('--cookie-expiration-period'))
      const policyName = asString(values.get('--policy-name')) ?? ''
      return change(lab, values, {
        call: 'createLBCookieStickinessPolicy',
        args: [
          period === undefined ? { policyName } : { policyName, cookieExpirationPeriod: period },
        ],
      })
    },
  },
  {
    service: 'elb',
    name: 'create-app-cookie-stickiness-policy',
    operation: 'CreateAppCookieStickinessPolicy',
    summary: 'Creates an AWSELB policy that follows the application’s own cookie.',
    options: [
      NAME,
      { name: '--policy-name', shape: STRING, required: true },
      { name: '--cookie-name', shape: STRING, required: true },
    ],
    plan(lab, values) {
      return change(lab, values, {
        call: 'createAppCookieStickinessPolicy',
        args: [
          {
            policyName: asString(values.get('--policy-name')) ?? '',
            cookieName: asString(values.get('--cookie-name')) ?? '',
          },
        ],
      })
    },
  },
  {
    service: 'elb',
    name: 'set-load-balancer-policies-of-listener',
    operation: 'SetLoadBalancerPoliciesOfListener',
    summary: "Puts policies on the listener (port 80); --policy-names '[]' removes stickiness.",
    options: [
      NAME,
      { name: '--load-balancer-port', shape: INTEGER, required: true },
      { name: '--policy-names', shape: STRINGS, required: true },
    ],
    plan(lab, values) {
      const names = asList(values.get('--policy-names')).filter(
        (n): n is string => typeof n === 'string',
      )
      return change(lab, values, {
        call: 'setLoadBalancerPoliciesOfListener',
        args: [
          {
            loadBalancerPort: asNumber(values.get('--load-balancer-port')) ?? 0,
            policyNames: names,
          },
        ],
      })
    },
  },
  {
    service: 'elb',
    name: 'describe-instance-health',
    operation: 'DescribeInstanceHealth',
    summary: 'Describes the state of the registered instances (InService, OutOfService).',
    options: [NAME, { name: '--instances', shape: listOf(INSTANCE) }],
    plan(lab, values) {
      const bad = checkName(lab, asString(values.get('--load-balancer-name')))
      if (bad !== null) return bad
      const asked = instanceIds(values)
      const states = lab.describeInstanceHealth()
      const unknown = asked.find((id) => !states.some((s) => s.InstanceId === id))
      if (unknown !== undefined)
        return {
          code: 'InvalidInstance',
          message: `Could not find EC2 instance ${unknown.slice(0, 100)}.`,
        }
      return {
        commands: [],
        output: (after) => ({
          InstanceStates: after
            .describeInstanceHealth()
            .filter((s) => asked.length === 0 || asked.includes(s.InstanceId)),
        }),
      }
    },
  },
  {
    service: 'elb',
    name: 'describe-load-balancer-policies',
    operation: 'DescribeLoadBalancerPolicies',
    summary: 'Describes the load balancer’s stickiness policies and their attributes.',
    options: [
      { ...NAME, required: false },
      { name: '--policy-names', shape: STRINGS },
    ],
    plan(lab, values) {
      const bad = checkName(lab, asString(values.get('--load-balancer-name')))
      if (bad !== null) return bad
      const asked = asList(values.get('--policy-names')).filter(
        (n): n is string => typeof n === 'string',
      )
      const policies = lab.describeLoadBalancerPolicies()
      const unknown = asked.find((n) => !policies.some((p) => p.PolicyName === n))
      if (unknown !== undefined)
        return {
          code: 'PolicyNotFound',
          message: `There is no policy named '${unknown.slice(0, 100)}' on this load balancer`,
        }
      return {
        commands: [],
        output: (after) => ({
          PolicyDescriptions: after
            .describeLoadBalancerPolicies()
            .filter((p) => asked.length === 0 || asked.includes(p.PolicyName)),
        }),
      }
    },
  },
  {
    service: 'elb',
    name: 'register-instances-with-load-balancer',
    operation: 'RegisterInstancesWithLoadBalancer',
    summary: 'Registers instances (InstanceId=i-1 …) with the Classic Load Balancer.',
    options: [NAME, { name: '--instances', shape: listOf(INSTANCE), required: true }],
    plan(lab, values) {
      return change(
        lab,
        values,
        { call: 'registerInstancesWithLoadBalancer', args: [instanceIds(values)] },
        registered,
      )
    },
  },
  {
    service: 'elb',
    name: 'deregister-instances-from-load-balancer',
    operation: 'DeregisterInstancesFromLoadBalancer',
    summary: 'Deregisters instances from the Classic Load Balancer (connection draining first).',
    options: [NAME, { name: '--instances', shape: listOf(INSTANCE), required: true }],
    plan(lab, values) {
      return change(
        lab,
        values,
        { call: 'deregisterInstancesFromLoadBalancer', args: [instanceIds(values)] },
        registered,
      )
    },
  },
]
