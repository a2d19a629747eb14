// createLab / restoreLab: the Lab object that owns one world and exposes the public API. Every
// state-changing call is validated first, then appended to the world's call log (so replayLab
// can rebuild it), then applied by mutating the world in place (fast; snapshot() copies).

import { CALL_CHECKS, cloneCallArgs } from './callArgs'
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
  ClassicHealthCheckView,
  CreateLabOptions,
  CreateTargetGroupOptions,
  FlowView,
  ForwardConfig,
  HealthCheckFailingOptions,
  HealthCheckUpdate,
  HealthCheckView,
  Lab,
  LabCall,
  ListenerView,
  LoadBalancerType,
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
import type { ClbPolicy, RegistrationState, TargetGroupState, World } from './model/world'
import {
  CLB_INSTANCE_GROUP,
  idleTimeoutSeconds,
  LOAD_BALANCER_TYPES,
  TARGET_GROUP_PROTOCOLS,
} from './model/loadBalancerTypes'
import { newFlowMetrics } from './rules/flows'
import { currentEpoch } from './rules/sourceIpTable'
import { forgetSourceIps, isIpv4, natGroups, nextDefaultSourceIp } from './rules/sourceIp'
import { switchLoadBalancer } from './rules/loadBalancerType'
import { handleNlbRequest } from './rules/nlb'
import { handleGwlbRequest } from './rules/gwlb'
import {
  describePolicies,
  handleClbRequest,
  instanceHealth,
  validateCookieName,
  validateExpirationPeriod,
  validateListenerPolicies,
  validatePolicyName,
} from './rules/clb'
import { ringToArray } from './ring'
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
import { CallLog } from './callLog'
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
import { REPLAYABLE_CALLS } from './replayCalls'

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
  const type = options?.loadBalancerType ?? 'application'
  checkLoadBalancerType(type)
  const lab = labFor(createWorld(seed))
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
  return labFor(upgradeWorld(JSON.parse(JSON.stringify(world)) as World))
}

function checkSeconds(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new RangeError(`${name} must be a finite number >= 0`)
  return v
}

