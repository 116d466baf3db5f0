import { readdir, readFile } from "node:fs/promises"
import { join } from "node:path"

/** The sink names each file after its recipient, with `@` and the like as `_`. */
const fileNameOf = (email: string) => `${email.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60)}.eml`

/**
 * The sign-in link in the newest mail the sink holds for `email`, as a reader's mail client
 * shows it (quoted-printable soft line breaks undone).
 */
export const signInLinkFor = async (directory: string, email: string): Promise<string> => {
  const files = (await readdir(directory)).filter((file) => file.endsWith(fileNameOf(email))).sort()
  const newest = files[files.length - 1]
  if (newest === undefined) throw new Error(`no mail to ${email} in ${directory}`)
  const eml = (await readFile(join(directory, newest), "utf8")).replace(/=\r?\n/g, "")
  const link = /https?:\/\/[^\s"<>]+\/kansli\/inloggning\/[A-Za-z0-9_-]+/.exec(eml)?.[0]
  if (link === undefined) throw new Error(`no sign-in link in ${newest}`)
  return link
}

/** How many mails the sink holds for `email`. */
export const mailsTo = async (directory: string, email: string): Promise<number> =>
  (await readdir(directory).catch(() => [])).filter((file) => file.endsWith(fileNameOf(email))).length
