// createLab / restoreLab: the Lab object that owns one world and exposes the public API. Every
// state-changing call is validated first, then appended to the world's call log (so replayLab
// can rebuild it), then applied by mutating the world in place (fast; snapshot() copies).

import { formatHttpDate, secondsToMs } from './clock'
import { createWorld, DEFAULT_SEED, WORLD_FORMAT, WORLD_VERSION } from './createWorld'
import { dictGet } from './dict'
import type {
  AppConfig,
  CreateLabOptions,
  CreateTargetGroupOptions,
  ForwardConfig,
  HealthCheckFailingOptions,
  HealthCheckUpdate,
  Lab,
  LoadBalancerType,
  RequestOptions,
  RequestRecord,
  Result,
} from './model/api'
import type { Explainer } from './model/facts'
import type { World } from './model/world'
import { LOAD_BALANCER_TYPES, TARGET_GROUP_PROTOCOLS } from './model/loadBalancerTypes'
import { newFlowMetrics } from './rules/flows'
import { isIpv4, nextDefaultSourceIp } from './rules/sourceIp'
import { switchLoadBalancer } from './rules/loadBalancerType'
import { upgradeStickyReset } from './rules/sourceIpTable'
import { handleNlbRequest } from './rules/nlb'
import { handleGwlbRequest } from './rules/gwlb'
import { handleClbRequest } from './rules/clb'
import { MAX_GROUP_SERIAL } from './rules/cookieCodec'
import { Errors, OK } from './rules/errors'
import { deregisterTarget, registerTarget, rescheduleChecks } from './rules/health'
import { isKnownAz, launchInstance, startInstance, stopInstance } from './rules/instances'
import type { Runtime } from './runtime'
import { buildRuntime } from './runtime'
import { findGroup, labQueries } from './queries/labQueries'
import { classicCommands } from './commands/classicCommands'
import { guardCalls } from './commands/guardCalls'
import { browserCommands } from './commands/browserCommands'
import { albOnly, connectionCommands } from './commands/connectionCommands'
import { CallLog } from './callLog'
import { handleRequest } from './rules/request'
import { applyAttributes, applyForward, newTargetGroup } from './rules/targetGroups'
import { advanceWorld } from './rules/timeline'
import {
  isValidTargetId,
  validateAttributeChanges,
  validateForward,
  validateHealthCheckUpdate,
  validateTargetGroupName,
} from './rules/validation'

/** Bumped when the public API changes incompatibly. */
export const LAB_API_VERSION = 1

/** Upper bound for createTargetGroup's `targets` option (keeps the UI readable). */
export const MAX_TARGETS_ON_CREATE = 20

const COOKIE_TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]{1,256}$/

/** Creates a lab with the default world (see createWorld.ts); `explain` words its decisions (src/sim/index.ts passes src/explain's). */
export function createLab(options: CreateLabOptions | undefined, explain: Explainer): Lab {
  const seed = options?.seed ?? DEFAULT_SEED
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    throw new TypeError('seed must be a finite number')
  const type = options?.loadBalancerType ?? 'application'
  checkLoadBalancerType(type)
  const lab = labFor(createWorld(seed), explain)
  // Logged like a learner's switch, so replayLab(seed, log) rebuilds the same world.
  if (type !== 'application') lab.setLoadBalancerType(type)
  return lab
}

function checkLoadBalancerType(type: unknown): asserts type is LoadBalancerType {
  if (!(LOAD_BALANCER_TYPES as readonly unknown[]).includes(type))
    throw new TypeError(`loadBalancerType must be one of ${LOAD_BALANCER_TYPES.join(', ')}`)
}

/** Fills in what snapshots taken before load balancer types existed lack (all ALB). */
function upgradeWorld(world: World): World {
  if (world.loadBalancerType !== undefined) return world
  world.loadBalancerType = 'application'
  world.loadBalancerAttributes = { crossZone: false }
  world.classic = null
  world.flowMetrics = newFlowMetrics()
  world.counters.sourceIp ??= 0
  world.counters.sourcePort ??= 49151
  for (const id of world.clientOrder) {
    const c = world.clients[id]!
    c.flows ??= []
    c.sourceIp ??= nextDefaultSourceIp(world)
  }
  return world
}

