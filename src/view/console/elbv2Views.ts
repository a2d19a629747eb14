// The JSON Elastic Load Balancing v2 returns for the lab's resources (PascalCase keys, AWS's field order), and the
// lookups from ARNs back to the lab's names with AWS's error codes for ARNs that name nothing.
import {
  VIRTUAL_EPOCH_ISO,
  type LabQueries,
  type LoadBalancerType,
  type TargetGroupView,
} from '../../sim'
import {
  LAB_ACCOUNT_ID,
  LAB_LOAD_BALANCER_NAME,
  LAB_REGION,
  LAB_VPC_ID,
  listenerArn,
  listenerRuleArn,
  loadBalancerArn,
  loadBalancerDnsName,
  stableHexId,
  subnetId,
  targetGroupArn,
  targetGroupNameFromArn,
} from '../awsArns'
import type { ServiceError } from './consoleTypes'

/** AWS prints times with an offset; the lab's load balancer was created at virtual time 0. */
const CREATED_TIME = VIRTUAL_EPOCH_ISO.replace('Z', '+00:00')
/** Route 53 hosted zones of us-east-1 load balancers (AWS's published table). */
const HOSTED_ZONE: Record<'application' | 'network', string> = {
  application: 'Z35SXDOTRQ7X7K',
  network: 'Z26RNL4JYFTOTI',
}
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c']
/** The HTTPS/TLS listener's certificate (ACM ARNs end in a UUID). */
const CERT_ID = stableHexId('certificate:stickylab') + stableHexId('certificate:stickylab:2')
const CERTIFICATE_ARN = `arn:aws:acm:${LAB_REGION}:${LAB_ACCOUNT_ID}:certificate/${CERT_ID.slice(0, 8)}-${CERT_ID.slice(8, 12)}-${CERT_ID.slice(12, 16)}-${CERT_ID.slice(16, 20)}-${CERT_ID.slice(20, 32)}`

/**
 * The listener's port that names its ARN: the type's first listener port, so the ARN stays the same when
 * modify-listener changes the protocol and port, as a real listener's ARN does.
 */
function listenerArnPort(type: LoadBalancerType): number {
  return type === 'application' ? 443 : type === 'gateway' ? 6081 : 80
}

/** The ARN of the listener of a load balancer of this type (null for Classic, whose listeners have none). */
export function listenerArnOf(type: LoadBalancerType): string | null {
  return listenerArn(type, listenerArnPort(type))
}

export function currentListenerArn(lab: LabQueries): string | null {
  return listenerArnOf(lab.loadBalancerType())
}

export function currentRuleArn(lab: LabQueries): string | null {
  const type = lab.loadBalancerType()
  return listenerRuleArn(type, listenerArnPort(type))
}

export const TARGET_GROUPS_NOT_FOUND: ServiceError = {
  code: 'TargetGroupNotFound',
  message: 'One or more target groups not found',
}
export const LOAD_BALANCERS_NOT_FOUND: ServiceError = {
  code: 'LoadBalancerNotFound',
  message: 'One or more load balancers not found',
}
export const LISTENERS_NOT_FOUND: ServiceError = {
  code: 'ListenerNotFound',
  message: 'One or more listeners not found',
}

