// The topology picture as tables, a text alternative under the picture: this disclosure is drawn with the page,
// its tables (PictureTableBody) arrive just after the first paint, long before anyone can open it.
import type { ReactNode } from 'react'

export function PictureTable({ children }: { children: ReactNode }) {
  return (
    <details className="picture-table">
      <summary>The picture as a table</summary>
      {children}
    </details>
  )
}
