// A number that changes when the machine swaps in a new Lab (reset, load), so a panel can key its form
// on it and drop drafts, errors and CLI output that belonged to the previous lab. It is the lab machine's
// version at the swap (docs/decisions/0011-one-actor-system.md), so changes to the same lab keep the drafts.
import { useSelector } from '@xstate/react'
import { useLabActor } from '../../hooks/labActorContext'

export function useLabEpoch(): number {
  return useSelector(useLabActor(), (snapshot) => snapshot.context.labSince)
}
