/**
 * @spridning/slack: Spridning in Slack. `/spridning` commands, App Home, theme-group channel
 * announcements and DMs with receipt buttons, sent by the one dispatcher through its Slack sender.
 * @packageDocumentation
 */
export { type SlackConfig, slackConfig, slackSettings } from "./config/slack-config.js"
export {
  authorizeWith,
  type SlackIdentity,
  type SlackIdentitySource,
  slackIdentity,
  whenIdentified,
} from "./config/slack-identity.js"
export { HonoReceiver, type HonoReceiverOptions } from "./http/hono-receiver.js"
export {
  describeVerificationFailure,
  maxClockSkewSeconds,
  verifySlackSignature,
} from "./http/request-verification.js"
export {
  deliveryEventType,
  makeSlackChannelSender,
  type SlackChannelOptions,
} from "./notifications/slack-channel.js"
export { makeWebClient, SlackCallFailed, webClientOptions } from "./slack-api/slack-call.js"
export { defaultLog, type Log } from "./slack-app/deps.js"
export type { SlackServices, SpridningRuntime } from "./slack-app/services.js"
export {
  registerFeatures,
  type SlackAppOptions,
  type SlackRoutesOptions,
  type SocketModeOptions,
  slackRoutes,
  startSocketMode,
} from "./slack-app/slack-app.js"
