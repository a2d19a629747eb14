// Kubernetes target types (issue 19, item 1): with target-type instance the ALB's stickiness pins the node and
// kube-proxy spreads requests over the Service's pods, losing in-memory carts; with target-type ip it pins the pod.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLab, replayLab, restoreLab } from '../index'
import type { Lab } from '../model/api'

function k8sLab(targetType: 'instance' | 'ip', seed = 1): Lab {
  const lab = createLab({ seed })
  lab.addClient('alice')
  lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
  lab.configureKubernetes({ targetType })
  return lab
}

const targetsOf = (lab: Lab) => lab.targetGroups()[0]!.targets.map((t) => t.id)

describe('configureKubernetes', () => {
  it('starts two pods on every node and registers the nodes with target type instance', () => {
    const lab = k8sLab('instance')
    expect(lab.kubernetes()).toEqual({
      targetType: 'instance',
      pods: [
        { id: 'pod-1a', node: 'i-1' },
        { id: 'pod-1b', node: 'i-1' },
        { id: 'pod-2a', node: 'i-2' },
        { id: 'pod-2b', node: 'i-2' },
        { id: 'pod-3a', node: 'i-3' },
        { id: 'pod-3b', node: 'i-3' },
      ],
    })
    expect(targetsOf(lab)).toEqual(['i-1', 'i-2', 'i-3'])
    // Pods run in their node's Availability Zone.
    expect(lab.instances().find((i) => i.id === 'pod-2b')!.az).toBe(
      lab.instances().find((i) => i.id === 'i-2')!.az,
    )
  })

  it('registers the pods in place of the nodes with target type ip, and back again', () => {
    const lab = k8sLab('ip')
    expect(targetsOf(lab)).toEqual(['pod-1a', 'pod-1b', 'pod-2a', 'pod-2b', 'pod-3a', 'pod-3b'])
    expect(lab.targetGroups()[0]!.targets.every((t) => t.health.state === 'healthy')).toBe(true)
    lab.configureKubernetes({ targetType: 'instance' })
    expect(targetsOf(lab)).toEqual(['i-1', 'i-2', 'i-3'])
    expect(lab.instances()).toHaveLength(9)
  })

  it('refuses an unknown target type and other load balancer types, changing nothing', () => {
    const lab = createLab()
    expect(() => lab.configureKubernetes({ targetType: 'pod' as 'ip' })).toThrow(
      "targetType must be 'instance' or 'ip'",
    )
    lab.setLoadBalancerType('network')
    expect(() => lab.configureKubernetes({ targetType: 'ip' })).toThrow(
      /Application Load Balancer only/,
    )
    expect(lab.kubernetes()).toBeNull()
  })

  it('switching the load balancer type ends the Service: no pod hop, the panel reads no Kubernetes, and back on an ALB requests reach instances directly', () => {
    const lab = createLab()
    lab.addClient('a')
    lab.configureKubernetes({ targetType: 'instance' })
    expect(lab.request('a').facts).toHaveProperty('kube')
    lab.setLoadBalancerType('network')
    expect(lab.kubernetes()).toBeNull()
    lab.setLoadBalancerType('application')
    expect(lab.kubernetes()).toBeNull()
    expect(lab.request('a').facts).not.toHaveProperty('kube')
  })

  it('old labs have no Kubernetes and their requests carry no hop', () => {
    const lab = createLab()
    lab.addClient('a')
    expect(lab.kubernetes()).toBeNull()
    expect(lab.snapshot()).not.toHaveProperty('kubernetes')
    expect(lab.request('a').facts).not.toHaveProperty('kube')
  })
})

describe('target type instance: stickiness pins the node, not the pod', () => {
  it('the AWSALB binding holds the node while kube-proxy moves the request between pods, and the cart is lost', () => {
    const lab = k8sLab('instance')
    const first = lab.request('alice', { path: '/cart/add' })
    const records = [first]
    for (let i = 0; i < 11; i++) records.push(lab.request('alice', { path: '/cart/add' }))
    // Every request after the first is a sticky hit on the same node…
    expect(new Set(records.map((r) => r.targetId))).toEqual(new Set([first.targetId]))
    expect(records.slice(1).every((r) => r.decision === 'sticky-hit')).toBe(true)
    // …but the pods differ, and a pod that did not know the session lost the cart.
    const pods = records.map((r) => r.facts!.family === 'alb' && r.facts!.kube!.pod)
    expect(new Set(pods).size).toBeGreaterThan(1)
    const lost = records.find((r) => r.session!.lost)!
    expect(lost).toBeDefined()
    const hop = lost.facts!.family === 'alb' ? lost.facts!.kube! : null
    expect(hop).toMatchObject({
      targetType: 'instance',
      node: first.targetId,
      cartLost: true,
      choices: 6,
    })
    expect(lost.explanation).toContain(`target is node ${first.targetId}`)
    expect(lost.explanation).toContain(`pod ${hop!.pod}`)
    expect(lost.explanation).toContain('so the cart is lost')
  })

  it('carts live in the pods, keyed by pod', () => {
    const lab = k8sLab('instance')
    lab.request('alice', { path: '/cart/add' })
    expect(lab.sessions()[0]!.where).toMatch(/^pod-\d[ab]$/)
  })

  it('kube-proxy only picks pods whose node runs', () => {
    const lab = k8sLab('instance')
    lab.stopInstance('i-2')
    lab.stopInstance('i-3')
    for (let i = 0; i < 10; i++) {
      const r = lab.request('alice')
      if (r.facts!.family === 'alb' && r.facts!.kube) expect(r.facts!.kube.podNode).toBe('i-1')
    }
  })
})

