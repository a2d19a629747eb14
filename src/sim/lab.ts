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
  TargetId,
} from './model/api'
import type { Explainer } from './model/facts'
import type { World } from './model/world'
import { LOAD_BALANCER_TYPES } from './model/loadBalancerTypes'
import { switchLoadBalancer } from './rules/loadBalancerType'
import { upgradeSnapshot } from './rules/upgradeSnapshot'
import { OK, throwRefusal } from './rules/errors'
import { deregisterTarget, registerTarget, rescheduleChecks } from './rules/health'
import { isKnownAz, launchInstance, startInstance, stopInstance } from './rules/instances'
import type { Runtime } from './runtime'
import { buildRuntime, dropCachedWords } from './runtime'
import { labQueries } from './queries/labQueries'
import { classicCommands } from './commands/classicCalls'
import {
  checkAppConfig,
  checkAttributes,
  checkCreateTargetGroup,
  checkForward,
  checkHealthCheck,
  checkListenerProtocol,
  checkRequestOptions,
  checkTargets,
} from './commands/commandChecks'
import { guardCalls } from './commands/guardCalls'
import { bindWorld } from './commands/validateCommand'
import { browserCommands } from './commands/browserCommands'
import { connectionCommands } from './commands/connectionCommands'
import { kubernetesCommands } from './commands/kubernetesCommands'
import { socketIoCommands } from './commands/socketIoCommands'
import { CallLog } from './callLog'
import { RECORD_SINK } from './pipeline/recordSink'
import { runRequest } from './pipeline/servePipeline'
import { sendPreflight } from './rules/preflight'
import { sessionCookieConfig } from './rules/appCookieSize'
import { applyAttributes, applyForward, newTargetGroup } from './rules/targetGroups'
import { advanceWorld } from './rules/timeline'
import { cdnCommands } from './commands/cdnCommands'
import { outerLayerCommands } from './commands/outerLayerCommands'
import { rewordHistory } from './rules/rewordHistory'
import { rewordWhenInstalled, slotExplainer } from './explainerSlot'
import { needFamiliesFor } from './familySlot'
import { clientEntry } from './worldEntries'

/** Bumped when the public API changes incompatibly. */
export const LAB_API_VERSION = 1

export { MAX_TARGETS_ON_CREATE } from './commands/commandChecks'

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
  // A Network, Gateway or Classic lab needs its family (familySlot.ts): without it this throws, as a switch would.
  needFamiliesFor(world.loadBalancerType)
  return labFor(upgradeSnapshot(JSON.parse(JSON.stringify(world)) as World), explain)
}

function checkSeconds(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new RangeError(`${name} must be a finite number >= 0`)
  return v
}

