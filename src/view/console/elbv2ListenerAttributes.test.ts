// `aws elbv2 modify-listener-attributes` / `describe-listener-attributes` on the NLB's TCP listener: the idle
// timeout set and described, AWS's range refusal, and the log's CLI line replaying on a fresh lab.
import { describe, expect, it } from 'vitest'
import { listenerArnOf } from './elbv2Views'
import { EXIT_SERVICE_ERROR } from './consoleTypes'
import { consoleLab, state } from './consoleLab'
import { labCallsAsCli } from './labCallsAsCli'

const NLB_LISTENER = listenerArnOf('network')!

describe('aws elbv2 listener attributes', () => {
  it('sets and describes tcp.idle_timeout.seconds on the NLB listener', () => {
    const { lab, run } = consoleLab('network')
    const out = run(
      `aws elbv2 modify-listener-attributes --listener-arn ${NLB_LISTENER} --attributes Key=tcp.idle_timeout.seconds,Value=600`,
    )
    expect(out.stderr).toBe('')
    expect(JSON.parse(out.stdout)).toEqual({
      Attributes: [{ Key: 'tcp.idle_timeout.seconds', Value: '600' }],
    })
    expect(lab.listenerAttributes()).toEqual({ 'tcp.idle_timeout.seconds': '600' })
    expect(
      JSON.parse(
        run(`aws elbv2 describe-listener-attributes --listener-arn ${NLB_LISTENER}`).stdout,
      ),
    ).toEqual({ Attributes: [{ Key: 'tcp.idle_timeout.seconds', Value: '600' }] })
  })

  it('refuses a value out of range in AWS’s code and changes nothing', () => {
    const { lab, run } = consoleLab('network')
    const before = state(lab)
    const out = run(
      `aws elbv2 modify-listener-attributes --listener-arn ${NLB_LISTENER} --attributes Key=tcp.idle_timeout.seconds,Value=30`,
    )
    expect(out.exitStatus).toBe(EXIT_SERVICE_ERROR)
    expect(out.stderr).toBe(
      "An error occurred (ValidationError) when calling the ModifyListenerAttributes operation: 'tcp.idle_timeout.seconds' value '30' must be between '60-6000' inclusive",
    )
    expect(state(lab)).toBe(before)
  })

  it('the log shows the call as its CLI line, which replays', () => {
    const { lab } = consoleLab('network')
    lab.modifyListenerAttributes({ 'tcp.idle_timeout.seconds': '120' })
    const line = labCallsAsCli(lab.log()).at(-1)!
    expect(line).toContain('aws elbv2 modify-listener-attributes --listener-arn')
    const fresh = consoleLab('network')
    expect(fresh.run(line).stderr).toBe('')
    expect(fresh.lab.listenerAttributes()).toEqual({ 'tcp.idle_timeout.seconds': '120' })
  })
})
