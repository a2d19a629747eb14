// A group of radios in the forms' choice-list style (each whole label a 44 px target, its text free to wrap), as
// the CloudFront and outer-ALB sections use it: one place for the markup the phone's 200 % text check relies on.
export interface Choice<V extends string> {
  value: V
  label: string
}

export function ChoiceRadios<V extends string>({
  name,
  legend,
  describedBy,
  choices,
  value,
  onChange,
}: {
  name: string
  legend: string
  describedBy: string
  choices: readonly Choice<V>[]
  value: V
  onChange: (value: V) => void
}) {
  return (
    <fieldset role="radiogroup" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <div className="cfg-choices">
        {choices.map((c) => (
          <label key={c.value} className="cfg-choice">
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
