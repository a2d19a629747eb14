// The zod schema per command and the live lab's hand-written gate (checkCommand) must accept and refuse the same
// argument lists, in the same words, and yield the same copy: outside data read from a file or a lesson becomes
// exactly the command a live call would have logged.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { ReplayableCall } from '../replayCalls'
import { CALL_CHECKS, MAX_ARG_CHARS, MAX_ARG_DEPTH, MAX_ARG_ITEMS } from '../callArgs'
import { checkCommand, COMMAND_NAMES } from './labCommand'
import { COMMAND_ARG_SCHEMAS, LabCommandSchema, parseCommand } from './commandSchemas'

/** Words and numbers the gate's checks care about, so generated lists are often (not always) valid. */
const WORDS = [
  'i-1',
  'web',
  'alice',
  'AWSALB',
  '',
  'HTTP',
  'HTTPS',
  'TCP',
  'UDP',
  'ICMP',
  'include',
  'same-origin',
  'omit',
  'browser',
  'curl',
  'sdk',
  'chromium',
  'other',
  'memory',
  'external',
  'response-code',
  'connection',
  'unresponsive',
  'us-east-1a',
  'us-east-1d',
  'application',
  'network',
  'gateway',
  'classic',
  'polling',
  'websocket',
  'lb_cookie',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '/cart/add',
]
const KEYS = [
  'path',
  'crossSite',
  'credentials',
  'preflight',
  'durationSeconds',
  'newConnection',
  'protocol',
  'destinationIp',
  'kind',
  'cookiesEnabled',
  'userAgent',
  'sourceIp',
  'sessionCookie',
  'name',
  'maxAgeSeconds',
  'valueBytes',
  'sessionStore',
  'latencySeconds',
  'mode',
  'az',
  'enabled',
  'cookies',
  'names',
  'stickiness',
  'polls',
  'transports',
  'stickiness.enabled',
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
]
const NUMBERS = [
  0,
  -0,
  1,
  2,
  10,
  11,
  -1,
  1.5,
  30,
  4000,
  4000.5,
  4001,
  16384,
  16385,
  34_560_000,
  34_560_001,
  31_622_400,
  31_622_401,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
]

class Box {
  constructor(readonly value: number) {}
}

/** Values JSON cannot carry, or that break the gate's limits. */
const hostile = fc.constantFrom<unknown>(
  'x'.repeat(MAX_ARG_CHARS + 1),
  new Array(3),
  [1, undefined, 2],
  Array.from({ length: MAX_ARG_ITEMS + 1 }, () => 0),
  Object.fromEntries(Array.from({ length: MAX_ARG_ITEMS + 1 }, (_, i) => [`k${i}`, i])),
  { ['k'.repeat(MAX_ARG_CHARS + 1)]: 1 },
  Array.from({ length: MAX_ARG_DEPTH }).reduce<unknown>((inner) => [inner], 'deep'),
  Array.from({ length: MAX_ARG_DEPTH + 1 }).reduce<unknown>((inner) => ({ a: inner }), 'deeper'),
  new Date(0),
  new Map([['a', 1]]),
  new Box(1),
  () => 1,
  Symbol('s'),
  10n,
  Object.create(null) as object,
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"__proto__": 1e999}') as unknown,
)

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(...WORDS),
    fc.constantFrom<unknown>(...NUMBERS),
    fc.constantFrom<unknown>(true, false, null, undefined),
    fc.string({ maxLength: 12 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc
      .array(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { maxLength: 4 })
      .map((entries) => Object.fromEntries(entries)),
    hostile,
  ),
}))

