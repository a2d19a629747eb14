// A zod schema per lab command (issue 17): what outside data (a replay file or share link, a lesson or scenario
// file) must be to become a LabCommand. It refuses exactly what the live gate refuses (checkCommand in
// labCommand.ts, callArgs.ts), in the same words, and yields the same copy of the arguments; a property test
// (commandSchemas.test.ts) holds the two together for every command.
//
// Kept out of src/sim/index.ts on purpose: only modules that already load zod lazily import it (replayFile.ts,
// lessons/schema.ts), so zod stays off the first paint, and the live API keeps the hand-written gate.
//
// Each command's arguments pass three stages, as in the gate:
// 1. a list of at most the command's arity (counted before trailing `undefined`s are dropped, as the gate does);
// 2. the gate's own copy (cloneCallArgs): JSON data within MAX_ARG_CHARS / MAX_ARG_ITEMS / MAX_ARG_DEPTH, plain
//    objects, no holes, finite numbers. The copy is the command's arguments, so key order, `-0` and absent members
//    are exactly what the live lab would log, and a replayed lab's log matches the file byte for byte. zod's own
//    object parsing cannot stand in for it: it skips an own "__proto__" key and reorders keys in its output;
// 3. the command's argument tuple (COMMAND_ARG_SCHEMAS): the types, enums and ranges of CALL_CHECKS, in its order.
import '../../zodJitless'
import { z } from 'zod'
import {
  cloneCallArgs,
  MAX_ADVANCE_SECONDS,
  MAX_COOKIE_LIFETIME_SECONDS,
  MAX_REQUEST_SECONDS,
} from '../callArgs'
import { LOAD_BALANCER_TYPES } from '../model/loadBalancerTypes'
import { AVAILABILITY_ZONES } from '../model/world'
import type { ReplayableCall } from '../replayCalls'
import { MAX_POLLS } from '../rules/socketIo'
import { COMMAND_NAMES, type CommandCheck, type LabCommand } from './labCommand'

// --- leaf schemas, each with the gate's sentence for its refusal ---

/**
 * A value as the gate's refusals name it ('i-1', 5, a list, …): callArgs.ts's `describe`, repeated here rather than
 * exported from the first-paint bundle; commandSchemas.test.ts checks the two gates' messages are identical.
 */
function describeArg(v: unknown): string {
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') return v.length > 40 ? `a ${v.length}-character string` : `'${v}'`
  if (Array.isArray(v)) return 'a list'
  if (v === null) return 'null'
  return typeof v === 'object' ? 'an object' : typeof v
}

const str = (call: string, what: string) =>
  z.string({ error: (iss) => `${call}: ${what} must be a string, not ${describeArg(iss.input)}` })

const optStr = (call: string, what: string) => str(call, what).optional()

const optBool = (call: string, what: string) =>
  z.boolean({ error: `${call}: ${what} must be true or false` }).optional()

const optOneOf = (call: string, what: string, allowed: readonly [string, ...string[]]) =>
  z
    .enum(allowed, {
      error: (iss) =>
        `${call}: ${what} must be one of ${allowed.join(', ')}, not ${describeArg(iss.input)}`,
    })
    .optional()

function optSeconds(call: string, what: string, max: number) {
  const error = (iss: { input?: unknown }) =>
    `${call}: ${what} must be a number of seconds from 0 to ${max}, not ${describeArg(iss.input)}`
  return z.number({ error }).min(0, { error }).max(max, { error }).optional()
}

function optWhole(call: string, what: string, min: number, max: number) {
  const error = (iss: { input?: unknown }) =>
    `${call}: ${what} must be a whole number from ${min} to ${max}, not ${describeArg(iss.input)}`
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error }).optional()
}

/** An object argument (unknown keys allowed, as the gate allows them); `undefined` means `{}`. */
const optObject = <S extends z.ZodRawShape>(call: string, what: string, shape: S) =>
  z
    .looseObject(shape, {
      error: (iss) => `${call}: ${what} must be an object, not ${describeArg(iss.input)}`,
    })
    .optional()

/** A required object argument. */
const object = <S extends z.ZodRawShape>(call: string, what: string, shape: S = {} as S) =>
  z.looseObject(shape, {
    error: (iss) =>
      iss.input === undefined
        ? `${call}: ${what} is required`
        : `${call}: ${what} must be an object, not ${describeArg(iss.input)}`,
  })

/** An argument the gate does not look into (beyond its being JSON data). */
const anything = () => z.unknown().optional()

/** `n` string arguments, named as the gate names them. */
const ids = (call: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    str(call, i === 0 ? 'the first argument' : `argument ${i + 1}`),
  )

