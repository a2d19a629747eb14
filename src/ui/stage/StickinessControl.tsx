// A target group's stickiness on the stage: three radios (Off, Duration-based, Application-based) that apply at
// once through the same path as the full form's Apply (targetGroupForm.ts → lab.modifyTargetGroupAttributes via
// the machine), and a small editor for the duration and the application cookie. AWS's error shows here and
// nothing changes. Other load balancer types show their stickiness in the group's title and open the settings.
import { useId, useState, type KeyboardEvent } from 'react'
import { changesFromDraft, draftFromConfig, selectTargetGroupConfigs, stickinessChoiceChanges, withDuration, type StickinessChoice, type TargetGroupDraft } from '../../view/targetGroupForm'
import type { Box } from '../../view/topology/layout'
import type { Failure } from '../panels/forms/FieldError'
import { useLab } from '../hooks/useLab'
import { useLabCall } from '../hooks/useLabCall'
import { boxStyle, openSettings } from './stageHelpers'

const CHOICES: { value: StickinessChoice; label: string; hint: string }[] = [
  { value: 'off', label: 'Off', hint: 'each request balanced afresh' },
  { value: 'lb_cookie', label: 'Duration-based', hint: 'AWSALB cookie' },
  { value: 'app_cookie', label: 'Application-based', hint: 'follows the app’s cookie' },
]

interface Props {
  group: string
  box: Box
  /** The only group in the picture: its radio group is simply "Stickiness". */
  only: boolean
}

export function StickinessControl({ group, box, only }: Props) {
  const type = useLab((lab) => lab.loadBalancerType())
  if (type !== 'application') {
    return (
      <div className="stage-sticky other" style={boxStyle(box)}>
        <button type="button" className="stage-btn" onClick={openSettings}>
          Stickiness settings
        </button>
      </div>
    )
  }
  return <AlbStickiness group={group} box={box} only={only} />
}

function AlbStickiness({ group, box, only }: Props) {
  const call = useLabCall()
  const uid = useId()
  const config = useLab((lab) => selectTargetGroupConfigs(lab).find((c) => c.name === group) ?? null)
  const appCookie = useLab((lab) => lab.app().sessionCookie?.name ?? null)
  const [edit, setEdit] = useState<{ duration?: string; cookieName?: string }>({})
  const [error, setError] = useState<Failure | null>(null)
  if (config === null) return null
  const current = draftFromConfig(config)
  const mode = current.stickiness

  /** Applies attribute changes; true when AWS accepted them. */
  const applyChanges = (attributes: Record<string, string>): boolean => {
    if (Object.keys(attributes).length > 0) {
      const r = call('modifyTargetGroupAttributes', group, attributes)
      if (r && !r.ok) {
        setError(r)
        return false
      }
    }
    setError(null)
    setEdit({})
    return true
  }
  /** Applies the draft's stickiness through the full form's mapping; true when AWS accepted it. */
  const apply = (draft: TargetGroupDraft): boolean => applyChanges(changesFromDraft(draft, config).attributes)
  const choose = (choice: StickinessChoice) => applyChanges(stickinessChoiceChanges(config, choice, appCookie))
  const duration = edit.duration ?? (mode === 'app_cookie' ? current.appCookieDuration : current.lbCookieDuration)
  const cookieName = edit.cookieName ?? current.cookieName
  const commit = () => {
    if (edit.duration === undefined && edit.cookieName === undefined) return
    apply({ ...withDuration(current, duration), cookieName })
  }
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      commit()
    } else if (e.key === 'Escape' && (edit.duration !== undefined || edit.cookieName !== undefined)) {
      e.stopPropagation()
      setEdit({})
      setError(null)
    }
  }
  const described = error !== null ? `${uid}-error` : undefined
  return (
    <div className="stage-sticky" style={boxStyle(box)}>
      <div role="radiogroup" aria-label={only ? 'Stickiness' : `Stickiness of ${group}`} className="stage-radios">
        {CHOICES.map((c) => (
          <label key={c.value} className="stage-radio">
            <input type="radio" name={`${uid}-mode`} value={c.value} checked={mode === c.value} onChange={() => choose(c.value)} />
            <span>{c.label}</span>
            <span className="visually-hidden">: {c.hint}</span>
          </label>
        ))}
      </div>
      {mode === 'off' ? (
        <p className="stage-sticky-off">Each request is balanced afresh.</p>
      ) : (
        <div className="stage-editor">
          {mode === 'app_cookie' && (
            <label>
              Cookie
              <input
                type="text"
                className="stage-input name"
                value={cookieName}
                spellCheck={false}
                autoComplete="off"
                aria-label="Application cookie name"
                aria-invalid={error !== null}
                aria-describedby={described}
                onChange={(e) => setEdit({ ...edit, cookieName: e.target.value })}
                onBlur={commit}
                onKeyDown={keys}
              />
            </label>
          )}
          <label>
            {mode === 'app_cookie' ? 'for' : 'Duration'}
            <input
              type="text"
              inputMode="numeric"
              className="stage-input number"
              value={duration}
              aria-label="Stickiness duration in seconds"
              aria-invalid={error !== null}
              aria-describedby={described}
              onChange={(e) => setEdit({ ...edit, duration: e.target.value })}
              onBlur={commit}
              onKeyDown={keys}
            />
            s
          </label>
        </div>
      )}
      {error !== null && (
        <p id={`${uid}-error`} className="stage-error floating" role="alert">
          <strong>{error.code}:</strong> {error.message} Nothing changed.
        </p>
      )}
    </div>
  )
}
