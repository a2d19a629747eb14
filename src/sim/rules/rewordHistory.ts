// Re-renders the words of recorded requests from their facts (records saved before facts existed keep theirs).
import type { Explainer } from '../model/facts'
import type { RequestRecordState } from '../model/world'
import type { Ring } from '../ring'

export function rewordHistory(history: Ring<RequestRecordState>, explain: Explainer): void {
  for (const record of history.items)
    if (record.facts !== undefined) record.explanation = explain.request(record.facts)
}
