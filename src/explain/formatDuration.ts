// Durations as sentences say them. Moved out of the core with the rest of the wording (ADR 0009).

/** Human-readable duration: "20 s", "5 min", "1 h", "1 day", "7 days", "90 s". */
export function formatDuration(seconds: number): string {
  if (seconds >= 86400 && seconds % 86400 === 0) {
    const n = seconds / 86400
    return n === 1 ? '1 day' : `${n} days`
  }
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`
  return `${seconds} s`
}
