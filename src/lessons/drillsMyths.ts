// Exam-prep myths (issue 19, item 9): five claims that circulate in study guides and forum answers, each
// with a lab scenario in which the learner sees it fail. Appended to DRILLS in drills.ts.
import type { Drill } from './schema'

export const MYTH_DRILLS: readonly Drill[] = [
  {
    id: 'myth-awsalb-seven-days',
    question:
      'A study guide says: “The AWSALB cookie expires after 7 days and that cannot be changed.” A target group uses duration-based stickiness with stickiness.lb_cookie.duration_seconds = 60. A user is idle for 5 minutes and then clicks a link. What happens?',
    options: [
      { id: 'a', text: 'The request is sticky, because AWSALB’s Expires is still 7 days ahead.' },
      {
        id: 'b',
        text: 'The binding has lapsed after 60 idle seconds: the ALB routes by the algorithm and issues a new AWSALB. The 7-day Expires is only how long the browser keeps the cookie.',
      },
      { id: 'c', text: 'The browser has deleted AWSALB, because the ALB sets Max-Age=60.' },
      { id: 'd', text: 'The ALB answers with an error because the cookie is stale.' },
    ],
    correct: ['b'],
    explanation:
      'Both halves of the myth are about different things. The visible Expires of AWSALB is always the response date plus 7 days and cannot be configured; the stickiness duration (1 s to 7 days, default 1 day) can, and the ALB checks it against data inside the encrypted value, measured from the last response. A stale cookie still arrives and is ignored: the request is routed by the algorithm and gets a fresh cookie. There is no Max-Age and no error.',
    refs: ['§3.4', '§3.5'],
    scenario: 'lb-cookie-60s',
    tryIt:
      'Open alice’s cookies: AWSALB’s Expires is 7 days ahead. Jump the clock 5 minutes and send a request: the decision is sticky-miss-expired, alice moves from i-1 to i-2, and a new AWSALB (again 7 days ahead) replaces the old one.',
  },
  {
    id: 'myth-sticky-needs-alb',
    question:
      'A colleague says sticky sessions require an Application Load Balancer. Which other load balancers can keep a client on one target? (Choose three.)',
    options: [
      {
        id: 'a',
        text: 'A Classic Load Balancer, with an AWSELB cookie from a duration-based or application-controlled policy.',
      },
      {
        id: 'b',
        text: 'A Network Load Balancer, with source_ip stickiness on a TCP, UDP or TCP_UDP target group.',
      },
      {
        id: 'c',
        text: 'A Gateway Load Balancer, with 5-tuple, 3-tuple or 2-tuple flow stickiness.',
      },
      { id: 'd', text: 'None: only a load balancer that inserts cookies can be sticky.' },
    ],
    correct: ['a', 'b', 'c'],
    explanation:
      'Stickiness is not an ALB feature alone. The CLB inserts AWSELB; the NLB sticks by source IP without any cookie; the GWLB keeps flows on one appliance by their 5-tuple (the default), or by the 3-tuple or 2-tuple. Only the mechanism differs: cookies at layer 7, addresses at layer 4.',
    refs: ['§13', '§14', '§15'],
    scenario: 'clb-duration',
    tryIt:
      'alice already holds AWSELB: send twice and the Classic Load Balancer keeps her on i-1 (sticky-hit). Then switch Load balancer type to Network, choose Source IP stickiness for web in Target group settings and send again: the NLB keeps her on one target, and no cookie is set.',
  },
  {
    id: 'myth-alb-source-ip',
    question:
      'An architect plans to make an Application Load Balancer stick clients by their source IP address for users who block cookies. What happens?',
    options: [
      {
        id: 'a',
        text: 'It works: stickiness.type=source_ip is accepted on the ALB’s target group.',
      },
      {
        id: 'b',
        text: "AWS refuses it: InvalidConfigurationRequest “Stickiness type 'source_ip' is not supported for target groups with the HTTP protocol”. ALB stickiness is cookie-based; source-IP affinity needs a Network Load Balancer.",
      },
      { id: 'c', text: 'It works if app_cookie names the X-Forwarded-For header.' },
      {
        id: 'd',
        text: 'It works once preserve_client_ip.enabled is true on the ALB target group.',
      },
    ],
    correct: ['b'],
    explanation:
      'The ALB offers only lb_cookie and app_cookie; source_ip belongs to NLB target groups, and an HTTP or HTTPS group refuses it with InvalidConfigurationRequest, changing nothing. app_cookie names a cookie, not a header. preserve_client_ip.enabled is an NLB attribute: on an ALB group it is refused with “The provided target group attribute is not supported”.',
    refs: ['§12', '§13'],
    scenario: 'default',
    tryIt:
      "Open the Console, run aws elbv2 describe-target-groups and copy web’s TargetGroupArn, then run aws elbv2 modify-target-group-attributes --target-group-arn <that ARN> --attributes Key=stickiness.enabled,Value=true Key=stickiness.type,Value=source_ip: the Console prints InvalidConfigurationRequest: Stickiness type 'source_ip' is not supported for target groups with the HTTP protocol.",
  },
  {
    id: 'myth-nat-breaks-nlb-stickiness',
    question:
      'Office users reach a Network Load Balancer with source_ip stickiness through one corporate NAT. A consultant warns that the NAT changes the source IP between requests, so stickiness will break. What actually happens?',
    options: [
      {
        id: 'a',
        text: 'Each request lands on a different target because the NAT rotates addresses.',
      },
      {
        id: 'b',
        text: 'Everyone behind the NAT shares one source IP, so they all stick to the same target and the load is uneven.',
      },
      { id: 'c', text: 'The NLB reads X-Forwarded-For to tell the office users apart.' },
      { id: 'd', text: 'The NLB sets a cookie per user behind the NAT.' },
    ],
    correct: ['b'],
    explanation:
      'A NAT keeps its public address; what it does is hide many clients behind it. Source-IP stickiness groups clients exactly as the NAT groups them, so the whole office is bound to one target, which AWS names as the caveat of NLB stickiness. The NLB works at layer 4: it reads no headers and sets no cookies.',
    refs: ['§13'],
    scenario: 'nlb-office-sticky',
    tryIt:
      'Send a request from bob, carol and dave: all three come from 203.0.113.10 and reach i-2 (source-ip-sticky-new, then source-ip-sticky-hit). Send from alice, at home: she lands on another instance.',
  },
  {
    id: 'myth-nlb-hashes-ip-port',
    question: 'Which statement about Network Load Balancer stickiness is correct?',
    options: [
      {
        id: 'a',
        text: 'It hashes the source IP and source port, so each new connection may reach another target.',
      },
      {
        id: 'b',
        text: 'Its only type is source_ip: every connection from one source IP reaches the same target, whatever its source port.',
      },
      {
        id: 'c',
        text: 'It supports source_ip_dest_ip (2-tuple) to pin flows by source and destination.',
      },
      { id: 'd', text: 'It sets an AWSNLB cookie.' },
    ],
    correct: ['b'],
    explanation:
      "Without stickiness the NLB picks a target per flow by a hash of the protocol, addresses and ports (and the TCP sequence number), so new connections spread. source_ip stickiness replaces that with the source address alone. The 3-tuple and 2-tuple types are Gateway Load Balancer types: an NLB TCP group refuses them with “Stickiness type 'source_ip_dest_ip' is not supported for target groups with the TCP protocol”.",
    refs: ['§12', '§13', '§14'],
    scenario: 'nlb-sticky',
    tryIt:
      'Press New connection on alice a few times: each connection has a new source port, and every one reaches i-2 (source-ip-sticky-hit). Turn stickiness off in Target group settings and open new connections again: the flow hash now spreads them over the instances.',
  },
]
