// A number that changes when the machine swaps in a new Lab (reset, load), so a panel can key its form
// on it and drop drafts, errors and CLI output that belonged to the previous lab.
import { useSelector } from '@xstate/react'
import { useLabActor } from '../../hooks/labActorContext'

const epochs = new WeakMap<object, number>()
let last = 0

export function useLabEpoch(): number {
  return useSelector(useLabActor(), (snapshot) => {
    const lab = snapshot.context.lab
    let epoch = epochs.get(lab)
    if (epoch === undefined) {
      epoch = ++last
      epochs.set(lab, epoch)
    }
    return epoch
  })
}