/** Brings an older snapshot's worded state up to today's facts (its history keeps the explanations it has). */
function upgradeFacts(world: World): World {
  for (const name of Object.keys(world.targetGroups)) upgradeStickyReset(world.targetGroups[name]!)
  return world
}

/** Rebuilds a lab from a snapshot (the world is deep-copied; the snapshot stays untouched). */
export function restoreLab(world: World, explain: Explainer): Lab {
  if (
    world === null ||
    typeof world !== 'object' ||
    world.format !== WORLD_FORMAT ||
    world.version !== WORLD_VERSION
  ) {
    throw new TypeError(`not a ${WORLD_FORMAT} v${WORLD_VERSION} snapshot`)
  }
  return labFor(upgradeFacts(upgradeWorld(JSON.parse(JSON.stringify(world)) as World)), explain)
}

function checkSeconds(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new RangeError(`${name} must be a finite number >= 0`)
  return v
}

function labFor(world: World, explain: Explainer, guarded = true): Lab {
  const rt: Runtime = buildRuntime(world, explain)
  // The live log is compact columns (callLog.ts); it serializes to the same ring, so the world's JSON is unchanged.
  const calls = CallLog.fromRing(world.log)
  ;(world as { log: unknown }).log = calls

  /** Counts changes other than the clock passing (not part of the world: it only tells views to redraw). */
  let changes = 0

  /** Appends an applied call (its arguments already copied by cloneCallArgs) to the log. */
  function record(call: string, args: unknown[]): void {
    changes++
    // A request without options is stored as its bare client id: the commonest entry, kept small.
    const stored = call === 'request' && args.length === 1 ? (args[0] as string) : args
    calls.push(world.nowMs / 1000, call, stored)
  }

  function checkFlowOptions(options: RequestOptions | null | undefined): void {
    if (options == null) return
    const type = world.loadBalancerType
    const p = options.protocol
    if (type === 'network' && p !== undefined) {
      const l = world.listener.transport ?? 'TCP'
      const allowed = l === 'UDP' ? ['UDP'] : l === 'TCP_UDP' ? ['TCP', 'UDP'] : ['TCP']
      if (!allowed.includes(p))
        throw new RangeError(`protocol must be ${allowed.join(' or ')} on a ${l} listener`)
    }
    if (type === 'gateway') {
      if (p !== undefined && p !== 'TCP' && p !== 'UDP' && p !== 'ICMP')
        throw new RangeError("protocol must be 'TCP', 'UDP' or 'ICMP'")
      if (options.destinationIp !== undefined && !isIpv4(options.destinationIp))
        throw new TypeError(
          `destinationIp '${String(options.destinationIp)}' is not an IPv4 address`,
        )
      const port = options.destinationPort
      if (
        port !== undefined &&
        (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
      )
        throw new RangeError('destinationPort must be a whole number between 1 and 65535')
    }
  }

  const lab: Lab = {
    ...labQueries(world, calls, () => changes),
    ...classicCommands(world),
    ...browserCommands(world, rt),
    ...connectionCommands(world, rt),

    advance(seconds) {
      checkSeconds('seconds', seconds)
      const ms = secondsToMs(seconds)
      // Consecutive advances are one log entry, so 60 frame ticks a second do not flood the log. This is
      // exact because time is whole milliseconds: advance(a) then advance(b) leaves the world as advance(a + b).
      if (calls.lastIsAdvance())
        calls.setLastAdvanceSeconds((secondsToMs(calls.lastAdvanceSeconds()) + ms) / 1000)
      else calls.push(world.nowMs / 1000, 'advance', [ms / 1000])
      if (advanceWorld(world, world.nowMs + ms)) changes++
    },

    createTargetGroup(name, options?: CreateTargetGroupOptions): Result {
      const bad = validateTargetGroupName(world, name)
      if (bad !== null) return bad
      if (world.counters.targetGroupSerial > MAX_GROUP_SERIAL) return Errors.tooManyTargetGroups()
      const count = options?.targets ?? 0
      if (
        typeof count !== 'number' ||
        !Number.isInteger(count) ||
        count < 0 ||
        count > MAX_TARGETS_ON_CREATE
      ) {
        return Errors.targetCount(count, MAX_TARGETS_ON_CREATE)
      }
      const type = world.loadBalancerType
      if (type === 'classic') return Errors.classicHasNoTargetGroups()
      const allowed = TARGET_GROUP_PROTOCOLS[type]
      const protocol = options?.protocol ?? allowed[0]!
      if (!allowed.includes(protocol)) {
        return type === 'network'
          ? Errors.networkTargetGroupProtocol(protocol)
          : type === 'gateway'
            ? Errors.gatewayTargetGroupProtocol(protocol)
            : Errors.targetGroupProtocol(protocol)
      }
      const tg = newTargetGroup(world, name, protocol)
      for (let i = 0; i < count; i++) registerTarget(world, tg, launchInstance(world))
      return OK
    },

    modifyTargetGroupAttributes(targetGroup, attributes): Result {
      const tg = findGroup(world, targetGroup)
      if (tg === undefined) return Errors.targetGroupNotFound()
      if (attributes === null || typeof attributes !== 'object')
        return Errors.attributeValueNotString('attributes')
      const checked = validateAttributeChanges(tg, attributes, world.listener)
      if (!checked.ok) return checked
      applyAttributes(tg, checked.attributes)
      return OK
    },

    modifyHealthCheck(targetGroup, settings: HealthCheckUpdate): Result {
      const tg = findGroup(world, targetGroup)
      if (tg === undefined) return Errors.targetGroupNotFound()
      const checked = validateHealthCheckUpdate(tg.healthCheck, settings ?? {})
      if (!checked.ok) return checked
      const next = checked.settings
      const intervalChanged =
        next.HealthCheckIntervalSeconds !== tg.healthCheck.HealthCheckIntervalSeconds
      tg.healthCheck = next
      if (intervalChanged) rescheduleChecks(world, tg)
      return OK
    },

    setListenerProtocol(protocol) {
      if (protocol !== 'HTTP' && protocol !== 'HTTPS')
        throw new TypeError("protocol must be 'HTTP' or 'HTTPS'")
      albOnly(world, 'setListenerProtocol')
      world.listener.protocol = protocol
      world.listener.port = protocol === 'HTTPS' ? 443 : 80
    },

    setForward(forward: ForwardConfig): Result {
      const type = world.loadBalancerType
      if (type === 'classic') return Errors.classicHasNoTargetGroups()
      const checked = validateForward(world, forward)
      if (!checked.ok) return checked
      if (type !== 'application') {
        // NLB and GWLB listeners forward to one group; an NLB listener takes that group's protocol and port.
        if (checked.forward.targetGroups.length !== 1 || checked.forward.stickiness.enabled)
          return Errors.forwardSingleGroup()
        const tg = world.targetGroups[checked.forward.targetGroups[0]!.name]!
        if (type === 'network') {
          world.listener.transport = tg.protocol
          world.listener.protocol = tg.protocol === 'TLS' ? 'HTTPS' : 'HTTP'
          world.listener.port = tg.port
        }
        // The listener's flows pointed at the old group; they end.
        for (const id of world.clientOrder) world.clients[id]!.flows = []
      }
      applyForward(world, checked.forward)
      return OK
    },

    registerTargets(targetGroup, ids): Result {
      const tg = findGroup(world, targetGroup)
      if (tg === undefined) return Errors.targetGroupNotFound()
      if (!Array.isArray(ids) || ids.length === 0) return Errors.noTargetsGiven()
      for (const id of ids) if (!isValidTargetId(id)) return Errors.invalidTargetId(id)
      for (const id of ids)
        registerTarget(world, tg, dictGet(world.instances, id) ?? launchInstance(world, id))
      return OK
    },

    deregisterTargets(targetGroup, ids): Result {
      const tg = findGroup(world, targetGroup)
      if (tg === undefined) return Errors.targetGroupNotFound()
      if (!Array.isArray(ids) || ids.length === 0) return Errors.noTargetsGiven()
      for (const id of ids) if (!isValidTargetId(id)) return Errors.invalidTargetId(id)
      // Ids that are not registered are ignored, as DeregisterTargets does.
      for (const id of ids) {
        const reg = tg.targets.find((r) => r.id === id && !r.deregistered)
        if (reg !== undefined) deregisterTarget(world, tg, reg)
      }
      return OK
    },

    stopInstance(id) {
      const inst = dictGet(world.instances, id)
      if (inst !== undefined) stopInstance(world, rt, inst)
    },

    startInstance(id) {
      const inst = dictGet(world.instances, id)
      if (inst !== undefined) startInstance(world, inst)
    },

    setHealthCheckFailing(id, failing, options?: HealthCheckFailingOptions) {
      const mode = options?.mode ?? 'response-code'
      if (mode !== 'response-code' && mode !== 'connection' && mode !== 'unresponsive')
        throw new TypeError("mode must be 'response-code', 'connection' or 'unresponsive'")
      const inst = dictGet(world.instances, id)
      if (inst === undefined) return
      inst.healthCheckFailing = failing === true
      inst.failMode = mode
    },

    configureApp(app: AppConfig) {
      const sc = app?.sessionCookie
      if (sc !== undefined && sc !== null) {
        if (typeof sc.name !== 'string' || !COOKIE_TOKEN.test(sc.name))
          throw new TypeError('sessionCookie.name must be a cookie token')
        const m = sc.maxAgeSeconds
        if (m !== undefined && (typeof m !== 'number' || !Number.isInteger(m) || m < 0)) {
          throw new RangeError('sessionCookie.maxAgeSeconds must be a whole number >= 0')
        }
      }
      if (
        app?.sessionStore !== undefined &&
        app.sessionStore !== 'memory' &&
        app.sessionStore !== 'external'
      ) {
        throw new TypeError("sessionStore must be 'memory' or 'external'")
      }
      if (app?.latencySeconds !== undefined) checkSeconds('latencySeconds', app.latencySeconds)
      if (sc !== undefined) {
        world.app.sessionCookie =
          sc === null
            ? null
            : sc.maxAgeSeconds === undefined
              ? { name: sc.name }
              : { name: sc.name, maxAgeSeconds: sc.maxAgeSeconds }
      }
      if (app.sessionStore !== undefined) world.app.sessionStore = app.sessionStore
      if (app.latencySeconds !== undefined) world.app.latencySeconds = app.latencySeconds
    },

    request(clientId, options?: RequestOptions): RequestRecord {
      if (typeof clientId !== 'string') throw new TypeError('client id must be a string')
      if (options != null && options.durationSeconds !== undefined)
        checkSeconds('durationSeconds', options.durationSeconds)
      checkFlowOptions(options)
      switch (world.loadBalancerType) {
        case 'network':
          return handleNlbRequest(world, rt, clientId, options ?? undefined) as RequestRecord
        case 'gateway':
          return handleGwlbRequest(world, rt, clientId, options ?? undefined) as RequestRecord
        case 'classic':
          return handleClbRequest(world, rt, clientId, options ?? undefined) as RequestRecord
        default:
          return handleRequest(world, rt, clientId, options ?? undefined, false) as RequestRecord
      }
    },

    launchInstance(options?: { az?: string }): string {
      if (options?.az !== undefined && !isKnownAz(options.az)) {
        throw new RangeError(`az must be one of the load balancer's Availability Zones`)
      }
      return launchInstance(world, undefined, options?.az).id
    },

    setLoadBalancerType(type) {
      checkLoadBalancerType(type)
      switchLoadBalancer(world, type)
    },
  }

  // The probe is an unguarded lab on a copy of the world (the copy's runtime caches start empty; they never change
  // a result).
  if (guarded)
    guardCalls(lab, record, () =>
      labFor(JSON.parse(JSON.stringify(world)) as World, explain, false),
    )
  return lab
}

/** The HTTP-date virtual time `seconds` corresponds to (helper for UIs showing Expires). */
export function virtualDate(seconds: number): string {
  return formatHttpDate(seconds)
}
