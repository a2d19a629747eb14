// The Classic Load Balancer's error builders (AWS's `elb` API), used by its checks. They load with the Network,
// Gateway and Classic families (ADR 0018), so they are not in Errors (errors.ts), which keeps `notClassic`, the answer
// of a lab of another type. Provenance notes as there: "AWS" = text seen from real AWS, "sim" = simulator wording.
import { ErrorCode, fail, type Failure } from './failure'

export const ClbErrors = {
  /** AWS (O16). */
  policyNameChars: (): Failure =>
    fail(
      ErrorCode.ValidationError,
      'Policy name cannot contain characters that are not letters, or digits or the dash.',
      'PolicyName',
    ),
  /** sim. */
  policyNameEmpty: (): Failure =>
    fail(ErrorCode.ValidationError, 'Policy name must not be empty', 'PolicyName'),
  /** AWS code; sim text. */
  duplicatePolicyName: (name: string): Failure =>
    fail(
      ErrorCode.DuplicatePolicyName,
      `Policy '${name}' already exists on this load balancer`,
      'PolicyName',
    ),
  /** AWS code; sim text. */
  policyNotFound: (name: string, field: string): Failure =>
    fail(
      ErrorCode.PolicyNotFound,
      `There is no policy named '${name}' on this load balancer`,
      field,
    ),
  /** AWS code; sim text. */
  listenerNotFound: (port: unknown): Failure =>
    fail(
      ErrorCode.ListenerNotFound,
      `There is no listener on load balancer port ${String(port)}`,
      'LoadBalancerPort',
    ),
  /** sim. */
  cookieExpirationPeriod: (value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `CookieExpirationPeriod must be a whole number of seconds from 0 to 34560000 (400 days, the longest a browser keeps a cookie), got '${String(value)}'`,
      'CookieExpirationPeriod',
    ),
  /** sim (AWS documents no character rule; RFC 6265 token, as for ALB app cookies). */
  clbCookieName: (value: unknown): Failure =>
    fail(
      ErrorCode.ValidationError,
      `Cookie name '${String(value)}' is not a valid cookie name: use 1-256 letters, digits or the characters !#$%&'*+-.^_\`|~`,
      'CookieName',
    ),
  /** AWS code (HTTP 409 on the CLB API); sim text. */
  twoStickinessPolicies: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'A listener can have only one stickiness policy (LBCookieStickinessPolicyType or AppCookieStickinessPolicyType)',
      'PolicyNames',
    ),
  /** sim. */
  invalidInstance: (id: unknown, field: string): Failure =>
    fail(
      ErrorCode.InvalidInstance,
      `Instance '${String(id)}' is not a valid instance id or does not exist`,
      field,
    ),
  /** AWS code; the API reference's description of it (ModifyLoadBalancerAttributes, Errors). */
  clbAttributeNotFound: (field: string): Failure =>
    fail(
      ErrorCode.LoadBalancerAttributeNotFound,
      'The specified load balancer attribute does not exist.',
      field,
    ),
  /** AWS format: terraform-provider-aws#48304 quotes it for a null LoadBalancerAttributes. */
  clbAttributeNull: (field: string, path: string): Failure =>
    fail(
      ErrorCode.ValidationError,
      `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
      field,
    ),
  /** sim (an SDK refuses a wrong type before sending it). */
  clbAttributeType: (field: string, kind: string, value: unknown): Failure =>
    fail(ErrorCode.ValidationError, `'${field}' must be ${kind}, got '${String(value)}'`, field),
  /** sim, in the moto shape the lab uses for every range (AWS text not found). */
  clbAttributeRange: (field: string, value: unknown, min: number, max: number): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${field}' value '${String(value)}' must be between '${min}-${max}' inclusive`,
      field,
    ),
  /** sim, moto-like ("must be one of [...]"). */
  clbAttributeOneOf: (field: string, value: unknown, values: readonly unknown[]): Failure =>
    fail(
      ErrorCode.ValidationError,
      `'${field}' value '${String(value)}' must be one of [${values.join(', ')}]`,
      field,
    ),
  /** sim (AWS needs a bucket to write to; its text for a missing one is unknown). */
  clbAccessLogBucket: (): Failure =>
    fail(
      ErrorCode.InvalidConfigurationRequest,
      'An S3 bucket name is required to enable access logs',
      'AccessLog.S3BucketName',
    ),
} as const
