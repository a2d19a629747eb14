// Small formatting helpers shared by panels.

/** Virtual seconds → "0:05.0", "12:34", "1 d 02:03:04". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, seconds)
  const days = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  const secText = Number.isInteger(sec) ? pad(sec) : sec.toFixed(1).padStart(4, '0')
  if (days > 0) return `${days} d ${pad(h)}:${pad(m)}:${pad(Math.floor(sec))}`
  if (h > 0) return `${h}:${pad(m)}:${secText}`
  return `${m}:${secText}`
}

/** Seconds → "20 s", "1 min", "1 h", "1 day", "7 days" when exact, else seconds. */
export function formatDuration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`
  if (seconds % 3600 === 0) return `${seconds / 3600} h`
  if (seconds % 60 === 0) return `${seconds / 60} min`
  return `${seconds} s`
}