/** The lab's target group an ARN names, or AWS's error (a malformed ARN is a ValidationError). */
export function targetGroupByArn(lab: LabQueries, arn: string): TargetGroupView | ServiceError {
  if (!/^arn:aws:elasticloadbalancing:[^:]*:[^:]*:targetgroup\//.test(arn))
    return {
      code: 'ValidationError',
      message: `'${arn.slice(0, 200)}' is not a valid target group ARN`,
    }
  const name = targetGroupNameFromArn(arn)
  const group = name === null ? undefined : lab.targetGroups().find((g) => g.name === name)
  if (group === undefined || targetGroupArn(group.name) !== arn) return TARGET_GROUPS_NOT_FOUND
  return group
}

/**
 * AWS's answer when an ARN names no load balancer: one ARN given on its own (`--load-balancer-arn`) is named in
 * the message (`Load balancer '<arn>' not found`); a list (`--load-balancer-arns`) gets "One or more …".
 */
export function checkLoadBalancerArn(
  lab: LabQueries,
  arn: string,
  single = true,
): ServiceError | null {
  if (!/^arn:aws:elasticloadbalancing:[^:]*:[^:]*:loadbalancer\//.test(arn))
    return {
      code: 'ValidationError',
      message: `'${arn.slice(0, 200)}' is not a valid load balancer ARN`,
    }
  if (arn === loadBalancerArn(lab.loadBalancerType())) return null
  return single
    ? { code: 'LoadBalancerNotFound', message: `Load balancer '${arn.slice(0, 200)}' not found` }
    : LOAD_BALANCERS_NOT_FOUND
}

export function checkListenerArn(lab: LabQueries, arn: string): ServiceError | null {
  if (!/^arn:aws:elasticloadbalancing:[^:]*:[^:]*:listener\//.test(arn))
    return {
      code: 'ValidationError',
      message: `'${arn.slice(0, 200)}' is not a valid listener ARN`,
    }
  return arn === currentListenerArn(lab) ? null : LISTENERS_NOT_FOUND
}

export function loadBalancerJson(lab: LabQueries): Record<string, unknown> | null {
  const type = lab.loadBalancerType()
  const arn = loadBalancerArn(type)
  if (arn === null) return null
  const zone =
    type === 'application'
      ? HOSTED_ZONE.application
      : type === 'network'
        ? HOSTED_ZONE.network
        : undefined
  return {
    LoadBalancerArn: arn,
    ...(type === 'gateway'
      ? {}
      : { DNSName: loadBalancerDnsName(type), CanonicalHostedZoneId: zone }),
    CreatedTime: CREATED_TIME,
    LoadBalancerName: LAB_LOAD_BALANCER_NAME,
    ...(type === 'gateway' ? {} : { Scheme: 'internet-facing' }),
    VpcId: LAB_VPC_ID,
    State: { Code: 'active' },
    Type: type,
    AvailabilityZones: AZS.map((z) => ({
      ZoneName: z,
      SubnetId: subnetId(z),
      LoadBalancerAddresses: [],
    })),
    IpAddressType: 'ipv4',
  }
}

export function targetGroupJson(lab: LabQueries, group: TargetGroupView): Record<string, unknown> {
  const hc = lab.healthCheck(group.name)
  const lb = loadBalancerArn(lab.loadBalancerType())
  const http = group.protocol === 'HTTP' || group.protocol === 'HTTPS'
  return {
    TargetGroupArn: targetGroupArn(group.name),
    TargetGroupName: group.name,
    Protocol: group.protocol,
    Port: group.port,
    VpcId: LAB_VPC_ID,
    ...(hc === null
      ? {}
      : {
          HealthCheckProtocol: hc.HealthCheckProtocol,
          HealthCheckPort: hc.HealthCheckPort,
          HealthCheckEnabled: true,
          HealthCheckIntervalSeconds: hc.HealthCheckIntervalSeconds,
          HealthCheckTimeoutSeconds: hc.HealthCheckTimeoutSeconds,
          HealthyThresholdCount: hc.HealthyThresholdCount,
          UnhealthyThresholdCount: hc.UnhealthyThresholdCount,
          ...(hc.HealthCheckProtocol === 'HTTP' || hc.HealthCheckProtocol === 'HTTPS'
            ? { HealthCheckPath: hc.HealthCheckPath, Matcher: hc.Matcher }
            : {}),
        }),
    LoadBalancerArns: group.inUse && lb !== null ? [lb] : [],
    TargetType: 'instance',
    ...(http ? { ProtocolVersion: 'HTTP1' } : {}),
    IpAddressType: 'ipv4',
  }
}

/** The listener's default actions: a forward with its ForwardConfig, as DescribeListeners returns it. */
export function defaultActionsJson(lab: LabQueries): Record<string, unknown>[] {
  const { forward } = lab.listener()
  const groups = forward.targetGroups.map((g) => ({
    TargetGroupArn: targetGroupArn(g.name),
    Weight: g.weight,
  }))
  const stickiness = forward.stickiness.enabled
    ? { Enabled: true, DurationSeconds: forward.stickiness.durationSeconds }
    : { Enabled: false }
  return [
    {
      Type: 'forward',
      ...(groups.length === 1 ? { TargetGroupArn: groups[0]!.TargetGroupArn } : {}),
      ForwardConfig: { TargetGroups: groups, TargetGroupStickinessConfig: stickiness },
    },
  ]
}

export function listenerJson(lab: LabQueries): Record<string, unknown> | null {
  const type = lab.loadBalancerType()
  const arn = currentListenerArn(lab)
  const lb = loadBalancerArn(type)
  if (arn === null || lb === null) return null
  const l = lab.listener()
  const tls = l.protocol === 'HTTPS' || l.protocol === 'TLS'
  return {
    ListenerArn: arn,
    LoadBalancerArn: lb,
    // A Gateway Load Balancer's listener has no port or protocol in AWS's answer.
    ...(type === 'gateway' ? {} : { Port: l.port, Protocol: l.protocol }),
    ...(tls
      ? {
          Certificates: [{ CertificateArn: CERTIFICATE_ARN }],
          SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        }
      : {}),
    DefaultActions: defaultActionsJson(lab),
  }
}

export function ruleJson(lab: LabQueries): Record<string, unknown> | null {
  const arn = currentRuleArn(lab)
  if (arn === null) return null
  return {
    RuleArn: arn,
    Priority: 'default',
    Conditions: [],
    Actions: defaultActionsJson(lab),
    IsDefault: true,
  }
}
