import { randomUUID } from "node:crypto"
import { Effect } from "effect"
import { createTransport } from "nodemailer"
import { MailSender } from "./mail-sender.js"
import { composeEml, type MailSinkSettings } from "./mail-sink-sender.js"
import { MailProviderUnavailable, MailRejected, type OutgoingMail } from "./outgoing-mail.js"

export interface SmtpSettings {
  /** `smtp://host:port` (e.g. Mailpit's `smtp://mailpit:1025` in compose.yaml). */
  readonly url: string
  readonly from: MailSinkSettings["from"]
}

/**
 * Mail over plain SMTP, one message per recipient exactly as the mail sink writes it: for a
 * local mail catcher (Mailpit) whose web view shows what readers would get, or a relay.
 */
export const makeSmtpSender = (settings: SmtpSettings) => {
  const transport = createTransport(settings.url)
  return MailSender.of({
    kind: "smtp",
    send: (outgoing: OutgoingMail) =>
      Effect.tryPromise({
        try: async () => {
          const requestId = randomUUID()
          let index = 0
          for (const recipient of outgoing.recipients) {
            const raw = await composeEml(outgoing, recipient, settings.from, `${requestId}-${index++}`)
            await transport.sendMail({ envelope: { from: settings.from.email, to: [recipient.email] }, raw })
          }
          return { providerMessageId: `smtp-${requestId}` }
        },
        catch: (cause) => {
          // 5xx from the server: the message itself is refused; anything else may pass on a retry.
          const code = (cause as { responseCode?: unknown }).responseCode
          return typeof code === "number" && code >= 500
            ? new MailRejected({ status: code, reason: `SMTP ${code}: ${String(cause)}` })
            : new MailProviderUnavailable({ reason: `SMTP ${settings.url}: ${String(cause)}` })
        },
      }),
  })
}
