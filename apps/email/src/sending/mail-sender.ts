import { Context, type Effect } from "effect"
import type { MailSendFailure, OutgoingMail } from "./outgoing-mail.js"

export interface SentRequest {
  /** The provider's id for the request (SendGrid's X-Message-Id, the sink's file prefix). */
  readonly providerMessageId: string
}

/**
 * Where mail goes: SendGrid in production, an SMTP server (a local mail catcher) when
 * SPRIDNING_SMTP_URL is set, `.eml` files in the local mail sink otherwise.
 * `send` takes one request's worth of recipients (see `requestsFor`).
 */
export class MailSender extends Context.Service<
  MailSender,
  {
    readonly kind: "sendgrid" | "smtp" | "mailSink"
    readonly send: (mail: OutgoingMail) => Effect.Effect<SentRequest, MailSendFailure>
  }
>()("spridning/email/MailSender") {}
