// The Lab methods a call log may contain (apart from replayLab.ts so lab.ts can guard them without a cycle).

/** The Lab methods a log may contain (everything that changes the world). */
export const REPLAYABLE_CALLS = [
  'advance',
  'createTargetGroup',
  'modifyTargetGroupAttributes',
  'modifyHealthCheck',
  'setListenerProtocol',
  'setForward',
  'registerTargets',
  'deregisterTargets',
  'stopInstance',
  'startInstance',
  'setHealthCheckFailing',
  'configureApp',
  'addClient',
  'removeClient',
  'setClientOptions',
  'request',
  'setCookie',
  'deleteCookie',
  'clearCookies',
  'launchInstance',
  'openWebSocket',
  'sendWebSocketMessage',
  'closeWebSocket',
  'setLoadBalancerType',
  'closeConnection',
  'modifyLoadBalancerAttributes',
  'createLBCookieStickinessPolicy',
  'createAppCookieStickinessPolicy',
  'setLoadBalancerPoliciesOfListener',
  'registerInstancesWithLoadBalancer',
  'deregisterInstancesFromLoadBalancer',
  'modifyClassicLoadBalancerAttributes',
  'modifyListenerAttributes',
  'setCdn',
  'setOuterLayer',
  'configureKubernetes',
  'connectSocketIo',
] as const

/** A Lab method a replay log may contain. */
export type ReplayableCall = (typeof REPLAYABLE_CALLS)[number]

/** The replayable calls a learner action may make (time moves through the machine's clock events instead). */
export type LearnerCall = Exclude<ReplayableCall, 'advance'>
export const LEARNER_CALLS = REPLAYABLE_CALLS.filter((c): c is LearnerCall => c !== 'advance') as [LearnerCall, ...LearnerCall[]]

