/**
 * @spridning/email: Spridning's email channel. Its sender takes the dispatcher's requests to
 * SendGrid (or `.eml` files in a local mail sink without a key), digests and reminders
 * run on a schedule, and `emailRoutes` serves SendGrid's event webhook, one-click unsubscribe
 * and the receipt links in every mail.
 * @packageDocumentation
 */

export * from "./compose.js"
export * from "./config/email-config.js"
export * from "./delivery/email-channel.js"
export * from "./links/signed-links.js"
export * from "./routes/email-routes.js"
export * from "./schedule/email-scheduler.js"
export * from "./sending/mail-sender.js"
export * from "./sending/mail-sink-sender.js"
export * from "./sending/outgoing-mail.js"
export * from "./sending/sendgrid-sender.js"
export * from "./templates/render.js"
export * from "./unsubscribe/unsubscribe.js"
export * from "./webhook/event-webhook.js"
