// The Classic Load Balancer's attributes as AWS's `elb` API (2012-06-01) names them: ModifyLoadBalancerAttributes
// takes and DescribeLoadBalancerAttributes returns a LoadBalancerAttributes structure. The lab's values are those of
// a load balancer created in the console (connection draining on for 300 s, cross-zone on), which is how the lab's
// Classic Load Balancer has always behaved; AWS's API and CLI create one with both off.
// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_LoadBalancerAttributes.html
import type { ClbAttributes } from './world'

/** The LoadBalancerAttributes a caller sends: any of the five, each complete in its required members. */
export interface ClassicLoadBalancerAttributes {
  ConnectionDraining?: { Enabled: boolean; Timeout?: number }
  ConnectionSettings?: { IdleTimeout: number }
  CrossZoneLoadBalancing?: { Enabled: boolean }
  AccessLog?: {
    Enabled: boolean
    S3BucketName?: string
    EmitInterval?: number
    S3BucketPrefix?: string
  }
  AdditionalAttributes?: { Key: string; Value: string }[]
}

/** What DescribeLoadBalancerAttributes returns: every attribute with its current value. */
export interface ClassicLoadBalancerAttributesView {
  CrossZoneLoadBalancing: { Enabled: boolean }
  AccessLog: {
    Enabled: boolean
    S3BucketName?: string
    EmitInterval?: number
    S3BucketPrefix?: string
  }
  ConnectionDraining: { Enabled: boolean; Timeout: number }
  ConnectionSettings: { IdleTimeout: number }
  AdditionalAttributes: { Key: string; Value: string }[]
}

/** ConnectionDraining.Timeout: 1-3600 s (CLB guide, config-conn-drain). */
export const CLB_DRAINING_TIMEOUT_RANGE = { min: 1, max: 3600 } as const
/** ConnectionSettings.IdleTimeout: 1-4000 s (CLB guide, config-idle-timeout). */
export const CLB_IDLE_TIMEOUT_RANGE = { min: 1, max: 4000 } as const
/** AccessLog.EmitInterval: 5 or 60 minutes (API_AccessLog). */
export const CLB_EMIT_INTERVALS: readonly number[] = [5, 60]
/** The one AdditionalAttributes key AWS documents (API_AdditionalAttribute) and its values. */
export const CLB_DESYNC_MITIGATION_KEY = 'elb.http.desyncmitigationmode'
export const CLB_DESYNC_MITIGATION_MODES: readonly string[] = ['monitor', 'defensive', 'strictest']

/** A console-created Classic Load Balancer's attributes: what a lab (or a lab saved before attributes) has. */
export const CLB_ATTRIBUTE_DEFAULTS: Readonly<ClbAttributes> = Object.freeze({
  connectionDraining: Object.freeze({ enabled: true, timeout: 300 }),
  idleTimeout: 60,
  crossZone: true,
  accessLog: Object.freeze({
    enabled: false,
    s3BucketName: '',
    emitInterval: 60,
    s3BucketPrefix: '',
  }),
  desyncMitigationMode: 'defensive',
})
