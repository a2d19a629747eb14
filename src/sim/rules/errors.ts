// Error codes and messages returned in Result objects. Each builder notes its provenance:
// "AWS" = text seen from real AWS (reference §12), "moto" = emulator text, "sim" = simulator wording.
// docs/model.md lists the simulator-worded ones.

import type { Result } from '../model/api'

export type Failure = Extract<Result, { ok: false }>

export const OK: Result = Object.freeze({ ok: true }) as Result

export function fail(code: string, message: string): Failure {
  return { ok: false, code, message }
}

export const ErrorCode = {
  ValidationError: 'ValidationError',
  InvalidConfigurationRequest: 'InvalidConfigurationRequest',
  TargetGroupNotFound: 'TargetGroupNotFound',
  TooManyTargetGroups: 'TooManyTargetGroups',
  DuplicateTargetGroupName: 'DuplicateTargetGroupName',
  DuplicatePolicyName: 'DuplicatePolicyName',
  PolicyNotFound: 'PolicyNotFound',
  ListenerNotFound: 'ListenerNotFound',
  LoadBalancerNotFound: 'LoadBalancerNotFound',
  InvalidInstance: 'InvalidInstance',
} as const

export const Errors = {
  /** AWS (API model text). */
  targetGroupNotFound: (): Failure =>
    fail(ErrorCode.TargetGroupNotFound, 'The specified target group does not exist.'),
  /** AWS (O11). Unknown keys and keys of other target-group types. */
  attributeNotSupported: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'The provided target group attribute is not supported',
    ),
  /** sim, in the shape of AWS's generic constraint messages. */
  attributeKeyPattern: (key: string, index: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `1 validation error detected: Value '${key}' at 'attributes.${index}.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9._]+$`,
    ),
  /** sim, in the shape of AWS's generic constraint messages. */
  attributeKeyLength: (key: string, index: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `1 validation error detected: Value '${key}' at 'attributes.${index}.member.key' failed to satisfy constraint: Member must have length less than or equal to 256`,
    ),
  /** sim. */
  attributeValueNotString: (key: string): Failure =>
    fail(ErrorCode.ValidationError, `The value of attribute '${key}' must be a string`),
  /** moto format (AWS text not found); used for every integer range. */
  intRange: (key: string, value: string, min: number, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${key}' value '${value}' must be between '${min}-${max}' inclusive`,
    ),
  /** sim. */
  zeroOrIntRange: (key: string, value: string, min: number, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${key}' value '${value}' must be 0 or between '${min}-${max}' inclusive`,
    ),
  /** sim. */
  offOrIntRange: (key: string, value: string, min: number, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${key}' value '${value}' must be 'off' or between '${min}-${max}' inclusive`,
    ),
  /** sim, moto-like ("must be one of [...]"). */
  oneOf: (key: string, value: string, values: readonly string[]): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${key}' value '${value}' must be one of [${values.join(', ')}]`,
    ),
  /** sim (AWS documents the reservation, not the message). */
  reservedCookieName: (value: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Application cookie name '${value}' is not allowed: names starting with AWSALB, AWSALBAPP or AWSALBTG are reserved for the load balancer`,
    ),
  /** sim (AWS does not document the allowed characters). */
  invalidCookieName: (value: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Application cookie name '${value}' is not a valid cookie name: use 1-256 letters, digits or the characters !#$%&'*+-.^_\`|~`,
    ),
  /** AWS (O7 prefix, O12 full form). */
  stickinessTypeNotSupported: (type: string, protocol: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      `Stickiness type '${type}' is not supported for target groups with the ${protocol} protocol`,
    ),
  /** AWS (O7). */
  stickinessOnTls: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'You cannot enable stickiness on target groups with the TLS protocol',
    ),
  /** moto (O12); AWS text not captured. */
  gwlbStickinessType: (value: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${value}' must be one of [source_ip_dest_ip_proto, source_ip_dest_ip]`,
    ),
  /** sim (docs: the two must be equal; text unknown). */
  targetFailoverMismatch: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      "'target_failover.on_deregistration' and 'target_failover.on_unhealthy' must be set to the same value",
    ),
  /** AWS (O8). */
  appCookieNameRequired: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      "You must set an application cookie name to enable stickiness of type 'app_cookie'",
    ),
  /** AWS (O7). */
  stickinessWithWeightedRandom: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'You cannot have both stickiness and weighted random algorithm enabled on the same target group.',
    ),
  /** sim (docs: "will fail"; text unknown). */
  stickinessWithCrossZoneOff: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'You cannot enable stickiness on a target group with cross-zone load balancing turned off',
    ),
  /** sim (docs: cannot be combined; text unknown). */
  slowStartWithLor: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'You cannot enable slow start mode on a target group that uses the least outstanding requests algorithm',
    ),
  /** CDK client-side text (O13); AWS server text unknown. */
  slowStartWithWeightedRandom: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'The weighted random routing algorithm can not be used with slow start mode.',
    ),
  /** sim. */
  anomalyMitigationNeedsWeightedRandom: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      "Anomaly mitigation can only be turned on when the routing algorithm is 'weighted_random'",
    ),
  /** sim (docs: required; text unknown). Raised by attribute changes. */
  stickyGroupInWeightedForward: (name: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      `Target group '${name}' is one of several target groups in the listener's forward action, so target group stickiness must be enabled on that action before stickiness can be enabled on '${name}'`,
    ),
  /** sim (docs: required; text unknown). Raised by setForward. */
  forwardNeedsGroupStickiness: (name: string): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      `Target group stickiness must be enabled when a forward action has several target groups and one of them ('${name}') has stickiness enabled`,
    ),
  /** AWS (O9). */
  groupStickinessDuration: (): Failure =>
    fail(
      ErrorCode.ValidationError,
      'Target group stickiness duration must be between 1 and 604800 seconds',
    ),
  /** sim. */
  forwardEmpty: (): Failure =>
    fail(ErrorCode.ValidationError, 'A forward action must include at least one target group'),
  /** sim (quota documented; text unknown). */
  forwardTooMany: (max: number): Failure =>
    fail(ErrorCode.ValidationError, `A forward action can include at most ${max} target groups`),
  /** sim (range documented; text unknown). */
  forwardWeight: (name: string, weight: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Weight ${String(weight)} for target group '${name}' is invalid: weights must be whole numbers between 0 and 999`,
    ),
  /** sim. */
  forwardDuplicate: (name: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group '${name}' is listed more than once in the forward action`,
    ),
  /** moto (O12). */
  healthCheckTimeoutNotBelowInterval: (timeout: number, interval: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Health check timeout '${timeout}' must be smaller than the interval '${interval}'`,
    ),
  /** sim, in the shape of AWS's generic constraint messages. */
  healthCheckBelowMin: (field: string, value: unknown, min: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `1 validation error detected: Value '${String(value)}' at '${lowerFirst(field)}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`,
    ),
  /** sim, in the shape of AWS's generic constraint messages. */
  healthCheckAboveMax: (field: string, value: unknown, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `1 validation error detected: Value '${String(value)}' at '${lowerFirst(field)}' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    ),
  /** sim. */
  healthCheckNotInteger: (field: string, value: unknown): Failure =>
    fail(ErrorCode.ValidationError, `${field} must be a whole number, got '${String(value)}'`),
  /** sim. */
  healthCheckUnknownField: (field: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${field}' is not a health check setting this simulator supports`,
    ),
  /** moto-like. */
  targetGroupNameLength: (name: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group name '${name}' cannot be longer than '32' characters`,
    ),
  /** moto-like. */
  targetGroupNameChars: (name: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`,
    ),
  /** moto-like. */
  targetGroupNameHyphen: (name: string): Failure =>
    fail(ErrorCode.ValidationError, `Target group name '${name}' cannot begin or end with '-'`),
  /** sim. */
  targetGroupNameEmpty: (): Failure =>
    fail(ErrorCode.ValidationError, 'Target group name must not be empty'),
  /** AWS-like (DuplicateTargetGroupName). */
  duplicateTargetGroup: (name: string): Failure =>
    fail(
      ErrorCode.DuplicateTargetGroupName,
      `A target group with the same name '${name}' exists, but with different settings`,
    ),
  /** sim. */
  targetCount: (value: unknown, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `targets must be a whole number between 0 and ${max}, got '${String(value)}'`,
    ),
  /** sim: the protocols a target group of the current load balancer type can use. */
  targetGroupProtocol: (value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group protocol '${String(value)}' is not supported here: an Application Load Balancer target group uses HTTP or HTTPS`,
    ),
  /** sim. */
  networkTargetGroupProtocol: (value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group protocol '${String(value)}' is not supported here: a Network Load Balancer target group uses TCP, UDP, TCP_UDP or TLS`,
    ),
  /** sim. */
  gatewayTargetGroupProtocol: (value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target group protocol '${String(value)}' is not supported here: a Gateway Load Balancer target group uses GENEVE`,
    ),
  /** sim. */
  loadBalancerAttributeNotSupported: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'The provided load balancer attribute is not supported',
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
    ),
  /** AWS (API model text). The simulator's cap comes from the 12-bit group field in its cookies. */
  tooManyTargetGroups: (): Failure =>
    fail(
      ErrorCode.TooManyTargetGroups,
      "You've reached the limit on the number of target groups for your AWS account.",
    ),
  /** AWS (O16). */
  policyNameChars: (): Failure =>
    fail(
      ErrorCode.ValidationError,
      'Policy name cannot contain characters that are not letters, or digits or the dash.',
    ),
  /** sim. */
  policyNameEmpty: (): Failure => fail(ErrorCode.ValidationError, 'Policy name must not be empty'),
  /** AWS code; sim text. */
  duplicatePolicyName: (name: string): Failure =>
    fail(ErrorCode.DuplicatePolicyName, `Policy '${name}' already exists on this load balancer`),
  /** AWS code; sim text. */
  policyNotFound: (name: string): Failure =>
    fail(ErrorCode.PolicyNotFound, `There is no policy named '${name}' on this load balancer`),
  /** AWS code; sim text. */
  listenerNotFound: (port: unknown): Failure =>
    fail(ErrorCode.ListenerNotFound, `There is no listener on load balancer port ${String(port)}`),
  /** AWS code; sim text (the lab has one load balancer, and it is not a Classic Load Balancer). */
  notClassic: (): Failure =>
    fail(
      ErrorCode.LoadBalancerNotFound,
      "The lab's load balancer is not a Classic Load Balancer: switch the type to 'classic' first",
    ),
  /** sim. */
  cookieExpirationPeriod: (value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `CookieExpirationPeriod must be a whole number of seconds from 0 to 34560000 (400 days, the longest a browser keeps a cookie), got '${String(value)}'`,
    ),
  /** sim (AWS documents no character rule; RFC 6265 token, as for ALB app cookies). */
  clbCookieName: (value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Cookie name '${String(value)}' is not a valid cookie name: use 1-256 letters, digits or the characters !#$%&'*+-.^_\`|~`,
    ),
  /** AWS code (HTTP 409 on the CLB API); sim text. */
  twoStickinessPolicies: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'A listener can have only one stickiness policy (LBCookieStickinessPolicyType or AppCookieStickinessPolicyType)',
    ),
  /** sim. */
  invalidInstance: (id: unknown): Failure =>
    fail(ErrorCode.InvalidInstance, `Instance '${String(id)}' is not a valid instance id or does not exist`),
  /** sim. */
  noTargetsGiven: (): Failure =>
    fail(ErrorCode.ValidationError, 'At least one target must be specified'),
  /** sim. */
  invalidTargetId: (id: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Target id '${String(id)}' is invalid: use 1-64 letters, digits, hyphens or dots`,
    ),
} as const

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toLowerCase() + s.slice(1)
}
