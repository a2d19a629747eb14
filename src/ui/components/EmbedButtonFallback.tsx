// The "Share / Embed" button as it stands while the dialog's code loads: same place and name, not yet usable.
export function EmbedButtonFallback() {
  return (
    <button type="button" className="btn ghost" aria-haspopup="dialog" disabled>
      Share / Embed
    </button>
  )
}
