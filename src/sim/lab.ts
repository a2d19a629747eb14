// createLab / restoreLab: the Lab object that owns one world and exposes the public API. Every
// state-changing call is validated first, then appended to the world's call log (so replayLab
// can rebuild it), then applied by mutating the world in place (fast; snapshot() copies).

import { formatHttpDate, msToSeconds, secondsToMs } from './clock'
import { deleteCookieByName, editCookie } from './cookieJar'
import { createWorld, DEFAULT_SEED, WORLD_FORMAT, WORLD_VERSION } from './createWorld'
import { dictGet, dictDelete } from './dict'
import type {
  AppConfig,
  AppView,
  ClientOptions,
  ClientView,
  CookieView,
  CreateLabOptions,
  CreateTargetGroupOptions,
  ForwardConfig,
  HealthCheckFailingOptions,
  HealthCheckUpdate,
  HealthCheckView,
  Lab,
  LabCall,
  RequestOptions,
  RequestRecord,
  Result,
  SessionRecord,
  TargetGroupView,
  TargetHealthDescription,
  WebSocketOptions,
  WebSocketView,
  XrayResult,
} from './model/api'
import type { RegistrationState, World } from './model/world'
import { ringPush, ringToArray, ringLast } from './ring'
import { applyClientOptions, getOrCreateClient, validateClientOptions } from './rules/clients'
import { CookieKind, decodeCookieValue, MAX_GROUP_SERIAL } from './rules/cookieCodec'
import { Errors, OK } from './rules/errors'
import {
  deregisterTarget,
  HEALTH_REASON_DESCRIPTIONS,
  registerTarget,
  rescheduleChecks,
} from './rules/health'
import { isKnownAz, launchInstance, startInstance, stopInstance } from './rules/instances'
import type { Runtime } from './runtime'
import { buildRuntime } from './runtime'
import { handleRequest } from './rules/request'
import { applyAttributes, applyForward, newTargetGroup } from './rules/targetGroups'
import { advanceWorld, nextEventMs } from './rules/timeline'
import {
  isValidTargetId,
  validateAttributeChanges,
  validateForward,
  validateHealthCheckUpdate,
  validateTargetGroupName,
} from './rules/validation'
import { closeWebSocket, sendWebSocketMessage } from './rules/webSocket'

/** Bumped when the public API changes incompatibly. */
export const LAB_API_VERSION = 1

/** Upper bound for createTargetGroup's `targets` option (keeps the UI readable). */
export const MAX_TARGETS_ON_CREATE = 20

const COOKIE_TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]{1,256}$/

/** Creates a lab with the default world (see createWorld.ts). */
export function createLab(options?: CreateLabOptions): Lab {
  const seed = options?.seed ?? DEFAULT_SEED
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    throw new TypeError('seed must be a finite number')
  return labFor(createWorld(seed))
}

/** Rebuilds a lab from a snapshot (the world is deep-copied; the snapshot stays untouched). */
export function restoreLab(world: World): Lab {
  if (
    world === null ||
    typeof world !== 'object' ||
    world.format !== WORLD_FORMAT ||
    world.version !== WORLD_VERSION
  ) {
    throw new TypeError(`not a ${WORLD_FORMAT} v${WORLD_VERSION} snapshot`)
  }
  return labFor(JSON.parse(JSON.stringify(world)) as World)
}

/** Deep copy of JSON data, dropping trailing undefined arguments. */
function cloneArgs(args: unknown[]): unknown[] {
  let n = args.length
  while (n > 0 && args[n - 1] === undefined) n--
  return n === 0 ? [] : (JSON.parse(JSON.stringify(args.slice(0, n))) as unknown[])
}

function checkSeconds(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new RangeError(`${name} must be a finite number >= 0`)
  return v
}

