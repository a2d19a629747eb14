// Export → import on a fresh lab gives the same configuration, byte for byte (configurationJson), for every format
// that can be read back, on labs with stickiness off, duration-based, application-based, and weighted groups with
// target group stickiness.
import { describe, expect, it } from 'vitest'
import { applyCommand, createLab, type Lab } from '../../sim'
import { cloudFormationTemplate } from './cloudFormationExport'
import { renderConfiguration, type ExportFormat } from './exportConfiguration'
import { readConfiguration } from './importConfiguration'
import { planImport } from './importPlan'
import { configurationJson, readLabConfiguration } from './labConfiguration'

const LABS: Record<string, () => Lab> = {
  'stickiness off': () => createLab(),
  lb_cookie: () => {
    const lab = createLab()
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'lb_cookie',
      'stickiness.lb_cookie.duration_seconds': '20',
    })
    lab.modifyHealthCheck('web', { HealthCheckIntervalSeconds: 10, UnhealthyThresholdCount: 3 })
    return lab
  },
  app_cookie: () => {
    const lab = createLab()
    lab.setListenerProtocol('HTTP')
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.type': 'app_cookie',
      'stickiness.app_cookie.cookie_name': 'SESSIONID',
      'stickiness.app_cookie.duration_seconds': '600',
      'deregistration_delay.timeout_seconds': '30',
      'load_balancing.algorithm.type': 'least_outstanding_requests',
    })
    return lab
  },
  'weighted with group stickiness': () => {
    const lab = createLab()
    expect(lab.createTargetGroup('green', { targets: 2 }).ok).toBe(true)
    lab.modifyTargetGroupAttributes('web', {
      'stickiness.enabled': 'true',
      'stickiness.lb_cookie.duration_seconds': '3600',
    })
    expect(
      lab.setForward({
        targetGroups: [
          { name: 'web', weight: 90 },
          { name: 'green', weight: 10 },
        ],
        stickiness: { enabled: true, durationSeconds: 1800 },
      }).ok,
    ).toBe(true)
    lab.deregisterTargets('web', ['i-2'])
    return lab
  },
}

async function importInto(lab: Lab, text: string): Promise<void> {
  const imported = await readConfiguration(text, 'web')
  const plan = planImport(lab, imported)
  expect(plan.lines.filter((l) => l.kind === 'rejected')).toEqual([])
  for (const command of plan.commands) {
    const result = applyCommand(lab, command) as { ok?: boolean } | undefined
    expect(result?.ok ?? true).toBe(true)
  }
}

/** The configuration without registered targets (Kubernetes leaves them to the controller). */
function withoutTargets(json: string): string {
  const c = JSON.parse(json) as { targetGroups: { targets: string[] }[] }
  for (const g of c.targetGroups) g.targets = []
  return JSON.stringify(c)
}

describe.each(Object.entries(LABS))('round trip of a lab with %s', (_, make) => {
  it.each<ExportFormat>(['terraform', 'cloudformation'])(
    '%s: the fresh lab ends configured byte for byte alike',
    async (format) => {
      const source = make()
      const fresh = createLab()
      await importInto(fresh, renderConfiguration(format, readLabConfiguration(source)))
      expect(configurationJson(fresh)).toBe(configurationJson(source))
    },
  )

  it('a cdk synth-style JSON template: the same', async () => {
    const source = make()
    const fresh = createLab()
    await importInto(
      fresh,
      JSON.stringify(cloudFormationTemplate(readLabConfiguration(source)), null, 1),
    )
    expect(configurationJson(fresh)).toBe(configurationJson(source))
  })

  it('kubernetes: the same apart from registered targets, which the controller manages', async () => {
    const source = make()
    const fresh = createLab()
    await importInto(fresh, renderConfiguration('kubernetes', readLabConfiguration(source)))
    expect(withoutTargets(configurationJson(fresh))).toBe(withoutTargets(configurationJson(source)))
  })

  it('importing a lab its own export changes nothing (every line "already so")', async () => {
    const source = make()
    const imported = await readConfiguration(
      renderConfiguration('terraform', readLabConfiguration(source)),
      'web',
    )
    const plan = planImport(source, imported)
    expect(plan.commands).toEqual([])
    expect(plan.rejected).toBe(0)
  })
})
