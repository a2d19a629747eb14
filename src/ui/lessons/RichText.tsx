// Lesson prose as text: `backticks` become <code>, everything else is plain text (never HTML).
export function RichText({ text }: { text: string }) {
  const parts = text.split('`')
  return (
    <>
      {parts.map((part, i) =>
        // Odd parts sat between backticks. An unmatched final backtick leaves plain text.
        i % 2 === 1 && i < parts.length - 1 ? (
          <code key={i}>{part}</code>
        ) : (
          <span key={i}>{(i % 2 === 1 ? '`' : '') + part}</span>
        ),
      )}
    </>
  )
}
