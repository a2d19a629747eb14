// The submit button of a settings form and the status line that says what the last submit did.
export function FormActions({ label, status, primary = true }: { label: string; status: string; primary?: boolean }) {
  return (
    <div className="cfg-actions">
      <button type="submit" className={primary ? 'btn primary' : 'btn'}>
        {label}
      </button>
      <p className="cfg-status" role="status">
        {status}
      </p>
    </div>
  )
}
