// CORS preflight (issue 19, item 4). A cross-origin request that is not "simple" (a custom header such as
// Authorization or X-Requested-With, or Content-Type: application/json) is preceded by an OPTIONS request. Browsers
// send it without cookies whatever the request's credentials mode (Fetch standard, CORS-preflight fetch; MDN CORS,
// "Preflighted requests"), so the ALB sees no AWSALB/AWSALBCORS on it and balances it like a new client: it can land
// on another target and counts in NonStickyRequestCount when stickiness is on. Cookies it is sent back are not stored.
import type { RequestOptions } from '../model/api'
import type { RequestRecordState, World } from '../model/world'
import type { Runtime } from '../runtime'
import { preflightOptions } from './preflightMark'
import { RECORD_SINK } from '../pipeline/recordSink'
import { runRequest } from '../pipeline/servePipeline'

/** Serves the OPTIONS preflight of `options` (a non-simple cross-site request) and returns its record. */
export function sendPreflight(
  world: World,
  rt: Runtime,
  clientId: string,
  options: RequestOptions,
): RequestRecordState {
  // Served as "/" so the application treats it as a plain page (an OPTIONS never adds to a cart); the record then
  // names the real path the browser asked about.
  const record = runRequest(world, rt, clientId, preflightOptions(), 'http', RECORD_SINK)
  record.method = 'OPTIONS'
  record.path = options.path ?? '/'
  return record
}