describe('target type ip: the binding reaches the pod', () => {
  it('every request after the first goes to the same pod and the cart grows', () => {
    const lab = k8sLab('ip')
    const records = Array.from({ length: 8 }, () => lab.request('alice', { path: '/cart/add' }))
    expect(records[0]!.targetId).toMatch(/^pod-/)
    expect(new Set(records.map((r) => r.targetId)).size).toBe(1)
    expect(records.at(-1)!.session).toMatchObject({ items: 8, lost: false })
    const hop = records[1]!.facts!.family === 'alb' ? records[1]!.facts!.kube! : null
    expect(hop).toMatchObject({
      targetType: 'ip',
      pod: records[0]!.targetId,
      choices: 1,
      cartLost: false,
    })
    expect(records[1]!.explanation).toContain('With target-type ip the ALB target is pod')
  })

  it('property: with ip and stickiness on, one browser never loses its cart whatever the seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2, max: 12 }),
        (seed, n) => {
          const lab = k8sLab('ip', seed)
          const rs = Array.from({ length: n }, () => lab.request('alice', { path: '/cart/add' }))
          return rs.every((r) => !r.session!.lost) && rs.at(-1)!.session!.items === n
        },
      ),
      { numRuns: 40 },
    )
  })
})

describe('determinism', () => {
  it('replay and restore give byte-identical worlds', () => {
    const lab = k8sLab('instance', 7)
    for (let i = 0; i < 6; i++) lab.request('alice', { path: '/cart/add' })
    const snap = JSON.stringify(lab.snapshot())
    expect(JSON.stringify(replayLab(7, lab.log()).snapshot())).toBe(snap)
    const restored = restoreLab(lab.snapshot())
    expect(restored.request('alice').facts).toEqual(lab.request('alice').facts)
  })

  it('carts live in the pods, keyed by pod', () => {
    const lab = k8sLab('instance')
    lab.request('alice', { path: '/cart/add' })
    expect(lab.sessions()[0]!.where).toMatch(/^pod-\d[ab]$/)
  })

  it('kube-proxy only picks pods whose node runs', () => {
    const lab = k8sLab('instance')
    lab.stopInstance('i-2')
    lab.stopInstance('i-3')
    for (let i = 0; i < 10; i++) {
      const r = lab.request('alice')
      if (r.facts!.family === 'alb' && r.facts!.kube) expect(r.facts!.kube.podNode).toBe('i-1')
    }
  })
})

describe('target type ip: the binding reaches the pod', () => {
  it('every request after the first goes to the same pod and the cart grows', () => {
    const lab = k8sLab('ip')
    const records = Array.from({ length: 8 }, () => lab.request('alice', { path: '/cart/add' }))
    expect(records[0]!.targetId).toMatch(/^pod-/)
    expect(new Set(records.map((r) => r.targetId)).size).toBe(1)
    expect(records.at(-1)!.session).toMatchObject({ items: 8, lost: false })
    const hop = records[1]!.facts!.family === 'alb' ? records[1]!.facts!.kube! : null
    expect(hop).toMatchObject({
      targetType: 'ip',
      pod: records[0]!.targetId,
      choices: 1,
      cartLost: false,
    })
    expect(records[1]!.explanation).toContain('With target-type ip the ALB target is pod')
  })

  it('property: with ip and stickiness on, one browser never loses its cart whatever the seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2, max: 12 }),
        (seed, n) => {
          const lab = k8sLab('ip', seed)
          const rs = Array.from({ length: n }, () => lab.request('alice', { path: '/cart/add' }))
          return rs.every((r) => !r.session!.lost) && rs.at(-1)!.session!.items === n
        },
      ),
      { numRuns: 40 },
    )
  })
})

describe('determinism', () => {
  it('replay and restore give byte-identical worlds', () => {
    const lab = k8sLab('instance', 7)
    for (let i = 0; i < 6; i++) lab.request('alice', { path: '/cart/add' })
    const snap = JSON.stringify(lab.snapshot())
    expect(JSON.stringify(replayLab(7, lab.log()).snapshot())).toBe(snap)
    const restored = restoreLab(lab.snapshot())
    expect(restored.request('alice').facts).toEqual(lab.request('alice').facts)
  })
})
