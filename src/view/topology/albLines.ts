// The load balancer card's lines under its title: the listener, the algorithm, then the listener's rule, joined
// and wrapped at " · " so no line is wider than the card (SVG text does not wrap by itself) and few lines are used.
import type { Scene } from './scene'
import { textWidth } from './stageBoxes'

export function albLines(
  scene: Pick<Scene, 'listener' | 'rule' | 'algorithm'>,
  width: number,
): string[] {
  const out: string[] = []
  let line = ''
  const parts = [`listener ${scene.listener}`, ...(scene.algorithm ? [scene.algorithm] : [])]
  const first = parts.join(' · ')
  if (textWidth(first) <= width) out.push(first)
  else out.push(...parts)
  for (const part of scene.rule.split(' · ')) {
    const next = line === '' ? part : `${line} · ${part}`
    if (line !== '' && textWidth(next) > width) {
      out.push(line)
      line = part
    } else line = next
  }
  if (line !== '') out.push(line)
  return out
}
