// EC2-like instances: launching (ids i-1, i-2 … and AZs round robin), stopping (its targets go
// unused / Target.InvalidState at once; in-memory carts and WebSocket connections are lost) and
// starting again (its targets go back through initial health checks).

import { dictGet, dictSet } from '../dict'
import type { Silence } from '../model/facts'
import type { InstanceState, World } from '../model/world'
import type { Runtime } from '../runtime'
import { AVAILABILITY_ZONES } from '../model/world'
import { asTargetId, type TargetId } from '../model/ids'
import { onInstanceStarted, onInstanceStopped } from './health'

/** The next free readable id ("i-4"); real instance ids look like i-0abc123def4567890. */
function nextInstanceId(world: World): TargetId {
  for (;;) {
    const id = asTargetId('i-' + ++world.counters.instance)
    if (dictGet(world.instances, id) === undefined) return id
  }
}

/** Whether the instance's application answers a request or a health check: not when the instance
 *  is stopped, nor when its application has hung (setHealthCheckFailing mode 'unresponsive'). */
export function answers(instance: InstanceState): boolean {
  return instance.running && !(instance.healthCheckFailing && instance.failMode === 'unresponsive')
}

/** Why a routed request got no answer (a code; src/explain words it). */
export function silenceReason(instance: InstanceState): Silence {
  return instance.running ? 'hung' : 'stopped'
}

/** Whether an AZ is one the load balancer is enabled in. */
export function isKnownAz(az: unknown): az is string {
  return typeof az === 'string' && (AVAILABILITY_ZONES as readonly string[]).includes(az)
}

/** Launches a running instance. Without an AZ, AZs are used round robin. */
export function launchInstance(world: World, id?: TargetId, az?: string): InstanceState {
  const instanceId = id ?? nextInstanceId(world)
  const zone = az ?? AVAILABILITY_ZONES[world.counters.launchAz++ % AVAILABILITY_ZONES.length]!
  const serial = world.counters.instanceSerial++
  const instance: InstanceState = {
    id: instanceId,
    serial,
    az: zone,
    running: true,
    healthCheckFailing: false,
    failMode: 'response-code',
    inFlight: [],
    inFlightCount: 0,
    requestCount: 0,
  }
  dictSet(world.instances, instanceId, instance)
  world.instanceOrder.push(instanceId)
  world.instanceBySerial[serial] = instanceId
  return instance
}

/** Stops an instance: its targets go unused (Target.InvalidState) and get no traffic; its memory is gone. */
export function stopInstance(world: World, rt: Runtime, instance: InstanceState): void {
  if (!instance.running) return
  instance.running = false
  instance.inFlight = []
  instance.inFlightCount = 0
  // In-memory carts die with the process.
  rt.sessions.delete(instance.id)
  for (const id of world.clientOrder) {
    const c = dictGet(world.clients, id)
    if (c !== undefined && c.webSocket !== null && c.webSocket.targetId === instance.id)
      c.webSocket = null
  }
  onInstanceStopped(world, instance)
}

/** Starts a stopped instance; health checks then bring its targets back. */
export function startInstance(world: World, instance: InstanceState): void {
  if (instance.running) return
  instance.running = true
  onInstanceStarted(world, instance)
}
