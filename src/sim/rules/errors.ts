// Error codes and messages returned in Result objects. Each builder notes its provenance:
// "AWS" = text seen from real AWS (reference §12), "moto" = emulator text, "sim" = simulator wording.
// docs/model.md lists the simulator-worded ones. The Classic Load Balancer's own are in classicErrors.ts.

import { ErrorCode, fail, memberField, type Failure } from './failure'

export {
  blame,
  ErrorCode,
  fail,
  isThrownRefusal,
  memberField,
  OK,
  refusal,
  throwRefusal,
} from './failure'
export type { Failure, RefusalKind } from './failure'

export const Errors = {
  /** AWS (API model text). */
  targetGroupNotFound: (field = 'TargetGroupName'): Failure =>
    fail(ErrorCode.TargetGroupNotFound, 'The specified target group does not exist.', field),
  /** AWS (O11). Unknown keys and keys of other target-group types. */
  attributeNotSupported: (key: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'The provided target group attribute is not supported',
      key,
    ),
  /** sim, in the shape of AWS's generic constraint messages. */
  attributeKeyPattern: (key: string, index: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `1 validation error detected: Value '${key}' at 'attributes.${index}.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9._]+$`,
      key,
    ),
  /** sim, in the shape of AWS's generic constraint messages. */
  attributeKeyLength: (key: string, index: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `1 validation error detected: Value '${key}' at 'attributes.${index}.member.key' failed to satisfy constraint: Member must have length less than or equal to 256`,
      key,
    ),
  /** sim (mirrors the load balancer attribute refusal; AWS's listener text is unknown). */
  listenerAttributeNotSupported: (key: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'The provided listener attribute is not supported',
      key,
    ),
  /** sim (NLB guide: a TLS listener's idle timeout is 350 seconds and can't be modified). */
  tlsIdleTimeoutFixed: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'The idle timeout of a TLS listener is 350 seconds and cannot be modified',
      'tcp.idle_timeout.seconds',
    ),
  /** sim. */
  attributeValueNotString: (key: string): Failure =>
    fail(ErrorCode.ValidationError, `The value of attribute '${key}' must be a string`, key),
  /** moto format (AWS text not found); used for every integer range. */
  intRange: (key: string, value: string, min: number, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${key}' value '${value}' must be between '${min}-${max}' inclusive`,
      key,
    ),
  /** sim. */
  zeroOrIntRange: (key: string, value: string, min: number, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${key}' value '${value}' must be 0 or between '${min}-${max}' inclusive`,
      key,
    ),
  /** sim. */
  offOrIntRange: (key: string, value: string, min: number, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${key}' value '${value}' must be 'off' or between '${min}-${max}' inclusive`,
      key,
    ),
  /** sim, moto-like ("must be one of [...]"). */
  oneOf: (key: string, value: string, values: readonly string[]): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${key}' value '${value}' must be one of [${values.join(', ')}]`,
      key,
    ),
  /** sim (AWS documents the reservation, not the message). */
  reservedCookieName: (value: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Application cookie name '${value}' is not allowed: names starting with AWSALB, AWSALBAPP or AWSALBTG are reserved for the load balancer`,
      'stickiness.app_cookie.cookie_name',
    ),
  /** sim (AWS does not document the allowed characters). */
  invalidCookieName: (value: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Application cookie name '${value}' is not a valid cookie name: use 1-256 letters, digits or the characters !#$%&'*+-.^_\`|~`,
      'stickiness.app_cookie.cookie_name',
    ),
  /** AWS (O7 prefix, O12 full form). */
  stickinessTypeNotSupported: (type: string, protocol: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      `Stickiness type '${type}' is not supported for target groups with the ${protocol} protocol`,
      'stickiness.type',
    ),
  /** AWS (O7). */
  stickinessOnTls: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'You cannot enable stickiness on target groups with the TLS protocol',
      'stickiness.enabled',
    ),
  /** moto (O12); AWS text not captured. */
  gwlbStickinessType: (value: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${value}' must be one of [source_ip_dest_ip_proto, source_ip_dest_ip]`,
      'stickiness.type',
    ),
  /** sim (docs: the two must be equal; text unknown). */
  targetFailoverMismatch: (field: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      "'target_failover.on_deregistration' and 'target_failover.on_unhealthy' must be set to the same value",
      field,
    ),
  /** sim (API_TargetGroupAttribute: configurable only while the termination is off; text unknown). */
  drainingIntervalNeedsTerminationOff: (field: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      "'target_health_state.unhealthy.draining_interval_seconds' can be set only when 'target_health_state.unhealthy.connection_termination.enabled' is false",
      field,
    ),
  /** sim (NLB guide: enabled "and can't be disabled" for UDP and TCP_UDP; text unknown). */
  clientIpPreservationRequired: (protocol: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      `Client IP preservation cannot be disabled for target groups with the ${protocol} protocol`,
      'preserve_client_ip.enabled',
    ),
  /** sim (API_LoadBalancerAttribute: an ALB's cross-zone "can't be changed"; text unknown). */
  albCrossZoneAlwaysOn: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'Cross-zone load balancing is always enabled for Application Load Balancers and cannot be disabled',
      'load_balancing.cross_zone.enabled',
    ),
  /** AWS (O8). */
  appCookieNameRequired: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      "You must set an application cookie name to enable stickiness of type 'app_cookie'",
      'stickiness.app_cookie.cookie_name',
    ),
  /** AWS (O7). */
  stickinessWithWeightedRandom: (field: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'You cannot have both stickiness and weighted random algorithm enabled on the same target group.',
      field,
    ),
  /** sim (docs: "will fail"; text unknown). */
  stickinessWithCrossZoneOff: (field: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'You cannot enable stickiness on a target group with cross-zone load balancing turned off',
      field,
    ),
  /** sim (docs: cannot be combined; text unknown). */
  slowStartWithLor: (field: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'You cannot enable slow start mode on a target group that uses the least outstanding requests algorithm',
      field,
    ),
  /** AWS (real answer quoted in kubernetes-sigs/aws-load-balancer-controller#3686; replaces CDK's O13 wording). */
  slowStartWithWeightedRandom: (field: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'You cannot enable both slow start and weighted random algorithm on a target group',
      field,
    ),
  /** sim. */
  anomalyMitigationNeedsWeightedRandom: (field: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      "Anomaly mitigation can only be turned on when the routing algorithm is 'weighted_random'",
      field,
    ),
  /** sim (docs: required; text unknown). Raised by attribute changes. */
  stickyGroupInWeightedForward: (name: string, field: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      `Target group '${name}' is one of several target groups in the listener's forward action, so target group stickiness must be enabled on that action before stickiness can be enabled on '${name}'`,
      field,
    ),
  /** sim (docs: required; text unknown). Raised by setForward. */
  forwardNeedsGroupStickiness: (name: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      `Target group stickiness must be enabled when a forward action has several target groups and one of them ('${name}') has stickiness enabled`,
      'TargetGroupStickinessConfig.Enabled',
    ),
  /** AWS (O9). */
  groupStickinessDuration: (): Failure =>
    fail(
      ErrorCode.ValidationError,
      'Target group stickiness duration must be between 1 and 604800 seconds',
      'TargetGroupStickinessConfig.DurationSeconds',
    ),
  /** sim. */
  forwardEmpty: (): Failure =>
    fail(
      ErrorCode.ValidationError,
      'A forward action must include at least one target group',
      'TargetGroups',
    ),
  /** sim (quota documented; text unknown). */
  forwardTooMany: (max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `A forward action can include at most ${max} target groups`,
      'TargetGroups',
    ),
  /** sim (range documented; text unknown). */
  forwardWeight: (name: string, weight: unknown, index: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Weight ${String(weight)} for target group '${name}' is invalid: weights must be whole numbers between 0 and 999`,
      memberField('TargetGroups', index, 'Weight'),
    ),
  /** sim. */
  forwardDuplicate: (name: string, index: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group '${name}' is listed more than once in the forward action`,
      memberField('TargetGroups', index, 'TargetGroupName'),
    ),
  /** moto (O12). */
  healthCheckTimeoutNotBelowInterval: (timeout: number, interval: number, field: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Health check timeout '${timeout}' must be smaller than the interval '${interval}'`,
      field,
    ),
  /** sim, in the shape of AWS's generic constraint messages. */
  healthCheckBelowMin: (field: string, value: unknown, min: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `1 validation error detected: Value '${String(value)}' at '${lowerFirst(field)}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`,
      field,
    ),
  /** sim, in the shape of AWS's generic constraint messages. */
  healthCheckAboveMax: (field: string, value: unknown, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `1 validation error detected: Value '${String(value)}' at '${lowerFirst(field)}' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
      field,
    ),
  /** sim. */
  healthCheckNotInteger: (field: string, value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `${field} must be a whole number, got '${String(value)}'`,
      field,
    ),
  /** sim. */
  healthCheckUnknownField: (field: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${field}' is not a health check setting this simulator supports`,
      field,
    ),
  /** moto-like. */
  targetGroupNameLength: (name: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group name '${name}' cannot be longer than '32' characters`,
      'TargetGroupName',
    ),
  /** moto-like. */
  targetGroupNameChars: (name: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`,
      'TargetGroupName',
    ),
  /** moto-like. */
  targetGroupNameHyphen: (name: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group name '${name}' cannot begin or end with '-'`,
      'TargetGroupName',
    ),
  /** sim. */
  targetGroupNameEmpty: (): Failure =>
    fail(ErrorCode.ValidationError, 'Target group name must not be empty', 'TargetGroupName'),
  /** AWS-like (DuplicateTargetGroupName). */
  duplicateTargetGroup: (name: string): Failure =>
    fail(
      ErrorCode.DuplicateTargetGroupName,
      `A target group with the same name '${name}' exists, but with different settings`,
      'TargetGroupName',
    ),
  /** sim. */
  targetCount: (value: unknown, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `targets must be a whole number between 0 and ${max}, got '${String(value)}'`,
      'targets',
    ),
  /** sim: the protocols a target group of the current load balancer type can use. */
  targetGroupProtocol: (value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group protocol '${String(value)}' is not supported here: an Application Load Balancer target group uses HTTP or HTTPS`,
      'Protocol',
    ),
  /** sim. */
  networkTargetGroupProtocol: (value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group protocol '${String(value)}' is not supported here: a Network Load Balancer target group uses TCP, UDP, TCP_UDP or TLS`,
      'Protocol',
    ),
  /** sim. */
  gatewayTargetGroupProtocol: (value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group protocol '${String(value)}' is not supported here: a Gateway Load Balancer target group uses GENEVE`,
      'Protocol',
    ),
  /** sim. */
  loadBalancerAttributeNotSupported: (key?: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'The provided load balancer attribute is not supported',
      key,
    ),
  /** sim: CLBs register instances directly. */
  classicHasNoTargetGroups: (): Failure =>
    fail(
      ErrorCode.ValidationError,
      'A Classic Load Balancer has no target groups: register instances with the load balancer instead',
    ),
  /** sim (AWS NLB and GWLB listeners forward to exactly one target group). */
  forwardSingleGroup: (): Failure =>
    fail(
      ErrorCode.ValidationError,
      'A Network or Gateway Load Balancer listener forwards to exactly one target group',
      'TargetGroups',
    ),
  /** AWS (API model text). The simulator's cap comes from the 12-bit group field in its cookies. */
  tooManyTargetGroups: (): Failure =>
    fail(
      ErrorCode.TooManyTargetGroups,
      "You've reached the limit on the number of target groups for your AWS account.",
    ),
  /** AWS code; sim text (the lab has one load balancer, and it is not a Classic Load Balancer). */
  notClassic: (): Failure =>
    fail(
      ErrorCode.LoadBalancerNotFound,
      "The lab's load balancer is not a Classic Load Balancer: switch the type to 'classic' first",
    ),
  /** sim. */
  noTargetsGiven: (field: string): Failure =>
    fail(ErrorCode.ValidationError, 'At least one target must be specified', field),
  /** sim. */
  invalidTargetId: (id: unknown, field: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target id '${String(id)}' is invalid: use 1-64 letters, digits, hyphens or dots`,
      field,
    ),
} as const

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toLowerCase() + s.slice(1)
}
