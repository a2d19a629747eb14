// The plan's order and switches: a lab of another type becomes an ALB first, listener-first when only that order
// is accepted, and planning never changes the lab it plans for.
import { describe, expect, it } from 'vitest'
import { applyCommand, createLab } from '../../sim'
import { readConfiguration } from './importConfiguration'
import { planImport } from './importPlan'
import { targetGroupArn } from '../awsArns'

const WEIGHTED_STICKY = JSON.stringify({
  Resources: {
    Web: {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: {
        Name: 'web',
        TargetGroupAttributes: [{ Key: 'stickiness.enabled', Value: 'false' }],
      },
    },
    Listener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        Protocol: 'HTTPS',
        Port: 443,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'Web' } }],
      },
    },
  },
})

describe('planImport', () => {
  it('switches a Network Load Balancer lab to an Application Load Balancer first, and says so', async () => {
    const lab = createLab({ loadBalancerType: 'network' })
    const before = JSON.stringify(lab.snapshot())
    const plan = planImport(lab, await readConfiguration(WEIGHTED_STICKY, 'web'))
    expect(JSON.stringify(lab.snapshot())).toBe(before)
    expect(plan.rejected).toBe(0)
    expect(plan.commands[0]).toEqual({ call: 'setLoadBalancerType', args: ['application'] })
    expect(plan.lines).toContainEqual(
      expect.objectContaining({
        kind: 'understood',
        item: 'load balancer',
        text: expect.stringMatching(/^switch the lab to an Application Load Balancer/) as unknown,
      }),
    )
    for (const c of plan.commands) applyCommand(lab, c)
    expect(lab.loadBalancerType()).toBe('application')
  })

  it('sets the listener first when only that order is accepted (group stickiness before a sticky group)', async () => {
    const lab = createLab()
    lab.createTargetGroup('green', { targets: 1 })
    lab.setForward({
      targetGroups: [
        { name: 'web', weight: 50 },
        { name: 'green', weight: 50 },
      ],
      stickiness: { enabled: false, durationSeconds: 60 },
    })
    const tf = `resource "aws_lb_target_group" "web" {
  name = "web"
  stickiness {
    type = "lb_cookie"
  }
}
resource "aws_lb_listener" "front" {
  default_action {
    type = "forward"
    forward {
      target_group {
        arn    = "${targetGroupArn('web')}"
        weight = 50
      }
      target_group {
        arn    = "${targetGroupArn('green')}"
        weight = 50
      }
      stickiness {
        enabled  = true
        duration = 60
      }
    }
  }
}
`
    // With the groups first, making 'web' sticky while group stickiness is still off is refused by AWS.
    const attempt = lab.modifyTargetGroupAttributes('web', { 'stickiness.enabled': 'true' })
    expect(attempt.ok).toBe(false)
    const plan = planImport(lab, await readConfiguration(tf, 'web'))
    expect(plan.rejected).toBe(0)
    expect(plan.commands.map((c) => c.call)).toEqual(['setForward', 'modifyTargetGroupAttributes'])
    for (const c of plan.commands) applyCommand(lab, c)
    expect(lab.listener().forward.stickiness).toEqual({ enabled: true, durationSeconds: 60 })
    expect(lab.targetGroups()[0]!.attributes['stickiness.enabled']).toBe('true')
  })
})