function labFor(world: World, guarded = true): Lab {
  const rt: Runtime = buildRuntime(world)
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

  /** A target group by its public name (the CLB's internal instance group is not one). */
  function findGroup(name: string): TargetGroupState | undefined {
    return name === CLB_INSTANCE_GROUP ? undefined : dictGet(world.targetGroups, name)
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
        throw new TypeError(`destinationIp '${String(options.destinationIp)}' is not an IPv4 address`)
      const port = options.destinationPort
      if (port !== undefined && (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535))
        throw new RangeError('destinationPort must be a whole number between 1 and 65535')
    }
  }

  function albOnly(what: string): void {
    if (world.loadBalancerType !== 'application')
      throw new TypeError(`${what} is modelled for the Application Load Balancer only`)
  }

  function classicGroup(): TargetGroupState | null {
    return world.classic === null ? null : world.targetGroups[world.classic.group]!
  }

  function changeInstances(ids: string[], register: boolean): Result {
    const tg = classicGroup()
    if (tg === null) return Errors.notClassic()
    if (!Array.isArray(ids) || ids.length === 0) return Errors.noTargetsGiven()
    for (const id of ids) if (!isValidTargetId(id)) return Errors.invalidTargetId(id)
    if (register) {
      for (const id of ids) {
        const inst = dictGet(world.instances, id)
        if (inst === undefined) return Errors.invalidInstance(id)
      }
      for (const id of ids) registerTarget(world, tg, world.instances[id]!)
    } else {
      for (const id of ids) {
        const reg = tg.targets.find((r) => r.id === id && !r.deregistered)
        if (reg !== undefined) deregisterTarget(world, tg, reg)
      }
    }
    return OK
  }

  function addPolicy(policy: ClbPolicy): void {
    world.classic!.policies.push(policy)
  }

  const lab: Lab = {
    now: () => msToSeconds(world.nowMs),

    advance(seconds) {
      checkSeconds('seconds', seconds)
      const ms = secondsToMs(seconds)
      // Consecutive advances are one log entry, so 60 frame ticks a second do not flood the log. This is
      // exact because time is whole milliseconds: advance(a) then advance(b) leaves the world as advance(a + b).
      if (calls.lastIsAdvance()) calls.setLastAdvanceSeconds((secondsToMs(calls.lastAdvanceSeconds()) + ms) / 1000)
      else calls.push(world.nowMs / 1000, 'advance', [ms / 1000])
      if (advanceWorld(world, world.nowMs + ms)) changes++
    },

    changeCount: () => changes,

    secondsToNextEvent(): number {
      const t = nextEventMs(world)
      return t === null ? 0 : (t - world.nowMs) / 1000
    },

    targetGroups: () =>
      world.targetGroupOrder.filter((n) => n !== CLB_INSTANCE_GROUP).map(tgView),

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
      const tg = findGroup(targetGroup)
      if (tg === undefined) return Errors.targetGroupNotFound()
      if (attributes === null || typeof attributes !== 'object')
        return Errors.attributeValueNotString('attributes')
      const checked = validateAttributeChanges(tg, attributes, world.listener)
      if (!checked.ok) return checked
      applyAttributes(tg, checked.attributes)
      return OK
    },

    modifyHealthCheck(targetGroup, settings: HealthCheckUpdate): Result {
      const tg = findGroup(targetGroup)
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
      albOnly('setListenerProtocol')
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
      const tg = findGroup(targetGroup)
      if (tg === undefined) return Errors.targetGroupNotFound()
      if (!Array.isArray(ids) || ids.length === 0) return Errors.noTargetsGiven()
      for (const id of ids) if (!isValidTargetId(id)) return Errors.invalidTargetId(id)
      for (const id of ids)
        registerTarget(world, tg, dictGet(world.instances, id) ?? launchInstance(world, id))
      return OK
    },

    deregisterTargets(targetGroup, ids): Result {
      const tg = findGroup(targetGroup)
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

    addClient(id, options?: ClientOptions) {
      if (typeof id !== 'string') throw new TypeError('client id must be a string')
      validateClientOptions(options)
      const existing = rt.clients.get(id)?.state
      if (existing !== undefined) {
        if (options !== undefined) applyClientOptions(existing, options)
        if (options?.sourceIp !== undefined) forgetSourceIps(world)
      } else {
        getOrCreateClient(world, rt, id, options)
      }
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
      editCookie(world, getOrCreateClient(world, rt, clientId), name, value)
    },

    deleteCookie(clientId, name) {
      const client = dictGet(world.clients, clientId)
      if (client !== undefined) deleteCookieByName(client, name)
    },

    clearCookies(clientId) {
      const client = dictGet(world.clients, clientId)
      if (client !== undefined) client.jar = []
    },

    metrics(): Record<string, number> {
      const type = world.loadBalancerType
      if (type !== 'application') return typedMetrics()
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
          sourceIp: c.sourceIp,
        }
      }),

    removeClient(id) {
      if (dictGet(world.clients, id) === undefined) return
      dictDelete(world.clients, id)
      rt.clients.delete(id)
      world.clientOrder = world.clientOrder.filter((c) => c !== id)
      forgetSourceIps(world)
    },

    setClientOptions(id, options: ClientOptions) {
      validateClientOptions(options)
      const client = dictGet(world.clients, id)
      if (client !== undefined && options !== undefined) applyClientOptions(client, options)
      if (options?.sourceIp !== undefined) forgetSourceIps(world)
    },

    listener: (): ListenerView => {
      const view: ListenerView = {
        protocol: world.listener.transport ?? world.listener.protocol,
        port: world.listener.port,
        forward: {
          targetGroups: world.listener.forward.targetGroups.map((g) => ({
            name: g.name,
            weight: g.weight,
          })),
          stickiness: { ...world.listener.forward.stickiness },
        },
      }
      const clb = world.classic
      if (clb !== null) {
        view.instanceProtocol = 'HTTP'
        view.instancePort = clb.instancePort
        view.policyNames = [...clb.policyNames]
      }
      return view
    },

    app: (): AppView => ({
      sessionCookie: world.app.sessionCookie === null ? null : { ...world.app.sessionCookie },
      sessionStore: world.app.sessionStore,
      latencySeconds: world.app.latencySeconds,
    }),

    healthCheck(targetGroup): HealthCheckView | null {
      const tg = findGroup(targetGroup)
      return tg === undefined ? null : { ...tg.healthCheck, Matcher: { ...tg.healthCheck.Matcher } }
    },

    describeTargetHealth(targetGroup): TargetHealthDescription[] | null {
      const tg = findGroup(targetGroup)
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

    log: (): LabCall[] => calls.entries(),

    logInfo: () => calls.info(),

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
            : p.kind === CookieKind.elb
              ? 'elb_cookie'
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
      albOnly('openWebSocket')
      closeWebSocket(world, clientId)
      const opts: RequestOptions = {}
      if (options?.path !== undefined) opts.path = options.path
      if (options?.crossSite !== undefined) opts.crossSite = options.crossSite
      if (options?.credentials !== undefined) opts.credentials = options.credentials
      return handleRequest(world, rt, clientId, opts, true) as RequestRecord
    },

    sendWebSocketMessage(clientId) {
      return sendWebSocketMessage(world, clientId)
    },

    closeWebSocket(clientId) {
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

    loadBalancerType: () => world.loadBalancerType,

    setLoadBalancerType(type) {
      checkLoadBalancerType(type)
      switchLoadBalancer(world, type)
    },

    natGroups: () => natGroups(world),

    closeConnection(clientId) {
      const client = dictGet(world.clients, clientId)
      if (client !== undefined) client.flows = []
    },

    flows(): FlowView[] {
      const out: FlowView[] = []
      const now = world.nowMs
      for (const id of world.clientOrder) {
        const c = world.clients[id]!
        for (const f of c.flows) {
          const expires = f.lastSeenMs + idleTimeoutSeconds(f.protocol) * 1000
          if (now > expires) continue
          out.push({
            clientId: id,
            protocol: f.protocol,
            sourceIp: c.sourceIp,
            sourcePort: f.sourcePort,
            destinationIp: f.destinationIp,
            destinationPort: f.destinationPort,
            targetId: f.targetId,
            targetGroup: f.targetGroup,
            openedAt: f.openedAtMs / 1000,
            lastSeenAt: f.lastSeenMs / 1000,
            idleExpiresAt: expires / 1000,
          })
        }
      }
      return out
    },

    sourceIpStickiness() {
      const out: { targetGroup: string; sourceIp: string; targetId: string; createdAt: number }[] = []
      for (const name of world.targetGroupOrder) {
        const tg = world.targetGroups[name]!
        const table = tg.sourceIpTable
        if (table === undefined || !tg.parsed.stickinessEnabled) continue
        const epoch = currentEpoch(tg)
        for (const ip of Object.keys(table)) {
          const e = table[ip]!
          if (e.epoch === epoch)
            out.push({ targetGroup: name, sourceIp: ip, targetId: e.targetId, createdAt: e.createdAtMs / 1000 })
        }
      }
      return out
    },

    modifyLoadBalancerAttributes(attributes): Result {
      const type = world.loadBalancerType
      if (type !== 'network' && type !== 'gateway') return Errors.loadBalancerAttributeNotSupported()
      if (attributes === null || typeof attributes !== 'object')
        return Errors.attributeValueNotString('attributes')
      let crossZone = world.loadBalancerAttributes.crossZone
      for (const [key, value] of Object.entries(attributes)) {
        if (key !== 'load_balancing.cross_zone.enabled')
          return Errors.loadBalancerAttributeNotSupported()
        if (value !== 'true' && value !== 'false')
          return Errors.oneOf(key, String(value), ['true', 'false'])
        crossZone = value === 'true'
      }
      world.loadBalancerAttributes = { crossZone }
      return OK
    },

    loadBalancerAttributes(): Record<string, string> {
      const type = world.loadBalancerType
      if (type !== 'network' && type !== 'gateway') return {}
      return { 'load_balancing.cross_zone.enabled': String(world.loadBalancerAttributes.crossZone) }
    },

    createLBCookieStickinessPolicy(options): Result {
      const clb = world.classic
      if (clb === null) return Errors.notClassic()
      const bad =
        validatePolicyName(clb, options?.policyName) ??
        validateExpirationPeriod(options?.cookieExpirationPeriod)
      if (bad !== null) return bad
      const period = options.cookieExpirationPeriod
      addPolicy({
        policyName: options.policyName,
        policyTypeName: 'LBCookieStickinessPolicyType',
        cookieExpirationPeriod: period === undefined || period === 0 ? null : period,
      })
      return OK
    },

    createAppCookieStickinessPolicy(options): Result {
      const clb = world.classic
      if (clb === null) return Errors.notClassic()
      const bad = validatePolicyName(clb, options?.policyName) ?? validateCookieName(options?.cookieName)
      if (bad !== null) return bad
      addPolicy({
        policyName: options.policyName,
        policyTypeName: 'AppCookieStickinessPolicyType',
        cookieName: options.cookieName,
      })
      return OK
    },

    setLoadBalancerPoliciesOfListener(options): Result {
      const clb = world.classic
      if (clb === null) return Errors.notClassic()
      const checked = validateListenerPolicies(clb, options?.loadBalancerPort, options?.policyNames)
      if (!checked.ok) return checked
      clb.policyNames = checked.names
      return OK
    },

    describeLoadBalancerPolicies: () => describePolicies(world.classic),

    registerInstancesWithLoadBalancer(instanceIds): Result {
      return changeInstances(instanceIds, true)
    },

    deregisterInstancesFromLoadBalancer(instanceIds): Result {
      return changeInstances(instanceIds, false)
    },

    describeInstanceHealth() {
      const tg = classicGroup()
      return tg === null ? [] : instanceHealth(world, tg)
    },

    classicHealthCheck(): ClassicHealthCheckView | null {
      const tg = classicGroup()
      if (tg === null) return null
      const hc = tg.healthCheck
      return {
        Target: `${hc.HealthCheckProtocol}:${hc.HealthCheckPort}${hc.HealthCheckPath}`,
        Interval: hc.HealthCheckIntervalSeconds,
        Timeout: hc.HealthCheckTimeoutSeconds,
        UnhealthyThreshold: hc.UnhealthyThresholdCount,
        HealthyThreshold: hc.HealthyThresholdCount,
      }
    },
  }

  /** CloudWatch metric names of the NLB, GWLB and CLB (each type reports its own set). */
  function typedMetrics(): Record<string, number> {
    const type = world.loadBalancerType
    const m = world.metrics
    const out: Record<string, number> = {}
    if (type === 'classic') {
      out.RequestCount = m.RequestCount
      out.HTTPCode_ELB_5XX = m.HTTPCode_ELB_5XX_Count
      out.HTTPCode_Backend_2XX = m.HTTPCode_Target_2XX_Count
      out.BackendConnectionErrors = m.TargetConnectionErrorCount
    } else {
      const f = world.flowMetrics
      out.NewFlowCount = f.NewFlowCount
      if (type === 'network') {
        out.NewFlowCount_TCP = f.NewFlowCount_TCP
        out.NewFlowCount_UDP = f.NewFlowCount_UDP
      }
      out.ActiveFlowCount = lab.flows().length
    }
    if (type !== 'gateway') out.SessionsLost = m.SessionsLost
    let healthy = 0
    let unhealthy = 0
    for (const name of world.targetGroupOrder) {
      const tg = world.targetGroups[name]!
      let h = 0
      let u = 0
      for (const r of tg.targets) {
        if (r.state === 'healthy') h++
        else if (r.state === 'unhealthy') u++
      }
      if (type !== 'classic') {
        out['HealthyHostCount:' + name] = h
        out['UnHealthyHostCount:' + name] = u
      }
      if (tg.inUse) {
        healthy += h
        unhealthy += u
      }
    }
    out.HealthyHostCount = healthy
    out.UnHealthyHostCount = unhealthy
    for (const id of world.instanceOrder) out['RequestCountPerTarget:' + id] = world.instances[id]!.requestCount
    return out
  }
  // The probe is an unguarded lab on a copy of the world (the copy's runtime caches start empty; they never change
  // a result).
  if (guarded) guardCalls(lab, record, () => labFor(JSON.parse(JSON.stringify(world)) as World, false))
  return lab
}

