/**
 * @spridning/dispatch: the one dispatcher. It claims due deliveries from the outbox, decides each
 * with core (`decideDelivery`), groups them, sends through a `ChannelSender` per channel (email,
 * Slack) and settles failures with core's retry policy (`settleFailure`).
 * @packageDocumentation
 */

export * from "./clock.js"
export * from "./dispatcher.js"
export * from "./logging.js"
export * from "./ports/channel-sender.js"
export * from "./settings.js"
