// The AWS CLI commands equivalent to what was just applied, for repeating it on a real ALB.
import { useId } from 'react'

/** `subject` ("target group", "listener") keeps each block's accessible name unique on the page. */
export function CliCommand({
  command,
  subject,
  note,
}: {
  command: string
  subject: string
  note?: string
}) {
  const id = useId()
  return (
    <div className="cfg-cli">
      <h3 id={id}>
        Equivalent AWS CLI<span className="visually-hidden"> for the {subject}</span>
      </h3>
      {/* A named, focusable region so keyboard users can scroll the long command lines. */}
      <pre data-testid="cli-command" role="region" aria-labelledby={id} tabIndex={0}>
        <code>{command}</code>
      </pre>
      {note ? <p className="cfg-hint">{note}</p> : null}
    </div>
  )
}