function isRefusal(out: unknown): boolean {
  return typeof out === 'object' && out !== null && (out as { ok?: unknown }).ok === false
}

/**
 * Routes every replayable call through one gate (callArgs.ts): its arguments are copied into exact JSON data and
 * checked before the method runs, the method runs on the copy, and only a call that was applied is logged (a
 * refusal, thrown or returned as `{ ok: false }`, changes nothing and leaves no entry). `advance` logs itself,
 * because consecutive clock moves share one entry.
 */
function guardCalls(lab: Lab, record: (call: string, args: unknown[]) => void, probe: () => Lab): void {
  const table = lab as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const call of REPLAYABLE_CALLS) {
    const apply = table[call]!
    const { arity, check } = CALL_CHECKS[call]
    table[call] = (...raw: unknown[]) => {
      const { args, inexact } = cloneCallArgs(call, raw, arity)
      check(args)
      if (inexact !== null) {
        // A NaN or ±Infinity cannot be recorded. Try the call on a copy of the world: a configuration call refuses
        // it in AWS's words (a form's empty number field); if the copy would accept it, refuse it here instead.
        const out = (probe() as unknown as Record<string, (...a: unknown[]) => unknown>)[call]!(...args)
        if (isRefusal(out)) return out
        throw new TypeError(`${call}: ${inexact}; a lab only takes finite numbers`)
      }
      const out = apply(...args)
      if (call !== 'advance' && !isRefusal(out)) record(call, args)
      return out
    }
  }
}

/** The HTTP-date virtual time `seconds` corresponds to (helper for UIs showing Expires). */
export function virtualDate(seconds: number): string {
  return formatHttpDate(seconds)
}