function labFor(world: World, explain: Explainer): Lab {
  const rt: Runtime = buildRuntime(world, explain)
  // The live log is compact columns (callLog.ts); it serializes to the same ring, so the world's JSON is unchanged.
  const calls = CallLog.fromRing(world.log)
  ;(world as { log: unknown }).log = calls

  /** Counts changes other than the clock passing (not part of the world: it only tells views to redraw). */
  let changes = 0
  if (explain === slotExplainer)
    rewordWhenInstalled(() => {
      dropCachedWords(rt)
      rewordHistory(world.history, explain)
      changes++
    })

  /** Appends an applied call (its arguments already copied by cloneCallArgs) to the log. */
  function record(call: string, args: unknown[]): void {
    changes++
    // A request without options is stored as its bare client id: the commonest entry, kept small.
    const stored = call === 'request' && args.length === 1 ? (args[0] as string) : args
    calls.push(world.nowMs / 1000, call, stored)
  }

  const lab: Lab = {
    ...labQueries(world, calls, rt.sessions, () => changes),
    ...classicCommands(world),
    ...browserCommands(world, rt),
    ...connectionCommands(world, rt),
    ...cdnCommands(world),
    ...outerLayerCommands(world),
    ...kubernetesCommands(world),
    ...socketIoCommands(world, rt),

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
      const checked = checkCreateTargetGroup(world, name, options)
      if (!checked.ok) return checked
      const tg = newTargetGroup(world, checked.name, checked.protocol)
      for (let i = 0; i < checked.count; i++) registerTarget(world, tg, launchInstance(world))
      return OK
    },

    modifyTargetGroupAttributes(targetGroup, attributes): Result {
      const checked = checkAttributes(world, targetGroup, attributes)
      if (!checked.ok) return checked
      applyAttributes(checked.tg, checked.attributes)
      return OK
    },

    modifyHealthCheck(targetGroup, settings: HealthCheckUpdate): Result {
      const checked = checkHealthCheck(world, targetGroup, settings)
      if (!checked.ok) return checked
      const { tg, settings: next } = checked
      const intervalChanged =
        next.HealthCheckIntervalSeconds !== tg.healthCheck.HealthCheckIntervalSeconds
      tg.healthCheck = next
      if (intervalChanged) rescheduleChecks(world, tg)
      return OK
    },

    setListenerProtocol(protocol) {
      throwRefusal(checkListenerProtocol(world, protocol))
      world.listener.protocol = protocol
      world.listener.port = protocol === 'HTTPS' ? 443 : 80
    },

    setForward(forward: ForwardConfig): Result {
      const checked = checkForward(world, forward)
      if (!checked.ok) return checked
      if (world.loadBalancerType !== 'application') {
        // An NLB listener takes its one group's protocol and port.
        const tg = world.targetGroups[checked.forward.targetGroups[0]!.name]!
        if (world.loadBalancerType === 'network') {
          world.listener.transport = tg.protocol
          world.listener.protocol = tg.protocol === 'TLS' ? 'HTTPS' : 'HTTP'
          world.listener.port = tg.port
        }
        // The listener's flows pointed at the old group; they end.
        for (const id of world.clientOrder) clientEntry(world, id).flows = []
      }
      applyForward(world, checked.forward)
      return OK
    },

    registerTargets(targetGroup, ids): Result {
      const checked = checkTargets(world, targetGroup, ids)
      if (!checked.ok) return checked
      for (const id of checked.ids)
        registerTarget(world, checked.tg, dictGet(world.instances, id) ?? launchInstance(world, id))
      return OK
    },

    deregisterTargets(targetGroup, ids): Result {
      const checked = checkTargets(world, targetGroup, ids)
      if (!checked.ok) return checked
      // Ids that are not registered are ignored, as DeregisterTargets does.
      for (const id of ids) {
        const reg = checked.tg.targets.find((r) => r.id === id && !r.deregistered)
        if (reg !== undefined) deregisterTarget(world, checked.tg, reg)
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
      throwRefusal(checkAppConfig(app))
      const sc = app.sessionCookie
      if (sc !== undefined) {
        world.app.sessionCookie = sc === null ? null : sessionCookieConfig(sc)
      }
      if (app.sessionStore !== undefined) world.app.sessionStore = app.sessionStore
      if (app.latencySeconds !== undefined) world.app.latencySeconds = app.latencySeconds
    },

    request(clientId, options?: RequestOptions): RequestRecord {
      if (typeof clientId !== 'string') throw new TypeError('client id must be a string')
      throwRefusal(checkRequestOptions(world, options))
      if (options?.preflight === true && world.loadBalancerType === 'application')
        sendPreflight(world, rt, clientId, options)
      return runRequest(
        world,
        rt,
        clientId,
        options ?? undefined,
        'http',
        RECORD_SINK,
      ) as RequestRecord
    },

    launchInstance(options?: { az?: string }): TargetId {
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

  guardCalls(lab, record, world)
  bindWorld(lab, world)
  return lab
}

/** The HTTP-date virtual time `seconds` corresponds to (helper for UIs showing Expires). */
export function virtualDate(seconds: number): string {
  return formatHttpDate(seconds)
}