function requestOptions(call: string, flow: boolean) {
  const common = {
    path: optStr(call, 'options.path'),
    crossSite: optBool(call, 'options.crossSite'),
    credentials: optOneOf(call, 'options.credentials', ['include', 'same-origin', 'omit']),
    preflight: optBool(call, 'options.preflight'),
  }
  if (!flow) return optObject(call, 'options', common)
  // request() also takes null for "no options" (a flow's default tuple).
  return optObject(call, 'options', {
    ...common,
    durationSeconds: optSeconds(call, 'options.durationSeconds', MAX_REQUEST_SECONDS),
    newConnection: optBool(call, 'options.newConnection'),
    protocol: optOneOf(call, 'options.protocol', ['TCP', 'UDP', 'ICMP']),
    destinationIp: optStr(call, 'options.destinationIp'),
  }).nullable()
}

const clientOptions = (call: string) =>
  optObject(call, 'options', {
    kind: optOneOf(call, 'options.kind', ['browser', 'curl', 'sdk']),
    cookiesEnabled: optBool(call, 'options.cookiesEnabled'),
    userAgent: optOneOf(call, 'options.userAgent', ['chromium', 'other']),
    sourceIp: optStr(call, 'options.sourceIp'),
  })

const appConfig = (call: string) =>
  object(call, 'the configuration', {
    sessionCookie: object(call, 'sessionCookie', {
      name: str(call, 'sessionCookie.name'),
      maxAgeSeconds: optWhole(call, 'sessionCookie.maxAgeSeconds', 0, MAX_COOKIE_LIFETIME_SECONDS),
      valueBytes: optWhole(call, 'sessionCookie.valueBytes', 1, 16384),
    })
      .nullable()
      .optional(),
    sessionStore: optOneOf(call, 'sessionStore', ['memory', 'external']),
    latencySeconds: optSeconds(call, 'latencySeconds', MAX_REQUEST_SECONDS),
  })

const ADVANCE_RANGE = `seconds must be a finite number >= 0 and at most ${MAX_ADVANCE_SECONDS} (366 days)`
const advanceSeconds = z
  .number({ error: ADVANCE_RANGE })
  .min(0, { error: ADVANCE_RANGE })
  .max(MAX_ADVANCE_SECONDS, { error: ADVANCE_RANGE })

/** Each command's arguments, position by position; the list's length is the command's arity. */
export const COMMAND_ARG_SCHEMAS: { readonly [C in ReplayableCall]: readonly z.ZodType[] } = {
  advance: [advanceSeconds],
  createTargetGroup: [
    str('createTargetGroup', 'name'),
    optObject('createTargetGroup', 'options', {
      protocol: optStr('createTargetGroup', 'options.protocol'),
    }),
  ],
  modifyTargetGroupAttributes: [
    str('modifyTargetGroupAttributes', 'targetGroup'),
    object('modifyTargetGroupAttributes', 'attributes'),
  ],
  modifyHealthCheck: [
    str('modifyHealthCheck', 'targetGroup'),
    optObject('modifyHealthCheck', 'settings', {}),
  ],
  // The gate reads a missing protocol as '' and refuses it with the list.
  setListenerProtocol: [
    z.enum(['HTTP', 'HTTPS'], {
      error: (iss) =>
        `setListenerProtocol: protocol must be one of HTTP, HTTPS, not ${describeArg(iss.input ?? '')}`,
    }),
  ],
  setForward: [object('setForward', 'forward')],
  registerTargets: [...ids('registerTargets', 1), anything()],
  deregisterTargets: [...ids('deregisterTargets', 1), anything()],
  stopInstance: ids('stopInstance', 1),
  startInstance: ids('startInstance', 1),
  setHealthCheckFailing: [
    str('setHealthCheckFailing', 'instance id'),
    z.boolean({ error: 'setHealthCheckFailing: failing must be true or false' }),
    optObject('setHealthCheckFailing', 'options', {
      mode: optOneOf('setHealthCheckFailing', 'options.mode', [
        'response-code',
        'connection',
        'unresponsive',
      ]),
    }),
  ],
  configureApp: [appConfig('configureApp')],
  addClient: [str('addClient', 'client id'), clientOptions('addClient')],
  removeClient: ids('removeClient', 1),
  setClientOptions: [str('setClientOptions', 'client id'), clientOptions('setClientOptions')],
  request: [str('request', 'client id'), requestOptions('request', true)],
  setCookie: ids('setCookie', 3),
  deleteCookie: ids('deleteCookie', 2),
  clearCookies: ids('clearCookies', 1),
  launchInstance: [
    optObject('launchInstance', 'options', {
      az: z
        .enum(AVAILABILITY_ZONES, {
          error: "az must be one of the load balancer's Availability Zones",
        })
        .optional(),
    }),
  ],
  openWebSocket: [str('openWebSocket', 'client id'), requestOptions('openWebSocket', false)],
  sendWebSocketMessage: ids('sendWebSocketMessage', 1),
  closeWebSocket: ids('closeWebSocket', 1),
  setLoadBalancerType: [
    z.enum(LOAD_BALANCER_TYPES, {
      error: `loadBalancerType must be one of ${LOAD_BALANCER_TYPES.join(', ')}`,
    }),
  ],
  closeConnection: ids('closeConnection', 1),
  modifyLoadBalancerAttributes: [object('modifyLoadBalancerAttributes', 'attributes')],
  createLBCookieStickinessPolicy: [object('createLBCookieStickinessPolicy', 'options')],
  createAppCookieStickinessPolicy: [object('createAppCookieStickinessPolicy', 'options')],
  setLoadBalancerPoliciesOfListener: [object('setLoadBalancerPoliciesOfListener', 'options')],
  registerInstancesWithLoadBalancer: [anything()],
  deregisterInstancesFromLoadBalancer: [anything()],
  modifyListenerAttributes: [object('modifyListenerAttributes', 'attributes')],
  modifyClassicLoadBalancerAttributes: [
    object('modifyClassicLoadBalancerAttributes', 'attributes'),
  ],
  setCdn: [
    object('setCdn', 'options', {
      enabled: z.boolean({ error: 'setCdn: enabled must be true or false' }),
      cookies: optStr('setCdn', 'cookies'),
      names: z.array(z.unknown(), { error: 'setCdn: names must be a list' }).optional(),
    }),
  ],
  setOuterLayer: [
    object('setOuterLayer', 'options', {
      enabled: z.boolean({ error: 'setOuterLayer: enabled must be true or false' }),
      stickiness: optStr('setOuterLayer', 'stickiness'),
    }),
  ],
  configureKubernetes: [object('configureKubernetes', 'options')],
  connectSocketIo: [
    str('connectSocketIo', 'client id'),
    optObject('connectSocketIo', 'options', {
      polls: optWhole('connectSocketIo', 'options.polls', 1, MAX_POLLS),
      transports: optOneOf('connectSocketIo', 'options.transports', ['polling', 'websocket']),
    }),
  ],
}

