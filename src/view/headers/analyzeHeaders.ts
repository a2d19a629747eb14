// A paste, explained: read it (parsePaste.ts), gather its facts (pasteFacts.ts), then say what each cookie is and
// does (cookieVerdicts.ts) and what is likely wrong (diagnoseHeaders.ts), plus what the lab needs to reproduce it.
import type { Credentials } from '../cookieTable'
import { cookieFindings, type CookieFinding } from './cookieVerdicts'
import { appCookieName, diagnoseHeaders, type Diagnosis } from './diagnoseHeaders'
import type { PasteSource } from './exchange'
import { parsePaste } from './parsePaste'
import { pasteFacts, type PasteFacts } from './pasteFacts'

/** Cookies put into the reproducing browser's jar: a page holds a few; more would bury the stage's chips. */
const MAX_JAR = 12

/** What the lab needs to set up the situation the paste shows. */
export interface ReproductionFacts {
  stickiness: 'lb_cookie' | 'app_cookie' | null
  /** The application cookie of an app_cookie setup, when the paste names it unambiguously. */
  appCookieName: string | null
  targetGroupStickiness: boolean
  classic: boolean
  /** False for a client that keeps no cookies (a non-browser client whose requests carried none back). */
  cookiesEnabled: boolean
  userAgent: 'chromium' | 'other'
  crossSite: boolean
  credentials: Credentials
  protocol: 'HTTP' | 'HTTPS' | null
  /** The browser's cookies at the end of the paste (latest values; deletions and unused shards left out). */
  jar: { name: string; value: string }[]
}

export interface HeaderAnalysis {
  source: PasteSource
  /** One sentence: what was read. */
  summary: string
  cookies: CookieFinding[]
  diagnoses: Diagnosis[]
  reproduction: ReproductionFacts
}

export type HeaderAnalysisResult =
  { ok: true; analysis: HeaderAnalysis } | { ok: false; message: string }

const SOURCE_NAMES: Readonly<Record<PasteSource, string>> = {
  curl: 'curl -v output',
  raw: 'raw headers',
  har: 'a HAR file',
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function summaryOf(source: PasteSource, facts: PasteFacts, omitted: number): string {
  const responses = facts.exchanges.filter((x) => x.response !== null).length
  const extra = omitted > 0 ? ` The last ${plural(omitted, 'exchange')} were left out.` : ''
  return `Read ${plural(facts.requests, 'request')} and ${plural(responses, 'response')} from ${SOURCE_NAMES[source]}.${extra}`
}

function jarOf(facts: PasteFacts): { name: string; value: string }[] {
  const jar: { name: string; value: string }[] = []
  for (const c of facts.cookies) {
    if (jar.length >= MAX_JAR) break
    let value: string | null
    if (c.set !== null) {
      const p = c.set.parsed
      const deleted = p.expiresAt !== null && c.set.dateAt !== null && p.expiresAt <= c.set.dateAt
      value = deleted || p.value === '_remove_' ? null : p.value
    } else value = c.carriedValue
    if (value !== null && value !== '') jar.push({ name: c.name, value })
  }
  return jar
}

function reproductionOf(facts: PasteFacts, diagnoses: readonly Diagnosis[]): ReproductionFacts {
  const has = (name: string) => facts.cookies.some((c) => c.name === name)
  const app = has('AWSALBAPP-0')
  const noJar = diagnoses.some((d) => d.id === 'non-browser-client')
  const crossCarried =
    facts.crossOrigin && !diagnoses.some((d) => d.id === 'cross-origin-without-credentials')
  return {
    stickiness: app ? 'app_cookie' : has('AWSALB') || has('AWSALBCORS') ? 'lb_cookie' : null,
    appCookieName: app ? appCookieName(facts) : null,
    targetGroupStickiness: has('AWSALBTG') || has('AWSALBTGCORS'),
    classic: has('AWSELB'),
    cookiesEnabled: !noJar,
    userAgent: facts.nonBrowser !== null ? 'other' : 'chromium',
    crossSite: facts.crossOrigin,
    credentials: crossCarried ? 'include' : 'same-origin',
    protocol: facts.scheme === 'https' ? 'HTTPS' : facts.scheme === 'http' ? 'HTTP' : null,
    jar: noJar ? [] : jarOf(facts),
  }
}

/** Explains a pasted capture, or says in one sentence why it cannot be read. */
export function analyzeHeaders(text: string): HeaderAnalysisResult {
  const read = parsePaste(text)
  if (!read.ok) return read
  const { paste } = read
  const facts = pasteFacts(paste)
  const diagnoses = diagnoseHeaders(facts, paste.sanitizedHar)
  return {
    ok: true,
    analysis: {
      source: paste.source,
      summary: summaryOf(paste.source, facts, paste.omitted),
      cookies: cookieFindings(facts),
      diagnoses,
      reproduction: reproductionOf(facts, diagnoses),
    },
  }
}
