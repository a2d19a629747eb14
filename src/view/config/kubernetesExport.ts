// Kubernetes manifests for the AWS Load Balancer Controller: one Service per target group carrying that group's
// attributes and health check as `alb.ingress.kubernetes.io/*` annotations (the controller reads them from the
// Service before the Ingress), and an Ingress whose default backend is a forward action annotation
// (`alb.ingress.kubernetes.io/actions.<name>` JSON with forwardConfig.targetGroupStickinessConfig).
// The controller registers targets itself (pods or nodes), so registered instances are not part of this format.
import { stringify } from 'yaml'
import { LAB_LOAD_BALANCER_NAME } from '../awsArns'
import type { LabConfiguration, TargetGroupConfiguration } from './labConfiguration'

export const ALB_ANNOTATION = 'alb.ingress.kubernetes.io/'
/** The action name the Ingress's default backend uses (`actions.<name>` + `servicePort: use-annotation`). */
export const FORWARD_ACTION_NAME = 'forward'

/** Health check annotations and the health check fields they carry. */
export const HEALTH_ANNOTATIONS = [
  ['healthcheck-protocol', 'HealthCheckProtocol'],
  ['healthcheck-port', 'HealthCheckPort'],
  ['healthcheck-path', 'HealthCheckPath'],
  ['healthcheck-interval-seconds', 'HealthCheckIntervalSeconds'],
  ['healthcheck-timeout-seconds', 'HealthCheckTimeoutSeconds'],
  ['healthy-threshold-count', 'HealthyThresholdCount'],
  ['unhealthy-threshold-count', 'UnhealthyThresholdCount'],
] as const

function service(tg: TargetGroupConfiguration): Record<string, unknown> {
  const hc = tg.healthCheck
  const annotations: Record<string, string> = {
    [`${ALB_ANNOTATION}target-type`]: 'instance',
    [`${ALB_ANNOTATION}backend-protocol`]: tg.protocol,
    [`${ALB_ANNOTATION}target-group-attributes`]: Object.entries(tg.attributes)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  }
  for (const [annotation, field] of HEALTH_ANNOTATIONS)
    annotations[`${ALB_ANNOTATION}${annotation}`] = String(hc[field])
  annotations[`${ALB_ANNOTATION}success-codes`] = hc.Matcher.HttpCode
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: tg.name, annotations },
    spec: {
      // Instance targets are reached on a node port.
      type: 'NodePort',
      selector: { app: tg.name },
      ports: [{ name: 'http', port: tg.port, targetPort: 8080, protocol: 'TCP' }],
    },
  }
}

function ingress(c: LabConfiguration): Record<string, unknown> {
  const f = c.listener.forward
  const portOf = new Map(c.targetGroups.map((g) => [g.name, g.port]))
  const action = {
    type: 'forward',
    forwardConfig: {
      targetGroups: f.targetGroups.map((g) => ({
        serviceName: g.name,
        servicePort: String(portOf.get(g.name) ?? 80),
        weight: g.weight,
      })),
      targetGroupStickinessConfig: {
        enabled: f.stickiness.enabled,
        durationSeconds: f.stickiness.durationSeconds,
      },
    },
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: LAB_LOAD_BALANCER_NAME,
      annotations: {
        [`${ALB_ANNOTATION}scheme`]: 'internet-facing',
        [`${ALB_ANNOTATION}load-balancer-name`]: LAB_LOAD_BALANCER_NAME,
        [`${ALB_ANNOTATION}listen-ports`]: JSON.stringify([
          { [c.listener.protocol]: c.listener.port },
        ]),
        ...(c.listener.protocol === 'HTTPS'
          ? { [`${ALB_ANNOTATION}certificate-arn`]: 'REPLACE_WITH_YOUR_ACM_CERTIFICATE_ARN' }
          : {}),
        [`${ALB_ANNOTATION}actions.${FORWARD_ACTION_NAME}`]: JSON.stringify(action),
      },
    },
    spec: {
      ingressClassName: 'alb',
      defaultBackend: { service: { name: FORWARD_ACTION_NAME, port: { name: 'use-annotation' } } },
    },
  }
}

/** Services and the Ingress, as one multi-document YAML. */
export function renderKubernetes(c: LabConfiguration): string {
  return [...c.targetGroups.map(service), ingress(c)]
    .map((doc) => stringify(doc, { lineWidth: 0, version: '1.1' }))
    .join('---\n')
}
