// The configuration an engineer keeps as code, read from the lab: what every export renders and what an import is
// compared with. It holds only what AWS calls configuration (listener, forward action, target groups with their
// attributes, health checks and registered targets), never state such as health, cookies or time, so
// `configurationJson` of two labs is equal exactly when their load balancers are configured alike.
import type { HealthCheckView, LabQueries, LoadBalancerType } from '../../sim'

export interface TargetGroupConfiguration {
  name: string
  /** HTTP or HTTPS (ALB). */
  protocol: string
  port: number
  /** Every attribute, in DescribeTargetGroupAttributes order. */
  attributes: Record<string, string>
  healthCheck: HealthCheckView
  /** Registered instance ids (draining ones are on their way out and are not configuration). */
  targets: string[]
}

export interface LabConfiguration {
  loadBalancerType: LoadBalancerType
  listener: {
    protocol: string
    port: number
    forward: {
      targetGroups: { name: string; weight: number }[]
      stickiness: { enabled: boolean; durationSeconds: number }
    }
  }
  targetGroups: TargetGroupConfiguration[]
}

/** The lab's load balancer configuration. */
export function readLabConfiguration(lab: LabQueries): LabConfiguration {
  const listener = lab.listener()
  return {
    loadBalancerType: lab.loadBalancerType(),
    listener: {
      protocol: listener.protocol,
      port: listener.port,
      forward: {
        targetGroups: listener.forward.targetGroups.map((g) => ({
          name: g.name,
          weight: g.weight,
        })),
        stickiness: {
          enabled: listener.forward.stickiness.enabled,
          durationSeconds: listener.forward.stickiness.durationSeconds,
        },
      },
    },
    targetGroups: lab.targetGroups().map((tg) => ({
      name: tg.name,
      protocol: tg.protocol,
      port: tg.port,
      attributes: { ...tg.attributes },
      healthCheck: lab.healthCheck(tg.name)!,
      targets: tg.targets.filter((t) => t.health.state !== 'draining').map((t) => t.id),
    })),
  }
}

/** The configuration as canonical text: round trips compare this byte for byte. */
export function configurationJson(lab: LabQueries): string {
  return JSON.stringify(readLabConfiguration(lab), null, 2)
}

/** One attribute of a group, read as an own property only. */
export function attributeOf(tg: TargetGroupConfiguration, key: string): string | undefined {
  return Object.getOwnPropertyDescriptor(tg.attributes, key)?.value as string | undefined
}

/** A group's stickiness as the tools name it, from its attributes. */
export interface GroupStickiness {
  enabled: boolean
  type: string
  /** The duration of the chosen type (lb_cookie or app_cookie), in seconds. */
  durationSeconds: number
  cookieName: string
}

export function groupStickiness(tg: TargetGroupConfiguration): GroupStickiness {
  const a = tg.attributes
  const type = a['stickiness.type'] ?? 'lb_cookie'
  const duration =
    type === 'app_cookie'
      ? a['stickiness.app_cookie.duration_seconds']
      : a['stickiness.lb_cookie.duration_seconds']
  return {
    enabled: a['stickiness.enabled'] === 'true',
    type,
    durationSeconds: Number(duration ?? '86400'),
    cookieName: a['stickiness.app_cookie.cookie_name'] ?? '',
  }
}

/** The stickiness attribute keys, in table order. */
export const STICKINESS_KEYS: readonly string[] = [
  'stickiness.enabled',
  'stickiness.type',
  'stickiness.lb_cookie.duration_seconds',
  'stickiness.app_cookie.cookie_name',
  'stickiness.app_cookie.duration_seconds',
]

/** The forward action's weight and group stickiness duration when the tools' short form (one target group ARN) is used. */
export const SHORT_FORM_WEIGHT = 1
export const SHORT_FORM_STICKINESS_SECONDS = 3600

/**
 * Whether the forward action is the short form, a single target group ARN: one group, weight 1, group stickiness
 * off with the default hour. Anything else needs ForwardConfig, so that importing the export gives it back exactly.
 */
export function usesShortForward(c: LabConfiguration): boolean {
  const f = c.listener.forward
  return (
    f.targetGroups.length === 1 &&
    f.targetGroups[0]!.weight === SHORT_FORM_WEIGHT &&
    !f.stickiness.enabled &&
    f.stickiness.durationSeconds === SHORT_FORM_STICKINESS_SECONDS
  )
}