/** The parts of a zod schema's definition the generator reads. */
interface Def {
  type: string
  innerType?: z.ZodType
  entries?: Record<string, string>
  shape?: Record<string, z.ZodType>
  checks?: z.ZodType[]
  value?: unknown
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/**
 * Arguments shaped by the command's own schema (its keys, enum values, boundary numbers), so most lists are valid or
 * one detail away from valid; now and then any value at all (hostile ones included) takes a position's place.
 */
function nearValid(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  let shaped: fc.Arbitrary<unknown>
  switch (def.type) {
    case 'optional':
      shaped = fc.oneof(fc.constant(undefined), nearValid(def.innerType!))
      break
    case 'nullable':
      shaped = fc.oneof(fc.constant(null), nearValid(def.innerType!))
      break
    case 'string':
      shaped = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 }))
      break
    case 'enum':
      shaped = fc.oneof(fc.constantFrom(...Object.values(def.entries!)), fc.constantFrom(...WORDS))
      break
    case 'number': {
      // The schema's own bounds and their neighbours, besides the usual suspects.
      const bounds = (def.checks ?? []).flatMap((c) => {
        const v = defOf(c).value
        return typeof v === 'number' ? [v, v - 1, v + 1, v - 0.5, v + 0.5] : []
      })
      shaped = fc.constantFrom<unknown>(...NUMBERS, ...bounds)
      break
    }
    case 'boolean':
      shaped = fc.boolean()
      break
    case 'object': {
      // Required members always (each may still be off), optional ones by chance, and now and then a stray key.
      const shape = Object.entries(def.shape!)
      const required = shape.filter(([, v]) => defOf(v).type !== 'optional')
      const optional = shape.filter(([, v]) => defOf(v).type === 'optional')
      const pair = ([k, v]: [string, z.ZodType]) => nearValid(v).map((x) => [k, x] as const)
      const extra = fc.oneof(
        {
          weight: 4,
          arbitrary:
            optional.length === 0
              ? fc.tuple(fc.constant('anything'), value)
              : fc.oneof(...optional.map(pair)),
        },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...KEYS), value) },
      )
      shaped = fc
        .tuple(fc.tuple(...required.map(pair)), fc.array(extra, { maxLength: optional.length + 1 }))
        .map(([must, more]) => Object.fromEntries([...must, ...more]))
      break
    }
    default:
      shaped = value
  }
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: value })
}

/** An argument list for `call`: shaped by its schema, or anything; up to one argument more than it takes. */
const argsFor = (call: ReplayableCall) =>
  fc.oneof(
    fc
      .tuple(
        ...COMMAND_ARG_SCHEMAS[call].map(nearValid),
        fc.option(value, { nil: undefined }),
        fc.nat(CALL_CHECKS[call].arity + 1),
      )
      .map(([...items]) => {
        const length = items.pop() as number
        return items.slice(0, length)
      }),
    fc.array(value, { maxLength: CALL_CHECKS[call].arity + 1 }),
  )

/** The same answer in the same words, and the same arguments when accepted. */
function expectSameAnswer(call: unknown, args: unknown): void {
  const byGate = checkCommand(call, args)
  const bySchema = parseCommand(call, args)
  expect(bySchema.ok).toBe(byGate.ok)
  if (byGate.ok && bySchema.ok) {
    expect(JSON.stringify(bySchema.command)).toBe(JSON.stringify(byGate.command))
    expect(bySchema.command).toEqual(byGate.command)
  } else {
    expect(bySchema).toEqual(byGate)
  }
}

