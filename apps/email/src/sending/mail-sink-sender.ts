import { randomUUID } from "node:crypto"
import { mkdir, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import MailComposer from "nodemailer/lib/mail-composer/index.js"
import { MailSender } from "./mail-sender.js"
import {
  fillPlaceholders,
  MailProviderUnavailable,
  type MailRecipient,
  type OutgoingMail,
} from "./outgoing-mail.js"

export interface MailSinkSettings {
  /** Folder for the `.eml` files (created when missing). */
  readonly directory: string
  readonly from: { readonly email: string; readonly name: string }
}

/** One recipient's mail as an RFC 5322 message, exactly as a mail client would receive it. */
export const composeEml = (
  outgoing: OutgoingMail,
  recipient: MailRecipient,
  from: MailSinkSettings["from"],
  messageId: string,
): Promise<Buffer> => {
  const fill = (text: string) => fillPlaceholders(text, recipient.substitutions)
  const composer = new MailComposer({
    from: { name: from.name, address: from.email },
    to: { name: recipient.name, address: recipient.email },
    subject: fill(outgoing.content.subject),
    text: fill(outgoing.content.text),
    html: fill(outgoing.content.html),
    messageId: `<${messageId}@spridning.local>`,
    headers: {
      ...recipient.headers,
      ...Object.fromEntries(
        Object.entries(recipient.customArgs).map(([key, value]) => [
          `X-Spridning-${key.replace(/_/g, "-")}`,
          value,
        ]),
      ),
    },
    attachments: outgoing.content.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content,
    })),
  })
  return composer.compile().build()
}

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60)

/**
 * Without a SendGrid key every mail lands as an `.eml` file in the mail sink, so a new user
 * sees exactly what would have been sent (open the files in any mail client).
 */
export const makeMailSinkSender = (settings: MailSinkSettings) =>
  MailSender.of({
    kind: "mailSink",
    send: (outgoing) =>
      Effect.tryPromise({
        try: async () => {
          await mkdir(settings.directory, { recursive: true })
          const requestId = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`
          let index = 0
          for (const recipient of outgoing.recipients) {
            const messageId = `${requestId}-${index++}`
            const eml = await composeEml(outgoing, recipient, settings.from, messageId)
            await writeFile(join(settings.directory, `${messageId}-${fileSafe(recipient.email)}.eml`), eml)
          }
          return { providerMessageId: `sink-${requestId}` }
        },
        catch: (cause) =>
          new MailProviderUnavailable({ reason: `mail sink ${settings.directory}: ${String(cause)}` }),
      }),
  })

export const layerMailSink = (settings: MailSinkSettings) =>
  Layer.succeed(MailSender, makeMailSinkSender(settings))
