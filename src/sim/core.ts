// The simulation core's public API without its words and without the Network, Gateway and Classic load balancers: what
// the page loads before its first paint. Labs made here word their decisions with the explainer installed by the page
// (explainerSlot.ts; ADR 0017), and can be of those three types once their families are installed (familySlot.ts;
// ADR 0018): src/sim/index.ts installs both, and the app installs them once their chunks arrive. Nothing outside
// src/sim imports other files here except this, index.ts and attributes.ts.

import { createLab as createCoreLab, restoreLab as restoreCoreLab } from './lab'
import { slotExplainer } from './explainerSlot'
import type { CreateLabOptions, Lab, LabCall } from './model/api'
import type { World } from './model/world'
import { replayInSteps as replayCoreInSteps, replayLab as replayCoreLab } from './replayLab'

/** Creates a lab with the default world; its decisions are worded by the installed explainer. */
export function createLab(options?: CreateLabOptions): Lab {
  return createCoreLab(options, slotExplainer)
}

/** Rebuilds a lab from a snapshot (the world is deep-copied; the snapshot stays untouched). */
export function restoreLab(world: World): Lab {
  return restoreCoreLab(world, slotExplainer)
}

/** Replays `log` on a fresh lab with `seed` (see replayLab.ts). */
export function replayLab(seed: number, log: readonly LabCall[]): Lab {
  return replayCoreLab(seed, log, slotExplainer)
}

/** The same replay a little at a time (see replayLab.ts). */
export function replayInSteps(
  seed: number,
  log: readonly LabCall[],
): { lab: Lab; next(count: number): number } {
  return replayCoreInSteps(seed, log, slotExplainer)
}

export { installExplainer, explainerInstalled } from './explainerSlot'
export { familiesInstalled } from './familySlot'
export { LAB_API_VERSION, virtualDate } from './lab'
export { failedEntryIndex, REPLAYABLE_CALLS, LEARNER_CALLS } from './replayLab'
export type { ReplayableCall, LearnerCall } from './replayLab'
export { applyCommand, checkCommand, isCommandName, COMMAND_NAMES } from './commands/labCommand'
export type { LabCommand, CommandOf, CommandCheck } from './commands/labCommand'
export { validateCommand } from './commands/validateCommand'
export { isThrownRefusal } from './rules/failure'
export { VIRTUAL_EPOCH_ISO, VIRTUAL_EPOCH_UNIX_SECONDS, formatHttpDate } from './clock'
export { DECISIONS, TARGET_GROUP_DECISIONS } from './model/decisions'
export {
  LOAD_BALANCER_TYPES,
  TARGET_GROUP_PROTOCOLS,
  NLB_TARGET_GROUP_ATTRIBUTE_DEFAULTS,
  GWLB_TARGET_GROUP_ATTRIBUTE_DEFAULTS,
  GWLB_STICKINESS_TYPES,
  CLB_HEALTH_CHECK_DEFAULTS,
  TCP_IDLE_TIMEOUT_SECONDS,
  UDP_IDLE_TIMEOUT_SECONDS,
  GWLB_DEFAULT_DESTINATION_IP,
  GWLB_DEFAULT_DESTINATION_PORT,
} from './model/loadBalancerTypes'
export {
  ALB_ATTRIBUTE_SPECS,
  ALB_TARGET_GROUP_ATTRIBUTE_DEFAULTS,
  HEALTH_CHECK_DEFAULTS,
  HEALTH_CHECK_RANGES,
  MIN_FORWARD_WEIGHT,
  MAX_FORWARD_WEIGHT,
  TG_STICKINESS_MIN_SECONDS,
  TG_STICKINESS_MAX_SECONDS,
} from './model/targetGroupAttributes'
export { COOKIE_EXPIRATION_PERIOD_RANGE } from './callArgs'
export { HISTORY_LIMIT } from './pipeline/recordSink'
export { APP_COOKIE_VALUE_BYTES } from './rules/appCookieSize'
export { LOG_LIMIT, HEALTH_EVENT_LIMIT } from './createWorld'
export type { Decision, TargetGroupDecision } from './model/decisions'
export { NO_COOKIE_REASONS, COOKIE_REJECTIONS, COOKIE_WITHHELD } from './model/facts'
export type * from './model/facts'
export type { AttributeSpec } from './model/targetGroupAttributes'
export type * from './model/api'
export type { CdnOptions, CdnView, CdnCookieBehavior } from './model/cdn'
export type { OuterLayerOptions, OuterLayerView, OuterLayerStickiness } from './model/outerLayer'
export type { World, HealthCheckSettings } from './model/world'
export type { ClientKind } from './model/clientKind'
export { CLIENT_KINDS, CLIENT_KIND_USER_AGENT, keepsCookies } from './model/clientKind'
export { AVAILABILITY_ZONES } from './model/world'
export type {
  ClassicLoadBalancerAttributes,
  ClassicLoadBalancerAttributesView,
} from './model/classicLoadBalancerAttributes'
export {
  CLB_ATTRIBUTE_DEFAULTS,
  CLB_DRAINING_TIMEOUT_RANGE,
  CLB_IDLE_TIMEOUT_RANGE,
  CLB_EMIT_INTERVALS,
} from './model/classicLoadBalancerAttributes'
export { TCP_IDLE_TIMEOUT_KEY, TCP_IDLE_TIMEOUT_RANGE } from './rules/listenerAttributes'
export { validateHealthCheckUpdate } from './rules/validation'
export {
  startLoadTest,
  loadTestProblem,
  totalRequests,
  LOAD_TEST_LIMITS,
  LOAD_TICK_MS,
} from './loadTest'
export type { LoadRun, LoadTestOptions, LoadTestResult, LoadTargetCount } from './loadTest'
export {
  MAX_COOKIE_BYTES,
  fitsCookieLimit,
  pathMatches,
  credentialsAllowCookies,
  withheldCode,
  withheldCookies,
  rejectionCode,
} from './cookiePolicy'
export type {
  BrowserContext,
  BrowserSettings,
  CookiePolicyContext,
  JarCookieAttributes,
  SetCookieAttributes,
  WithheldCookie,
} from './cookiePolicy'
export { parseSetCookie } from './parseSetCookie'
export type { ParsedSetCookie } from './parseSetCookie'
export { dictGet, dictSet } from './dict'
