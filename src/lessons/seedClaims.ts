// Every stickiness claim in the five seed articles learners read first, with the reference's verdict
// (docs/…/alb-behavior.md section 16). Tests check that lessons teach each claim and correct each wrong one.

export type Verdict =
  'matches' | 'incomplete' | 'nuance' | 'partly-inaccurate' | 'inaccurate' | 'not-verifiable'

export interface SeedClaim {
  id: string
  claim: string
  verdict: Verdict
}

/** Verdicts that a lesson must correct explicitly (a `corrects` entry on some step). */
export const NEEDS_CORRECTION: readonly Verdict[] = [
  'incomplete',
  'nuance',
  'partly-inaccurate',
  'inaccurate',
]

export const SEED_ARTICLES: Readonly<Record<string, string>> = {
  '000': 'Japanese API migration blog',
  '001': 'Sticky Sessions with ALB: My Sweet Mistake',
  '002': 'Sticky Sessions (markdown explainer)',
  '003': 'Exploring Sticky Sessions in EC2 Load Balancer',
  '004': 'ANS-C01 Study Guide: Session Affinity and Sticky Sessions',
}

export const SEED_CLAIMS: readonly SeedClaim[] = [
  { id: '000-1', claim: 'Stickiness can be enabled with a single click', verdict: 'matches' },
  {
    id: '000-2',
    claim: 'Stickiness routes a session’s requests to the machine that served its first request',
    verdict: 'matches',
  },
  { id: '000-3', claim: 'Sticky sessions can cause uneven load', verdict: 'matches' },
  { id: '000-4', claim: 'The ALB supports stickiness', verdict: 'matches' },
  {
    id: '001-1',
    claim: 'AWS offers Classic, Network and Application load balancers',
    verdict: 'incomplete',
  },
  { id: '001-2', claim: 'An ALB can route by path (/api, /home)', verdict: 'matches' },
  {
    id: '001-3',
    claim: 'With stickiness, all future requests go to the same instance',
    verdict: 'inaccurate',
  },
  {
    id: '001-4',
    claim: '“Target Group Stickiness” was enabled using application-based cookies',
    verdict: 'inaccurate',
  },
  {
    id: '001-5',
    claim: 'Sessions broke when the cookie expired or the instance failed',
    verdict: 'matches',
  },
  { id: '001-6', claim: 'Users were logged out when the instance went down', verdict: 'matches' },
  {
    id: '001-7',
    claim: 'ALB stickiness is duration-based or application-based',
    verdict: 'matches',
  },
  {
    id: '002-1',
    claim: 'The load balancer uses a cookie (or source IP) to identify the user',
    verdict: 'matches',
  },
  {
    id: '002-2',
    claim: 'ALB: cookie-based, its own cookie or app-generated ones',
    verdict: 'matches',
  },
  { id: '002-3', claim: 'NLB: source-IP stickiness', verdict: 'matches' },
  { id: '002-4', claim: 'CLB: AWS-generated or application cookie', verdict: 'matches' },
  {
    id: '002-5',
    claim: 'The instance creates the sticky cookie on the forward path',
    verdict: 'partly-inaccurate',
  },
  {
    id: '002-6',
    claim: 'The same target keeps getting hit even with many targets',
    verdict: 'matches',
  },
  {
    id: '002-7',
    claim: 'If the sticky instance fails, the session is lost unless the app recovers it',
    verdict: 'matches',
  },
  {
    id: '002-8',
    claim: 'Uneven load, especially behind NATs or proxies where many users share one IP',
    verdict: 'nuance',
  },
  {
    id: '002-9',
    claim: 'Stickiness needs cookies and does not work if cookies are disabled',
    verdict: 'matches',
  },
  { id: '002-10', claim: 'No stickiness for weighted target groups on ALB', verdict: 'inaccurate' },
  {
    id: '002-11',
    claim: 'Stickiness is not recommended for modern applications',
    verdict: 'not-verifiable',
  },
  {
    id: '003-1',
    claim: 'Without stickiness, requests may go to different instances on each refresh',
    verdict: 'matches',
  },
  {
    id: '003-2',
    claim: 'Stickiness works through cookies on the user’s device',
    verdict: 'matches',
  },
  {
    id: '003-3',
    claim: 'Useful for legacy apps storing sessions on instances',
    verdict: 'matches',
  },
  {
    id: '003-4',
    claim: 'Stickiness is configured in the target group settings',
    verdict: 'matches',
  },
  {
    id: '003-5',
    claim: 'Cookies can be load-balancer-generated or application-based',
    verdict: 'matches',
  },
  {
    id: '003-6',
    claim: 'No cookie at first; the load balancer generates one and pins the client',
    verdict: 'matches',
  },
  { id: '003-7', claim: 'The cookie stores information about the instance', verdict: 'matches' },
  {
    id: '003-8',
    claim: 'Deleting the cookie spreads requests across instances again',
    verdict: 'nuance',
  },
  {
    id: '003-9',
    claim: 'Disabling stickiness restores per-refresh distribution',
    verdict: 'matches',
  },
  {
    id: '003-10',
    claim: 'Modern apps use external session stores (DynamoDB, Redis)',
    verdict: 'not-verifiable',
  },
  {
    id: '004-1',
    claim: 'The ALB distributes connections with round robin or least connections',
    verdict: 'inaccurate',
  },
  {
    id: '004-2',
    claim: 'Stickiness guarantees all connections go to the same target',
    verdict: 'inaccurate',
  },
  {
    id: '004-3',
    claim: 'Stickiness requires an ALB and a healthy instance in each AZ',
    verdict: 'partly-inaccurate',
  },
  { id: '004-4', claim: 'The client browser must support cookies', verdict: 'matches' },
  {
    id: '004-5',
    claim: 'The ALB supports duration-based and application-based stickiness',
    verdict: 'matches',
  },
  {
    id: '004-6',
    claim: 'Enabled per target group; duration, application and none can be mixed',
    verdict: 'matches',
  },
  { id: '004-7', claim: 'The duration is reset with every new request', verdict: 'matches' },
  {
    id: '004-8',
    claim: 'After the duration expires, the session is no longer sticky',
    verdict: 'matches',
  },
  {
    id: '004-9',
    claim: 'With app cookies, the load balancer tracks the duration in the application cookie',
    verdict: 'inaccurate',
  },
  {
    id: '004-10',
    claim: 'For load-balancer cookies, the load balancer sets the duration',
    verdict: 'matches',
  },
  {
    id: '004-11',
    claim: 'Load-balancer cookies are encrypted and cannot be decrypted or modified',
    verdict: 'matches',
  },
  { id: '004-12', claim: 'The AWS-generated cookie is always named AWSALB', verdict: 'inaccurate' },
  { id: '004-13', claim: 'WebSockets need no stickiness; it is inherent', verdict: 'matches' },
  {
    id: '004-14',
    claim: 'AWSALB is generated after the first exchange, holds the target, and is encrypted',
    verdict: 'matches',
  },
  {
    id: '004-15',
    claim: 'The cookie expiration is 7 days and cannot be modified',
    verdict: 'partly-inaccurate',
  },
  { id: '004-16', claim: 'Later requests must include AWSALB', verdict: 'matches' },
  {
    id: '004-17',
    claim: 'If the server fails or is deregistered, the ALB picks a new one and updates the cookie',
    verdict: 'matches',
  },
  {
    id: '004-18',
    claim: 'With app cookies, the ALB generates its own cookie for each app-sticky target group',
    verdict: 'matches',
  },
  { id: '004-19', claim: 'The client must return both cookies', verdict: 'matches' },
  {
    id: '004-20',
    claim: 'Cookies up to 16 KB are split into 4 KB shards AWSALBAPP-0, AWSALBAPP-1 …',
    verdict: 'matches',
  },
  {
    id: '004-21',
    claim: 'With CORS the ALB adds a second cookie “to note the second URL”',
    verdict: 'inaccurate',
  },
  {
    id: '004-22',
    claim: 'The CORS cookie is AWSALBCORS with SameSite=None;',
    verdict: 'incomplete',
  },
  { id: '004-23', claim: 'The client then has two ALB cookies', verdict: 'matches' },
  {
    id: '004-24',
    claim: 'Stickiness is enabled on the target group’s Attributes tab',
    verdict: 'matches',
  },
]
