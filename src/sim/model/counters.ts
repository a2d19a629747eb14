// The world's counters: CloudWatch-named metrics and the serials the lab hands out (part of World, plain data).

/** CloudWatch-named counters (Sum statistic) kept by the load balancer. Fixed shape for speed. */
export interface MetricCounters {
  RequestCount: number
  NonStickyRequestCount: number
  HTTPCode_ELB_5XX_Count: number
  HTTPCode_ELB_502_Count: number
  HTTPCode_ELB_503_Count: number
  HTTPCode_Target_2XX_Count: number
  TargetConnectionErrorCount: number
  /** Simulator count (not CloudWatch): requests whose session the serving instance or store did not know. */
  SessionsLost: number
}

/** NLB/GWLB CloudWatch flow counters (Sum). */
export interface FlowMetricCounters {
  NewFlowCount: number
  NewFlowCount_TCP: number
  NewFlowCount_UDP: number
}

export interface Counters {
  instance: number
  instanceSerial: number
  targetGroupSerial: number
  cookie: number
  session: number
  request: number
  launchAz: number
  clientAz: number
  webSocket: number
  /** Clients given a default source IP so far (198.51.100.<n+10>). */
  sourceIp: number
  /** Last ephemeral source port handed out (49152-65535, wrapping). */
  sourcePort: number
}
