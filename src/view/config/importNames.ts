// Target group names inside ARNs from any account or region: an engineer pastes their own describe output.

/** The name in `arn:aws…:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>`, or null. */
export function targetGroupNameInArn(arn: string): string | null {
  const m =
    /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]*:\d{12}:targetgroup\/([A-Za-z0-9-]{1,32})\/[0-9a-f]{1,32}$/.exec(
      arn,
    )
  return m === null ? null : m[1]!
}
