// Which in-app document is open (the ALB behaviour reference, the embedding guide) and where in it. UI state
// only: a citation link or the Share dialog opens one, and the document dialog (src/ui/docs/DocDialog.tsx) shows it.
import { create } from 'zustand'

import type { DocName } from '../view/reference'

export type { DocName }

export interface DocState {
  open: { doc: DocName; anchor: string | null } | null
  openDoc(doc: DocName, anchor?: string | null): void
  closeDoc(): void
}

export const useDocStore = create<DocState>((set) => ({
  open: null,
  openDoc: (doc, anchor = null) => set({ open: { doc, anchor } }),
  closeDoc: () => set({ open: null }),
}))
