import { escapeMrkdwn } from "./blocks.js"

/** Where to cut: the last paragraph, else sentence, else word, in the second half of the text. */
const cutAt = (prefix: string): number => {
  const floor = prefix.length / 2
  const paragraph = prefix.lastIndexOf("\n\n")
  if (paragraph >= floor) return paragraph
  const sentence = Math.max(prefix.lastIndexOf(". "), prefix.lastIndexOf("! "), prefix.lastIndexOf("? "))
  if (sentence >= floor) return sentence + 1
  const word = prefix.search(/\s\S*$/)
  if (word >= floor) return word
  return prefix.length
}

/**
 * Cuts a person's text so that, escaped for mrkdwn, it fits `max` characters: at the last
 * paragraph, sentence or word that fits (never inside a word or an `&amp;`), with "…" and
 * `cut: true` so the caller adds "Läs mer" with the link to the whole update.
 */
export const excerpt = (raw: string, max: number): { readonly text: string; readonly cut: boolean } => {
  const trimmed = raw.trim()
  const whole = escapeMrkdwn(trimmed)
  if (whole.length <= max) return { text: whole, cut: false }
  let fits = 0
  let length = 0
  for (const char of trimmed) {
    const added = escapeMrkdwn(char).length
    if (length + added > max - 1) break
    length += added
    fits += char.length
  }
  const prefix = trimmed.slice(0, fits)
  return { text: `${escapeMrkdwn(prefix.slice(0, cutAt(prefix)).trimEnd())}…`, cut: true }
}