/** The schema of one command's argument list: its output is the copy the live lab would apply and log. */
function argsSchema(call: ReplayableCall): z.ZodType<unknown[], unknown> {
  const items = COMMAND_ARG_SCHEMAS[call]
  const arity = items.length
  const tooMany = (n: number) =>
    `${call} takes at most ${arity} argument${arity === 1 ? '' : 's'}, not ${n}.`
  return z
    .array(z.unknown(), { error: `${call}: its arguments must be a list.` })
    .max(arity, { error: (iss) => tooMany((iss.input as unknown[]).length) })
    .transform((args, ctx) => {
      let copy: unknown[]
      try {
        const copied = cloneCallArgs(call, args, arity)
        if (copied.inexact !== null) {
          const message = `${call}: ${copied.inexact}; a lab only takes finite numbers.`
          ctx.issues.push({ code: 'custom', input: args, message })
          return z.NEVER
        }
        copy = copied.args
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        ctx.issues.push({ code: 'custom', input: args, message })
        return z.NEVER
      }
      // Position by position, a missing argument included (it is refused by its own schema, in the gate's words);
      // the first refusal is the answer, as the gate's first throw is.
      for (const [i, item] of items.entries()) {
        const checked = item.safeParse(copy[i])
        // zod reports at least one issue for a failed parse; only the first is the answer.
        for (const issue of checked.error?.issues.slice(0, 1) ?? []) {
          ctx.issues.push({
            code: 'custom',
            input: copy[i],
            path: [i, ...issue.path],
            message: issue.message,
          })
          return z.NEVER
        }
      }
      return copy
    })
}

const ARGS: ReadonlyMap<ReplayableCall, z.ZodType<unknown[], unknown>> = new Map(
  COMMAND_NAMES.map((call) => [call, argsSchema(call)]),
)

/** The schema of `call`'s argument list (a Map lookup: `call` may come from outside). */
export function commandArgsSchema(call: ReplayableCall): z.ZodType<unknown[], unknown> {
  const schema = ARGS.get(call)
  if (schema === undefined) throw new RangeError(`'${call}' is not a lab command`)
  return schema
}

const commandOption = (call: ReplayableCall) =>
  z.object({ call: z.literal(call), args: commandArgsSchema(call) })

const [first = commandOption('advance'), ...rest] = COMMAND_NAMES.map(commandOption)

/** A LabCommand as outside data, `{ call, args }`: a discriminated union on `call`, one schema per command. */
export const LabCommandSchema = z.discriminatedUnion('call', [first, ...rest], {
  error: (iss) => {
    const call = (iss.input as { call?: unknown } | undefined)?.call
    return `${typeof call === 'string' ? `'${call.slice(0, 60)}'` : 'This'} is not a lab command.`
  },
})

/** checkCommand's answer through the schemas: the command (its arguments copied), or the first refusal's sentence. */
export function parseCommand(call: unknown, args: unknown): CommandCheck {
  const parsed = LabCommandSchema.safeParse({ call, args })
  if (parsed.success) return { ok: true, command: parsed.data as LabCommand }
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'This is not a lab command.' }
}
