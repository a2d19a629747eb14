// The Kubernetes hop's sentence names the node and the pod, after the ALB's own sentence.
import { asTargetId } from '../sim/model/ids'
import { describe, expect, it } from 'vitest'
import { explainRequest } from './explainer'
import type { AlbFacts } from '../sim/model/facts'

const base: AlbFacts = {
  family: 'alb',
  route: {
    kind: 'hit',
    cookie: 'AWSALB',
    targetId: asTargetId('i-1'),
    durationSeconds: 86_400,
    appCookie: '',
  },
  tail: { kind: 'none' },
}

describe('the Kubernetes hop in words', () => {
  it('target type instance: the node, kube-proxy and the pod on another node, and the lost cart', () => {
    const text = explainRequest({
      ...base,
      kube: {
        targetType: 'instance',
        node: asTargetId('i-1'),
        pod: asTargetId('pod-3a'),
        podNode: asTargetId('i-3'),
        choices: 6,
        cartLost: true,
      },
    })
    expect(text).toContain(
      'With target-type instance the target is node i-1; kube-proxy there forwarded the request to pod pod-3a on node i-3',
    )
    expect(text).toContain(
      "picked at random among the Service's 6 ready pods, so stickiness pins the node, not the pod.",
    )
    expect(text).toMatch(/pod-3a did not know the browser's session .* so the cart is lost\.$/)
  })

  it('target type ip: the pod is the target', () => {
    const text = explainRequest({
      ...base,
      kube: {
        targetType: 'ip',
        node: asTargetId('i-2'),
        pod: asTargetId('pod-2b'),
        podNode: asTargetId('i-2'),
        choices: 1,
        cartLost: false,
      },
    })
    expect(text).toMatch(
      /With target-type ip the ALB target is pod pod-2b itself \(on node i-2\), so the stickiness binding reaches the pod\.$/,
    )
    expect(text).not.toMatch(/undefined|null/)
  })
})
