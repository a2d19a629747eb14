// Property: for any lab AWS accepts (stickiness of either type with any duration and cookie name, algorithm,
// deregistration delay, health-check settings, one or two weighted groups with group stickiness), exporting it as
// Terraform or CloudFormation and importing that into a fresh lab gives the same configuration byte for byte.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyCommand, createLab, type Lab } from '../../sim'
import { renderConfiguration } from './exportConfiguration'
import { readConfiguration } from './importConfiguration'
import { planImport } from './importPlan'
import { configurationJson, readLabConfiguration } from './labConfiguration'

const settings = fc.record({
  sticky: fc.boolean(),
  type: fc.constantFrom('lb_cookie', 'app_cookie'),
  duration: fc.integer({ min: 1, max: 604800 }),
  cookie: fc
    .stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,11}$/)
    .filter((n) => !n.toUpperCase().startsWith('AWSALB')),
  algorithm: fc.constantFrom('round_robin', 'least_outstanding_requests'),
  delay: fc.integer({ min: 0, max: 3600 }),
  interval: fc.integer({ min: 10, max: 300 }),
  green: fc.option(
    fc.record({
      targets: fc.integer({ min: 0, max: 3 }),
      weight: fc.integer({ min: 0, max: 999 }),
    }),
  ),
  groupStickiness: fc.integer({ min: 1, max: 604800 }),
  http: fc.boolean(),
})

type Settings = typeof settings extends fc.Arbitrary<infer T> ? T : never

/** The lab for the settings, or null when AWS refuses the combination (then it is not a lab to export). */
function build(s: Settings): Lab | null {
  const lab = createLab()
  if (s.http) lab.setListenerProtocol('HTTP')
  const durationKey =
    s.type === 'app_cookie'
      ? 'stickiness.app_cookie.duration_seconds'
      : 'stickiness.lb_cookie.duration_seconds'
  const attributes: Record<string, string> = {
    'stickiness.enabled': String(s.sticky),
    'stickiness.type': s.type,
    [durationKey]: String(s.duration),
    'load_balancing.algorithm.type': s.algorithm,
    'deregistration_delay.timeout_seconds': String(s.delay),
  }
  if (s.type === 'app_cookie') attributes['stickiness.app_cookie.cookie_name'] = s.cookie
  if (!lab.modifyTargetGroupAttributes('web', attributes).ok) return null
  if (!lab.modifyHealthCheck('web', { HealthCheckIntervalSeconds: s.interval }).ok) return null
  if (s.green !== null) {
    if (!lab.createTargetGroup('green', { targets: s.green.targets }).ok) return null
    const forward = lab.setForward({
      targetGroups: [
        { name: 'web', weight: 999 - s.green.weight },
        { name: 'green', weight: s.green.weight },
      ],
      stickiness: { enabled: s.sticky, durationSeconds: s.groupStickiness },
    })
    if (!forward.ok) return null
  }
  return lab
}

describe('export → import round trip (property)', () => {
  it.each(['terraform', 'cloudformation'] as const)(
    '%s: any accepted lab comes back byte for byte',
    async (format) => {
      await fc.assert(
        fc.asyncProperty(settings, async (s) => {
          const source = build(s)
          fc.pre(source !== null)
          const fresh = createLab()
          const plan = planImport(
            fresh,
            await readConfiguration(
              renderConfiguration(format, readLabConfiguration(source!)),
              'web',
            ),
          )
          expect(plan.lines.filter((l) => l.kind === 'rejected')).toEqual([])
          for (const c of plan.commands) applyCommand(fresh, c)
          expect(configurationJson(fresh)).toBe(configurationJson(source!))
        }),
        { numRuns: 40, seed: 18 },
      )
    },
    60_000,
  )
})
