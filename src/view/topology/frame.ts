// What the wide and tall arrangements (wideFrame.ts, tallFrame.ts) hand layoutTopology: the placed marks and the
// routes of the links between them, which layoutTopology turns into the same links in the same order for both.
import type { CdnMark } from './cdnHop'
import type { OuterMark } from './outerHop'
import type { Point, PositionedClient, PositionedGroup, TopologyLayout } from './topologyLayout'

/** The picture's outer margin. */
export const MARGIN = 12

export type Frame = Omit<TopologyLayout, 'motion' | 'links' | 'cdn' | 'outer' | 'kube'> & {
  cdn?: CdnMark | null
  outer?: OuterMark | null
  clientRoute: (c: Pick<PositionedClient, 'x' | 'y' | 'w'>) => Point[]
  groupRoute: (g: PositionedGroup) => Point[]
  albIn: Point
  albOut: Point
}