function labFor(world: World): Lab {
  const rt: Runtime = buildRuntime(world)

  /** Counts changes other than the clock passing (not part of the world: it only tells views to redraw). */
  let changes = 0

  function record(call: string, args: unknown[]): void {
    changes++
    ringPush(world.log, { at: world.nowMs / 1000, call, args: cloneArgs(args) })
  }

  function tgView(name: string): TargetGroupView {
    const tg = world.targetGroups[name]!
    return {
      name: tg.name,
      protocol: tg.protocol,
      port: tg.port,
      inUse: tg.inUse,
      attributes: { ...tg.attributes },
      targets: tg.targets.map((r) => {
        const inst = dictGet(world.instances, r.id)
        return {
          id: r.id,
          az: inst?.az ?? '',
          running: inst?.running ?? false,
          health: healthView(r),
        }
      }),
    }
  }

  function healthView(r: RegistrationState): {
    state: string
    reason?: string
    description?: string
  } {
    return r.reason === null
      ? { state: r.state }
      : { state: r.state, reason: r.reason, description: HEALTH_REASON_DESCRIPTIONS[r.reason] }
  }

  const lab: Lab = {
    now: () => msToSeconds(world.nowMs),

    advance(seconds) {
      checkSeconds('seconds', seconds)
      const ms = secondsToMs(seconds)
      // Consecutive advances are one log entry, so 60 frame ticks a second do not flood the log. This is
      // exact because time is whole milliseconds: advance(a) then advance(b) leaves the world as advance(a + b).
      const last = ringLast(world.log)
      if (last !== undefined && last.call === 'advance') last.args = [(secondsToMs(last.args[0] as number) + ms) / 1000]
      else ringPush(world.log, { at: world.nowMs / 1000, call: 'advance', args: [ms / 1000] })
      if (advanceWorld(world, world.nowMs + ms)) changes++
    },

    changeCount: () => changes,

    secondsToNextEvent(): number {
      const t = nextEventMs(world)
      return t === null ? 0 : (t - world.nowMs) / 1000
    },

    targetGroups: () => world.targetGroupOrder.map(tgView),

    createTargetGroup(name, options?: CreateTargetGroupOptions): Result {
      record('createTargetGroup', [name, options])
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
      const protocol = options?.protocol ?? 'HTTP'
      if (protocol !== 'HTTP' && protocol !== 'HTTPS') return Errors.targetGroupProtocol(protocol)
      const tg = newTargetGroup(world, name, protocol)
      for (let i = 0; i < count; i++) registerTarget(world, tg, launchInstance(world))
      return OK
    },

    modifyTargetGroupAttributes(targetGroup, attributes): Result {
      record('modifyTargetGroupAttributes', [targetGroup, attributes])
      const tg = dictGet(world.targetGroups, targetGroup)
      if (tg === undefined) return Errors.targetGroupNotFound()
      if (attributes === null || typeof attributes !== 'object')
        return Errors.attributeValueNotString('attributes')
      const checked = validateAttributeChanges(tg, attributes, world.listener)
      if (!checked.ok) return checked
      applyAttributes(tg, checked.attributes)
      return OK
    },

    modifyHealthCheck(targetGroup, settings: HealthCheckUpdate): Result {
      record('modifyHealthCheck', [targetGroup, settings])
      const tg = dictGet(world.targetGroups, targetGroup)
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
      record('setListenerProtocol', [protocol])
      world.listener.protocol = protocol
      world.listener.port = protocol === 'HTTPS' ? 443 : 80
    },

    setForward(forward: ForwardConfig): Result {
      record('setForward', [forward])
      const checked = validateForward(world, forward)
      if (!checked.ok) return checked
      applyForward(world, checked.forward)
      return OK
    },

    registerTargets(targetGroup, ids): Result {
      record('registerTargets', [targetGroup, ids])
      const tg = dictGet(world.targetGroups, targetGroup)
      if (tg === undefined) return Errors.targetGroupNotFound()
      if (!Array.isArray(ids) || ids.length === 0) return Errors.noTargetsGiven()
      for (const id of ids) if (!isValidTargetId(id)) return Errors.invalidTargetId(id)
      for (const id of ids)
        registerTarget(world, tg, dictGet(world.instances, id) ?? launchInstance(world, id))
      return OK
    },

    deregisterTargets(targetGroup, ids): Result {
      record('deregisterTargets', [targetGroup, ids])
      const tg = dictGet(world.targetGroups, targetGroup)
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
      record('stopInstance', [id])
      const inst = dictGet(world.instances, id)
      if (inst !== undefined) stopInstance(world, rt, inst)
    },

    startInstance(id) {
      record('startInstance', [id])
      const inst = dictGet(world.instances, id)
      if (inst !== undefined) startInstance(world, inst)
    },

    setHealthCheckFailing(id, failing, options?: HealthCheckFailingOptions) {
      const mode = options?.mode ?? 'response-code'
      if (mode !== 'response-code' && mode !== 'connection')
        throw new TypeError("mode must be 'response-code' or 'connection'")
      record('setHealthCheckFailing', [id, failing, options])
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
      record('configureApp', [app])
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

    addClient(id, options?: ClientOptions) {
      if (typeof id !== 'string') throw new TypeError('client id must be a string')
      validateClientOptions(options)
      const existing = rt.clients.get(id)?.state
      record('addClient', [id, options])
      if (existing !== undefined) {
        if (options !== undefined) applyClientOptions(existing, options)
      } else {
        getOrCreateClient(world, rt, id, options)
      }
    },

    request(clientId, options?: RequestOptions): RequestRecord {
      if (typeof clientId !== 'string') throw new TypeError('client id must be a string')
      if (options != null && options.durationSeconds !== undefined)
        checkSeconds('durationSeconds', options.durationSeconds)
      changes++
      ringPush(world.log, {
        at: world.nowMs / 1000,
        call: 'request',
        args: options == null ? clientId : [clientId, { ...options }],
      })
      return handleRequest(world, rt, clientId, options ?? undefined, false) as RequestRecord
    },

    cookies(clientId): CookieView[] {
      const client = dictGet(world.clients, clientId)
      if (client === undefined) return []
      return client.jar.map((c) => {
        const v: CookieView = {
          name: c.name,
          value: c.value,
          path: c.path,
          expiresAt: c.expiresAtMs === null ? null : c.expiresAtMs / 1000,
          secure: c.secure,
          httpOnly: c.httpOnly,
        }
        if (c.sameSite !== null) v.sameSite = c.sameSite
        return v
      })
    },

    setCookie(clientId, name, value) {
      if (typeof clientId !== 'string' || typeof name !== 'string' || typeof value !== 'string') {
        throw new TypeError('client id, name and value must be strings')
      }
      record('setCookie', [clientId, name, value])
      editCookie(world, getOrCreateClient(world, rt, clientId), name, value)
    },

    deleteCookie(clientId, name) {
      record('deleteCookie', [clientId, name])
      const client = dictGet(world.clients, clientId)
      if (client !== undefined) deleteCookieByName(client, name)
    },

    clearCookies(clientId) {
      record('clearCookies', [clientId])
      const client = dictGet(world.clients, clientId)
      if (client !== undefined) client.jar = []
    },

    metrics(): Record<string, number> {
      const out: Record<string, number> = {
        ...world.metrics,
        HealthyHostCount: 0,
        UnHealthyHostCount: 0,
      }
      for (const id of world.instanceOrder) {
        const inst = world.instances[id]!
        out['RequestCountPerTarget:' + id] = inst.requestCount
      }
      for (const name of world.targetGroupOrder) {
        const tg = world.targetGroups[name]!
        out['RequestCountPerTargetGroup:' + name] = tg.requestCount
        let healthy = 0
        let unhealthy = 0
        for (const r of tg.targets) {
          if (r.state === 'healthy') healthy++
          else if (r.state === 'unhealthy') unhealthy++
        }
        out['HealthyHostCount:' + name] = healthy
        out['UnHealthyHostCount:' + name] = unhealthy
        if (tg.inUse) {
          out.HealthyHostCount! += healthy
          out.UnHealthyHostCount! += unhealthy
        }
      }
      return out
    },

    seed: () => world.seed,

    clients: (): ClientView[] =>
      world.clientOrder.map((id) => {
        const c = world.clients[id]!
        return {
          id: c.id,
          cookiesEnabled: c.cookiesEnabled,
          userAgent: c.userAgent,
          nodeAz: c.nodeAz,
        }
      }),

    removeClient(id) {
      record('removeClient', [id])
      if (dictGet(world.clients, id) === undefined) return
      dictDelete(world.clients, id)
      rt.clients.delete(id)
      world.clientOrder = world.clientOrder.filter((c) => c !== id)
    },

    setClientOptions(id, options: ClientOptions) {
      validateClientOptions(options)
      const client = dictGet(world.clients, id)
      record('setClientOptions', [id, options])
      if (client !== undefined && options !== undefined) applyClientOptions(client, options)
    },

    listener: () => ({
      protocol: world.listener.protocol,
      port: world.listener.port,
      forward: {
        targetGroups: world.listener.forward.targetGroups.map((g) => ({
          name: g.name,
          weight: g.weight,
        })),
        stickiness: { ...world.listener.forward.stickiness },
      },
    }),

    app: (): AppView => ({
      sessionCookie: world.app.sessionCookie === null ? null : { ...world.app.sessionCookie },
      sessionStore: world.app.sessionStore,
      latencySeconds: world.app.latencySeconds,
    }),

    healthCheck(targetGroup): HealthCheckView | null {
      const tg = dictGet(world.targetGroups, targetGroup)
      return tg === undefined ? null : { ...tg.healthCheck, Matcher: { ...tg.healthCheck.Matcher } }
    },

    describeTargetHealth(targetGroup): TargetHealthDescription[] | null {
      const tg = dictGet(world.targetGroups, targetGroup)
      if (tg === undefined) return null
      return tg.targets.map((r) => {
        const d: TargetHealthDescription = {
          targetId: r.id,
          az: dictGet(world.instances, r.id)?.az ?? '',
          state: r.state,
        }
        if (r.reason !== null) {
          d.reason = r.reason
          d.description = HEALTH_REASON_DESCRIPTIONS[r.reason]
        }
        return d
      })
    },

    sessions(): SessionRecord[] {
      const out: SessionRecord[] = []
      for (const where of Object.keys(world.sessions)) {
        const bucket = world.sessions[where]!
        for (const sessionId of Object.keys(bucket))
          out.push({ where, sessionId, items: bucket[sessionId]! })
      }
      return out
    },

    history: () => ringToArray(world.history) as RequestRecord[],

    healthEvents: () => ringToArray(world.healthEvents),

    log: (): LabCall[] =>
      ringToArray(world.log).map((e) => ({
        at: e.at,
        call: e.call,
        args: typeof e.args === 'string' ? [e.args] : e.args,
      })),

    snapshot: () => JSON.parse(JSON.stringify(world)) as World,

    xray(cookieValue): XrayResult | null {
      if (typeof cookieValue !== 'string') return null
      const p = decodeCookieValue(world.secret, cookieValue)
      if (p === null) return null
      const kind =
        p.kind === CookieKind.lb
          ? 'lb_cookie'
          : p.kind === CookieKind.app
            ? 'app_cookie'
            : 'target_group'
      return {
        kind,
        targetGroup: world.targetGroupBySerial[p.targetGroupSerial] ?? null,
        targetId:
          p.kind === CookieKind.targetGroup
            ? null
            : (world.instanceBySerial[p.targetSerial] ?? null),
        issuedAt: p.issuedAtMs / 1000,
        durationSeconds: p.durationSeconds,
      }
    },

    launchInstance(options?: { az?: string }): string {
      if (options?.az !== undefined && !isKnownAz(options.az)) {
        throw new RangeError(`az must be one of the load balancer's Availability Zones`)
      }
      record('launchInstance', [options])
      return launchInstance(world, undefined, options?.az).id
    },

    instances: () =>
      world.instanceOrder.map((id) => {
        const i = world.instances[id]!
        return {
          id: i.id,
          az: i.az,
          running: i.running,
          healthCheckFailing: i.healthCheckFailing,
          inFlight: i.inFlightCount,
        }
      }),

    openWebSocket(clientId, options?: WebSocketOptions): RequestRecord {
      if (typeof clientId !== 'string') throw new TypeError('client id must be a string')
      record('openWebSocket', [clientId, options])
      closeWebSocket(world, clientId)
      const opts: RequestOptions = {}
      if (options?.path !== undefined) opts.path = options.path
      if (options?.crossSite !== undefined) opts.crossSite = options.crossSite
      if (options?.credentials !== undefined) opts.credentials = options.credentials
      return handleRequest(world, rt, clientId, opts, true) as RequestRecord
    },

    sendWebSocketMessage(clientId) {
      record('sendWebSocketMessage', [clientId])
      return sendWebSocketMessage(world, clientId)
    },

    closeWebSocket(clientId) {
      record('closeWebSocket', [clientId])
      closeWebSocket(world, clientId)
    },

    webSockets(): WebSocketView[] {
      const out: WebSocketView[] = []
      for (const id of world.clientOrder) {
        const ws = world.clients[id]!.webSocket
        if (ws !== null) {
          out.push({
            clientId: id,
            targetId: ws.targetId,
            targetGroup: ws.targetGroup,
            openedAt: ws.openedAtMs / 1000,
            messages: ws.messages,
          })
        }
      }
      return out
    },
  }
  return lab
}

/** The HTTP-date virtual time `seconds` corresponds to (helper for UIs showing Expires). */
export function virtualDate(seconds: number): string {
  return formatHttpDate(seconds)
}
