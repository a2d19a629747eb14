// The lessons in the order learners meet them, validated once at load (a bad lesson is reported, not
// shown, so one broken file cannot take the whole panel down).
import { appCookie } from './content/appCookie'
import { cookieDemo } from './content/cookieDemo'
import { cookieInternals } from './content/cookieInternals'
import { cookiesDisabled } from './content/cookiesDisabled'
import { crossSite } from './content/crossSite'
import { deregistration } from './content/deregistration'
import { instanceFailure } from './content/instanceFailure'
import { otherLoadBalancers } from './content/otherLoadBalancers'
import { nlbSourceIp } from './content/nlbSourceIp'
import { clbAwselb } from './content/clbAwselb'
import { sessionStore } from './content/sessionStore'
import { slidingExpiry } from './content/slidingExpiry'
import { unevenLoad } from './content/unevenLoad'
import { webSockets } from './content/webSockets'
import { cdnCookies } from './content/cdnCookies'
import { weightedTargetGroups } from './content/weightedTargetGroups'
import { whyStickiness } from './content/whyStickiness'
import { clientKinds } from './content/clientKinds'
import { parseLesson, type Lesson } from './schema'
import { kubernetesTargetType } from './content/kubernetesTargetType'
import { socketIoPolling } from './content/socketIoPolling'

/** Every lesson, in teaching order (unvalidated source data). */
export const LESSON_SOURCES: readonly Lesson[] = [
  whyStickiness,
  cookieDemo,
  cookieInternals,
  slidingExpiry,
  instanceFailure,
  deregistration,
  sessionStore,
  appCookie,
  crossSite,
  cookiesDisabled,
  unevenLoad,
  weightedTargetGroups,
  webSockets,
  otherLoadBalancers,
  nlbSourceIp,
  clbAwselb,
  cdnCookies,
  clientKinds,
  kubernetesTargetType,
  socketIoPolling,
]

export interface Catalog {
  lessons: readonly Lesson[]
  /** One readable message per lesson that failed validation (and was left out). */
  errors: readonly string[]
}

/** Validates every lesson; invalid ones are left out and reported. */
export function loadCatalog(sources: readonly unknown[] = LESSON_SOURCES): Catalog {
  const lessons: Lesson[] = []
  const errors: string[] = []
  for (const source of sources) {
    const r = parseLesson(source)
    if (r.ok) lessons.push(r.value)
    else errors.push(r.error)
  }
  return { lessons, errors }
}

export function findLesson(lessons: readonly Lesson[], id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id)
}
