// The picture as data for a table: each client with its binding, each target with its health and load.
import type { LabQueries } from '../sim'
import { LOAD_BALANCER_INFO } from './loadBalancerType'

export interface ClientRow {
  id: string
  cookies: string
  binding: string
  last: string
}

export interface TargetRow {
  key: string
  id: string
  group: string
  az: string
  running: string
  health: string
  served: number
  carts: number
}

const BINDING_COOKIES = ['AWSALB', 'AWSALBCORS', 'AWSALBAPP-0', 'AWSELB', 'AWSELBCORS']

export function selectPictureTable(lab: LabQueries): { clients: ClientRow[]; targets: TargetRow[] } {
  const history = lab.history()
  const lastByClient = new Map<string, (typeof history)[number]>()
  for (const r of history) lastByClient.set(r.clientId, r)

  const type = lab.loadBalancerType()
  const flows = LOAD_BALANCER_INFO[type].usesFlows
  const clients = lab.clients().map((c) => {
    const jar = lab.cookies(c.id)
    // NLB and GWLB keep no binding in the browser: the key is the client's address (GWLB: its flows' tuple).
    let binding = !flows
      ? 'none'
      : type === 'gateway'
        ? `none in the browser; the load balancer keys on the flow tuple from source IP ${c.sourceIp}`
        : `none in the browser; the load balancer keys on source IP ${c.sourceIp}`
    for (const name of BINDING_COOKIES) {
      const cookie = jar.find((k) => k.name === name)
      const x = cookie ? lab.xray(cookie.value) : null
      if (x?.targetId) {
        binding = x.targetGroup === null ? `${x.targetId} (${name})` : `${x.targetId} in ${x.targetGroup} (${name})`
        break
      }
    }
    const tg = jar.find((k) => k.name === 'AWSALBTG' || k.name === 'AWSALBTGCORS')
    const tgx = tg ? lab.xray(tg.value) : null
    if (tgx?.targetGroup) binding += `; target group ${tgx.targetGroup} (${tg!.name})`
    const last = lastByClient.get(c.id)
    return {
      id: c.id,
      cookies: c.kind !== 'browser' ? `no cookie jar (${c.kind})` : c.cookiesEnabled ? 'enabled' : 'disabled',
      binding,
      last: last ? `#${last.id} → ${last.targetId ?? 'no target'} · ${last.status}${last.sticky ? ' · sticky' : ''}` : 'none yet',
    }
  })

  const m = lab.metrics()
  const carts = new Map<string, number>()
  for (const s of lab.sessions()) carts.set(s.where, (carts.get(s.where) ?? 0) + 1)
  if (lab.loadBalancerType() === 'classic') {
    // A Classic Load Balancer has no target groups: its registered instances, as DescribeInstanceHealth lists them.
    const running = new Map(lab.instances().map((i) => [i.id, i]))
    const targets = lab.describeInstanceHealth().map((h) => ({
      key: `classic:${h.InstanceId}`,
      id: h.InstanceId,
      group: '(registered with the load balancer)',
      az: running.get(h.InstanceId)?.az ?? '',
      running: running.get(h.InstanceId)?.running ? 'running' : 'stopped',
      health: h.ReasonCode === 'N/A' ? h.State : `${h.State} (${h.ReasonCode})`,
      served: m[`RequestCountPerTarget:${h.InstanceId}`] ?? 0,
      carts: carts.get(h.InstanceId) ?? 0,
    }))
    return { clients, targets }
  }
  const forwarded = new Set(lab.listener().forward.targetGroups.map((f) => f.name))
  const targets = lab
    .targetGroups()
    .filter((g) => forwarded.has(g.name))
    .flatMap((g) =>
      g.targets.map((t) => ({
        key: `${g.name}:${t.id}`,
        id: t.id,
        group: g.name,
        az: t.az,
        running: t.running ? 'running' : 'stopped',
        health: t.health.reason ? `${t.health.state} (${t.health.reason})` : t.health.state,
        served: m[`RequestCountPerTarget:${t.id}`] ?? 0,
        carts: carts.get(t.id) ?? 0,
      })),
    )
  return { clients, targets }
}
