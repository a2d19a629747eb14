// `aws elb modify-load-balancer-attributes` and `describe-load-balancer-attributes`: the Classic Load Balancer's
// attributes (connection draining, idle timeout, cross-zone, access logs and the desync mitigation mode), mapped to
// the lab's modifyClassicLoadBalancerAttributes. The option's shape is botocore's LoadBalancerAttributes, so the
// CLI's own checks (an unknown member, a missing Enabled) answer before the lab is asked.
import type { ClassicLoadBalancerAttributes } from '../../sim'
import { BOOLEAN, INTEGER, listOf, STRING, structure, type Checked } from './cliArgs'
import type { ConsoleCommand } from './consoleTypes'
import { asString } from './consoleTypes'
import { checkName } from './elbCommands'

const NAME = { name: '--load-balancer-name', shape: STRING, required: true } as const

const ATTRIBUTES = structure([
  ['CrossZoneLoadBalancing', structure([['Enabled', BOOLEAN]], ['Enabled'])],
  [
    'AccessLog',
    structure(
      [
        ['Enabled', BOOLEAN],
        ['S3BucketName', STRING],
        ['EmitInterval', INTEGER],
        ['S3BucketPrefix', STRING],
      ],
      ['Enabled'],
    ),
  ],
  [
    'ConnectionDraining',
    structure(
      [
        ['Enabled', BOOLEAN],
        ['Timeout', INTEGER],
      ],
      ['Enabled'],
    ),
  ],
  ['ConnectionSettings', structure([['IdleTimeout', INTEGER]], ['IdleTimeout'])],
  [
    'AdditionalAttributes',
    listOf(
      structure([
        ['Key', STRING],
        ['Value', STRING],
      ]),
    ),
  ],
])

/** The checked option as plain JSON data (the parser's records have no prototype). */
function asAttributes(value: Checked | undefined): ClassicLoadBalancerAttributes {
  return JSON.parse(JSON.stringify(value ?? {})) as ClassicLoadBalancerAttributes
}

export const ELB_ATTRIBUTE_COMMANDS: readonly ConsoleCommand[] = [
  {
    service: 'elb',
    name: 'modify-load-balancer-attributes',
    operation: 'ModifyLoadBalancerAttributes',
    summary:
      'Sets connection draining, the idle timeout, cross-zone load balancing or access logs of the Classic Load Balancer.',
    options: [NAME, { name: '--load-balancer-attributes', shape: ATTRIBUTES, required: true }],
    plan(lab, values) {
      const name = asString(values.get('--load-balancer-name'))
      const bad = checkName(lab, name)
      if (bad !== null) return bad
      const attributes = asAttributes(values.get('--load-balancer-attributes'))
      return {
        commands: [{ call: 'modifyClassicLoadBalancerAttributes', args: [attributes] }],
        output: () => ({ LoadBalancerName: name, LoadBalancerAttributes: attributes }),
      }
    },
  },
  {
    service: 'elb',
    name: 'describe-load-balancer-attributes',
    operation: 'DescribeLoadBalancerAttributes',
    summary: 'Describes the Classic Load Balancer’s attributes.',
    options: [NAME],
    plan(lab, values) {
      const bad = checkName(lab, asString(values.get('--load-balancer-name')))
      if (bad !== null) return bad
      return {
        commands: [],
        output: (after) => ({
          LoadBalancerAttributes: after.describeClassicLoadBalancerAttributes(),
        }),
      }
    },
  },
]
