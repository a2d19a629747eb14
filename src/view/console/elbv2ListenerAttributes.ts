// `aws elbv2 modify-listener-attributes` and `describe-listener-attributes` for the lab's listener: the NLB TCP and
// GWLB listeners' `tcp.idle_timeout.seconds`, mapped to the lab's modifyListenerAttributes / listenerAttributes.
import { listOf, STRING, structure } from './cliArgs'
import { asList, asString, member, stringRecord, type ConsoleCommand } from './consoleTypes'
import { checkListenerArn } from './elbv2Views'

const ATTRIBUTE = structure([
  ['Key', STRING],
  ['Value', STRING],
])
const LISTENER_ARN = { name: '--listener-arn', shape: STRING, required: true } as const

/** The attributes as describe lists them: `[{ Key, Value }]`. */
function attributeList(attributes: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(attributes).map(([Key, Value]) => ({ Key, Value }))
}

export const ELBV2_LISTENER_ATTRIBUTE_COMMANDS: readonly ConsoleCommand[] = [
  {
    service: 'elbv2',
    name: 'modify-listener-attributes',
    operation: 'ModifyListenerAttributes',
    summary: 'Sets tcp.idle_timeout.seconds (60-6000) on an NLB TCP or GWLB listener.',
    options: [LISTENER_ARN, { name: '--attributes', shape: listOf(ATTRIBUTE), required: true }],
    plan(lab, values) {
      const bad = checkListenerArn(lab, asString(values.get('--listener-arn')) ?? '')
      if (bad !== null) return bad
      const entries = asList(values.get('--attributes')).map(
        (a) => [asString(member(a, 'Key')) ?? '', asString(member(a, 'Value')) ?? ''] as const,
      )
      return {
        commands: [{ call: 'modifyListenerAttributes', args: [stringRecord(entries)] }],
        output: (after) => ({ Attributes: attributeList(after.listenerAttributes()) }),
      }
    },
  },
  {
    service: 'elbv2',
    name: 'describe-listener-attributes',
    operation: 'DescribeListenerAttributes',
    summary: 'Describes the listener’s attributes (tcp.idle_timeout.seconds on NLB TCP and GWLB).',
    options: [LISTENER_ARN],
    plan(lab, values) {
      const bad = checkListenerArn(lab, asString(values.get('--listener-arn')) ?? '')
      if (bad !== null) return bad
      return {
        commands: [],
        output: (after) => ({ Attributes: attributeList(after.listenerAttributes()) }),
      }
    },
  },
]
