// `aws elb modify-load-balancer-attributes` / `describe-load-balancer-attributes` on the Classic Load Balancer:
// shorthand and JSON values, AWS's refusals (the lab's and the CLI's own), and the log's CLI line replaying.
import { describe, expect, it } from 'vitest'
import { EXIT_SERVICE_ERROR } from './consoleTypes'
import { consoleLab, state } from './consoleLab'
import { labCallsAsCli } from './labCallsAsCli'

const NAME = '--load-balancer-name stickylab-alb'

describe('aws elb load balancer attributes', () => {
  it('sets connection draining in shorthand and describes every attribute', () => {
    const { lab, run } = consoleLab('classic')
    const out = run(
      `aws elb modify-load-balancer-attributes ${NAME} --load-balancer-attributes 'ConnectionDraining={Enabled=true,Timeout=45}'`,
    )
    expect(out.stderr).toBe('')
    expect(JSON.parse(out.stdout)).toEqual({
      LoadBalancerName: 'stickylab-alb',
      LoadBalancerAttributes: { ConnectionDraining: { Enabled: true, Timeout: 45 } },
    })
    expect(JSON.parse(run(`aws elb describe-load-balancer-attributes ${NAME}`).stdout)).toEqual({
      LoadBalancerAttributes: lab.describeClassicLoadBalancerAttributes(),
    })
    expect(lab.describeClassicLoadBalancerAttributes()!.ConnectionDraining).toEqual({
      Enabled: true,
      Timeout: 45,
    })
  })

  it('takes JSON, and refuses out-of-range values and other load balancers in AWS’s words', () => {
    const { lab, run } = consoleLab('classic')
    expect(
      run(
        `aws elb modify-load-balancer-attributes ${NAME} --load-balancer-attributes '{"ConnectionSettings":{"IdleTimeout":120}}'`,
      ).stderr,
    ).toBe('')
    expect(lab.describeClassicLoadBalancerAttributes()!.ConnectionSettings).toEqual({
      IdleTimeout: 120,
    })
    const before = state(lab)
    const refused = run(
      `aws elb modify-load-balancer-attributes ${NAME} --load-balancer-attributes 'ConnectionDraining={Enabled=true,Timeout=4000}'`,
    )
    expect(refused.exitStatus).toBe(EXIT_SERVICE_ERROR)
    expect(refused.stderr).toBe(
      "An error occurred (ValidationError) when calling the ModifyLoadBalancerAttributes operation: 'ConnectionDraining.Timeout' value '4000' must be between '1-3600' inclusive",
    )
    expect(state(lab)).toBe(before)
    const alb = consoleLab()
    expect(alb.run(`aws elb describe-load-balancer-attributes ${NAME}`).stderr).toContain(
      '(LoadBalancerNotFound)',
    )
  })

  it('the log shows the call as its CLI line, which replays to the same attributes', () => {
    const { lab } = consoleLab('classic')
    lab.modifyClassicLoadBalancerAttributes({
      ConnectionDraining: { Enabled: false },
      CrossZoneLoadBalancing: { Enabled: false },
    })
    const lines = labCallsAsCli(lab.log())
    expect(lines).toEqual([
      `aws elb modify-load-balancer-attributes --load-balancer-name stickylab-alb --load-balancer-attributes '{"ConnectionDraining":{"Enabled":false},"CrossZoneLoadBalancing":{"Enabled":false}}'`,
    ])
    const fresh = consoleLab('classic')
    expect(fresh.run(lines[0]!).stderr).toBe('')
    expect(fresh.lab.describeClassicLoadBalancerAttributes()).toEqual(
      lab.describeClassicLoadBalancerAttributes(),
    )
  })
})
