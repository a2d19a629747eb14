// The Classic Load Balancer's error builders (AWS's `elb` API), spread into Errors (errors.ts). Provenance notes
// as there: "AWS" = text seen from real AWS, "sim" = simulator wording.
import { ErrorCode, fail, type Failure } from './failure'

export const CLASSIC_ERRORS = {
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
} as const
