// What a client on the stage is (issue 19, item 6): a browser shows nothing extra; curl shows a terminal, an SDK
// or load tool a package, each with its name, and in place of cookie chips a "no cookie jar" mark, so a learner
// sees why its requests never stick before reading a word of the explanation.
import type { ClientKind } from '../../sim'
import { CLIENT_KIND_LABEL, NO_JAR_TEXT } from '../../view/clientKindWords'
import './clientKinds.css'

export function ClientKindBadge({ kind }: { kind: ClientKind }) {
  if (kind === 'browser') return null
  return (
    <span className={`stage-kind stage-kind-${kind}`} data-testid="client-kind">
      <span aria-hidden="true" className="stage-kind-icon">
        {kind === 'curl' ? '>_' : '{ }'}
      </span>{' '}
      {CLIENT_KIND_LABEL[kind]}
    </span>
  )
}

export function NoJarMark({ clientId }: { clientId: string }) {
  return (
    <p className="stage-no-jar" data-testid={`no-jar-${clientId}`}>
      <span aria-hidden="true" className="stage-no-jar-icon">
        ⊘
      </span>{' '}
      {NO_JAR_TEXT}
    </p>
  )
}
