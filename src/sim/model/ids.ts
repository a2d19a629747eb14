// Branded ids (issue 17): a target's id, a browser's id and a target group's name are all strings at run time, but
// the compiler keeps them apart, so a client id cannot be passed where a target id is meant, and a string from
// outside (a form, a file, a host page's message) becomes an id only where it has been checked. Type-level only:
// the brand is a phantom property, and the `as…` functions are identity functions the bundler inlines.
//
// Where an outside string is branded: the lab's command methods, after the argument gate (guardCalls.ts, callArgs.ts)
// and the command's own check (commandChecks.ts) accepted it; and where the core mints an id (launchInstance's
// `i-N`, createTargetGroup's name, addClient's id). The public API (docs/api.md) takes plain strings and returns
// these ids, which read as plain strings to its callers.

/** An EC2 instance id as a target (`i-1`, …): RegisterTargets' `Targets.member.N.Id`. */
export type TargetId = string & { readonly __brand: 'TargetId' }
/** A simulated browser's id (`alice`, …). */
export type ClientId = string & { readonly __brand: 'ClientId' }
/** A target group's name (`web`, …): unique within the lab, as within an AWS account and Region. */
export type TargetGroupName = string & { readonly __brand: 'TargetGroupName' }

/** `id` as a target id; only for a string already checked (or minted by the core). */
export function asTargetId(id: string): TargetId {
  return id as TargetId
}

/** `id` as a client id; only for a string already checked (or minted by the core). */
export function asClientId(id: string): ClientId {
  return id as ClientId
}

/** `name` as a target group name; only for a string already checked (or minted by the core). */
export function asTargetGroupName(name: string): TargetGroupName {
  return name as TargetGroupName
}
