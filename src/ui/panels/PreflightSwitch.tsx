// The CORS preflight switch (issue 19, item 4): the page's cross-site call is not "simple" (a custom header or a
// JSON body), so the browser first sends an OPTIONS, without cookies, that the ALB balances on its own.
import { useId } from 'react'
import { PREFLIGHT_HINT, PREFLIGHT_SWITCH } from '../../view/preflightWords'

export function PreflightSwitch({
  on,
  onChange,
}: {
  on: boolean
  onChange: (on: boolean) => void
}) {
  const uid = useId()
  return (
    <>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          aria-describedby={`${uid}-preflight`}
          onChange={(e) => onChange(e.target.checked)}
        />
        {PREFLIGHT_SWITCH}
      </label>
      <p id={`${uid}-preflight`} className="hint">
        {PREFLIGHT_HINT}
      </p>
    </>
  )
}