describe('a zod schema per command', () => {
  it('has one schema per command, taking as many arguments as the gate', () => {
    expect(Object.keys(COMMAND_ARG_SCHEMAS).sort()).toEqual([...COMMAND_NAMES].sort())
    for (const call of COMMAND_NAMES)
      expect(COMMAND_ARG_SCHEMAS[call].length).toBe(CALL_CHECKS[call].arity)
  })

  it.each([...COMMAND_NAMES])(
    '%s: the schema and the gate agree on valid and hostile argument lists',
    (call) => {
      let accepted = 0
      fc.assert(
        fc.property(argsFor(call), (args) => {
          expectSameAnswer(call, args)
          if (checkCommand(call, args).ok) accepted++
        }),
        { numRuns: 500 },
      )
      // Both sides are exercised: a good share of the lists are commands, and a good share are not.
      expect(accepted).toBeGreaterThan(25)
      expect(accepted).toBeLessThan(475)
    },
  )

  it('agrees on well-formed calls of every command', () => {
    const valid: [string, unknown[]][] = [
      ['advance', [30]],
      ['createTargetGroup', ['api', { protocol: 'HTTP' }]],
      ['modifyTargetGroupAttributes', ['web', { 'stickiness.enabled': 'true' }]],
      ['modifyHealthCheck', ['web', { HealthCheckPath: '/health' }]],
      ['setListenerProtocol', ['HTTPS']],
      ['setForward', [{ targetGroups: [{ name: 'web', weight: 1 }] }]],
      ['registerTargets', ['web', ['i-1']]],
      ['setHealthCheckFailing', ['i-1', true, { mode: 'connection' }]],
      [
        'configureApp',
        [{ sessionCookie: { name: 'JSESSIONID', maxAgeSeconds: 0 }, sessionStore: 'memory' }],
      ],
      ['configureApp', [{ sessionCookie: null, latencySeconds: 0.25 }]],
      ['addClient', ['alice', { kind: 'curl', sourceIp: '203.0.113.7' }]],
      ['request', ['alice', null]],
      [
        'request',
        [
          'alice',
          { path: '/cart/add', durationSeconds: 4000, protocol: 'UDP', credentials: 'include' },
        ],
      ],
      ['setCookie', ['alice', 'AWSALB', 'x']],
      ['launchInstance', [{ az: 'us-east-1c' }]],
      ['openWebSocket', ['alice', { crossSite: true }]],
      ['setLoadBalancerType', ['gateway']],
      ['setCdn', [{ enabled: true, cookies: 'whitelist', names: ['AWSALB'] }]],
      ['setOuterLayer', [{ enabled: false }]],
      ['connectSocketIo', ['alice', { polls: 10, transports: 'polling' }]],
      ['registerInstancesWithLoadBalancer', [{ Instances: [{ InstanceId: 'i-1' }] }]],
      ['setHealthCheckFailing', ['i-1', false, undefined]],
    ]
    for (const [call, args] of valid) {
      expect(parseCommand(call, args)).toMatchObject({ ok: true })
      expectSameAnswer(call, args)
    }
  })

  it('agrees on names that are not commands, and on arguments that are not a list', () => {
    for (const call of [
      'now',
      'snapshot',
      '__proto__',
      'constructor',
      '',
      42,
      null,
      undefined,
      'x'.repeat(100),
    ])
      expectSameAnswer(call, [])
    for (const args of [undefined, null, 'alice', { 0: 'alice', length: 1 }, 5])
      expectSameAnswer('request', args)
  })

  it('keeps an own "__proto__" key as data, checked like any other member', () => {
    const polluted = JSON.parse('{"__proto__": {"isAdmin": true}, "path": "/x"}') as unknown
    const out = parseCommand('request', ['alice', polluted])
    expect(out.ok).toBe(true)
    if (out.ok) {
      const options = out.command.args[1] as object
      expect(Object.getPrototypeOf(options)).toBe(Object.prototype)
      expect(Object.keys(options)).toEqual(['__proto__', 'path'])
    }
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined()
    expect(parseCommand('request', ['alice', JSON.parse('{"__proto__": 1e999}')]).ok).toBe(false)
  })
})

describe('refusals read as sentences naming the argument', () => {
  const refusal = (call: string, args: unknown) => {
    const out = LabCommandSchema.safeParse({ call, args })
    expect(out.success).toBe(false)
    return out.error?.issues[0]?.message
  }

  it('names the argument and what it must be', () => {
    expect(refusal('createTargetGroup', [42])).toBe(
      'createTargetGroup: name must be a string, not 42',
    )
    expect(refusal('request', ['alice', { credentials: 'always' }])).toBe(
      "request: options.credentials must be one of include, same-origin, omit, not 'always'",
    )
    expect(refusal('connectSocketIo', ['alice', { polls: 11 }])).toBe(
      'connectSocketIo: options.polls must be a whole number from 1 to 10, not 11',
    )
    expect(refusal('configureApp', [{ sessionCookie: { name: 'SID', maxAgeSeconds: 1.5 } }])).toBe(
      'configureApp: sessionCookie.maxAgeSeconds must be a whole number from 0 to 34560000, not 1.5',
    )
    expect(refusal('setForward', [])).toBe('setForward: forward is required')
    expect(refusal('setHealthCheckFailing', ['i-1', 'yes'])).toBe(
      'setHealthCheckFailing: failing must be true or false',
    )
  })

  it('names the limit a hostile argument breaks', () => {
    expect(refusal('stopInstance', ['i-1', 'i-2'])).toBe(
      'stopInstance takes at most 1 argument, not 2.',
    )
    expect(refusal('addClient', ['x'.repeat(MAX_ARG_CHARS + 1)])).toBe(
      `addClient argument 1 is longer than ${MAX_ARG_CHARS} characters`,
    )
    expect(refusal('request', ['alice', { durationSeconds: Number.NaN }])).toBe(
      'request: request argument 2.durationSeconds is NaN; a lab only takes finite numbers.',
    )
    expect(refusal('setForward', [new Box(1)])).toBe('setForward argument 1 must be a plain object')
    expect(refusal('launchInstance', [{ az: 'eu-west-1a' }])).toBe(
      "az must be one of the load balancer's Availability Zones",
    )
    expect(refusal('explode', [])).toBe("'explode' is not a lab command.")
  })
})
