// One slot of the page layout (`<div class="slot slot-<name>">`). It renders nothing when the embed options
// (panels=) leave it out, so an embedded lab shows only the panels its author chose.
import type { HTMLAttributes, ReactNode } from 'react'
import type { SlotName } from '../../view/embedSnippet'
import { useEmbedMode } from '../hooks/embedContext'
import './Slot.css'

interface Props extends HTMLAttributes<HTMLDivElement> {
  name: SlotName
  children: ReactNode
}

export function Slot({ name, className, children, ...rest }: Props) {
  const { panels } = useEmbedMode()
  if (panels !== null && !panels.includes(name)) return null
  return (
    <div className={['slot', `slot-${name}`, className].filter(Boolean).join(' ')} {...rest}>
      {children}
    </div>
  )
}
