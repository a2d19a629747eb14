// CloudFormation (YAML) for the lab's Application Load Balancer: AWS::ElasticLoadBalancingV2::LoadBalancer,
// TargetGroup (every attribute as TargetGroupAttributes Key/Value, health check properties, Targets) and Listener
// (DefaultActions with ForwardConfig.TargetGroupStickinessConfig when weighted). Intrinsic functions use their
// full form (`Ref:`), which is plain YAML and reads back as the same JSON `cdk synth` prints.
import { stringify } from 'yaml'
import { LAB_LOAD_BALANCER_NAME } from '../awsArns'
import { usesShortForward, type LabConfiguration } from './labConfiguration'

/** The template's parameters for what the lab has no value for. */
export const CLOUDFORMATION_PARAMETERS = ['VpcId', 'SubnetIds', 'CertificateArn'] as const

/** Logical ids for the target groups: `TargetGroup` + the name's letters and digits, unique in the template. */
export function targetGroupLogicalIds(names: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>()
  const used = new Set<string>(['LoadBalancer', 'Listener'])
  for (const name of names) {
    const base = `TargetGroup${name
      .split(/[^A-Za-z0-9]+/)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')}`
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}${n}`
    used.add(id)
    ids.set(name, id)
  }
  return ids
}

/** The template as data (also what the CDK export's `cdk synth` corresponds to). */
export function cloudFormationTemplate(c: LabConfiguration): Record<string, unknown> {
  const https = c.listener.protocol === 'HTTPS'
  const ids = targetGroupLogicalIds(c.targetGroups.map((g) => g.name))
  const ref = (name: string) => ({ Ref: ids.get(name)! })
  const resources: Record<string, unknown> = {
    LoadBalancer: {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: {
        Name: LAB_LOAD_BALANCER_NAME,
        Type: 'application',
        Scheme: 'internet-facing',
        Subnets: { Ref: 'SubnetIds' },
      },
    },
  }
  for (const tg of c.targetGroups) {
    const hc = tg.healthCheck
    resources[ids.get(tg.name)!] = {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: {
        Name: tg.name,
        Protocol: tg.protocol,
        Port: tg.port,
        TargetType: 'instance',
        VpcId: { Ref: 'VpcId' },
        HealthCheckEnabled: true,
        HealthCheckProtocol: hc.HealthCheckProtocol,
        HealthCheckPort: hc.HealthCheckPort,
        HealthCheckPath: hc.HealthCheckPath,
        HealthCheckIntervalSeconds: hc.HealthCheckIntervalSeconds,
        HealthCheckTimeoutSeconds: hc.HealthCheckTimeoutSeconds,
        HealthyThresholdCount: hc.HealthyThresholdCount,
        UnhealthyThresholdCount: hc.UnhealthyThresholdCount,
        Matcher: { HttpCode: hc.Matcher.HttpCode },
        TargetGroupAttributes: Object.entries(tg.attributes).map(([Key, Value]) => ({
          Key,
          Value,
        })),
        Targets: tg.targets.map((Id) => ({ Id, Port: tg.port })),
      },
    }
  }
  const f = c.listener.forward
  const action = usesShortForward(c)
    ? { Type: 'forward', TargetGroupArn: ref(f.targetGroups[0]!.name) }
    : {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: f.targetGroups.map((g) => ({
            TargetGroupArn: ref(g.name),
            Weight: g.weight,
          })),
          TargetGroupStickinessConfig: {
            Enabled: f.stickiness.enabled,
            DurationSeconds: f.stickiness.durationSeconds,
          },
        },
      }
  resources.Listener = {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      LoadBalancerArn: { Ref: 'LoadBalancer' },
      Protocol: c.listener.protocol,
      Port: c.listener.port,
      ...(https ? { Certificates: [{ CertificateArn: { Ref: 'CertificateArn' } }] } : {}),
      DefaultActions: [action],
    },
  }
  const parameters: Record<string, unknown> = {
    VpcId: { Type: 'AWS::EC2::VPC::Id', Description: 'The VPC of the target groups' },
    SubnetIds: {
      Type: 'List<AWS::EC2::Subnet::Id>',
      Description: 'Subnets in at least two Availability Zones for the load balancer',
    },
  }
  if (https)
    parameters.CertificateArn = {
      Type: 'String',
      Description: 'ACM certificate for the HTTPS listener',
    }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'Exported from Stickylab: an Application Load Balancer with its listener and target groups',
    Parameters: parameters,
    Resources: resources,
  }
}

/** The template as YAML. */
export function renderCloudFormation(c: LabConfiguration): string {
  // YAML 1.1 rules for quoting, so `off`, `on` and dates stay strings for YAML 1.1 readers too.
  return stringify(cloudFormationTemplate(c), { lineWidth: 0, version: '1.1' })
}
