import { createHmac } from "node:crypto"

/**
 * Requests as Slack sends them to `/slack/events`: signed with the app's signing secret
 * (`v0=` + HMAC-SHA256 over `v0:{timestamp}:{body}`, hex), slash commands and interactivity
 * form-encoded (interactivity as one `payload` JSON field), Events API as JSON.
 */

export const signSlackBody = (signingSecret: string, timestampSeconds: number, body: string): string =>
  `v0=${createHmac("sha256", signingSecret).update(`v0:${timestampSeconds}:${body}`).digest("hex")}`

export interface SignOptions {
  readonly signingSecret: string
  /** Seconds since the epoch; now unless given (tests of replay pass an old one). */
  readonly timestampSeconds?: number
  /** Slack's retry headers: `x-slack-retry-num` and `x-slack-retry-reason`. */
  readonly retryNum?: number
  readonly retryReason?: string
}

/** A `RequestInit` for `app.request("/slack/events", init)` or `fetch`, signed as Slack signs. */
export const signedRequest = (
  body: string,
  contentType: "application/x-www-form-urlencoded" | "application/json",
  options: SignOptions,
): RequestInit & { headers: Record<string, string> } => {
  const timestamp = options.timestampSeconds ?? Math.floor(Date.now() / 1000)
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signSlackBody(options.signingSecret, timestamp, body),
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
  }
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum)
    headers["x-slack-retry-reason"] = options.retryReason ?? "http_timeout"
  }
  return { method: "POST", body, headers }
}

export interface SlashCommandFields {
  readonly text: string
  readonly userId: string
  readonly teamId: string
  readonly responseUrl: string
  readonly triggerId?: string
  readonly channelId?: string
  readonly command?: string
}

let triggerCounter = 0
/** Slack's trigger ids look like `<n>.<n>.<hex>`. */
export const makeTriggerId = (): string => {
  triggerCounter += 1
  return `${Date.now()}.${triggerCounter}.${triggerCounter.toString(16).padStart(32, "0")}`
}

/** The form body of a slash command invocation. */
export const slashCommandBody = (fields: SlashCommandFields): string =>
  new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: fields.teamId,
    team_domain: "spridning-test",
    channel_id: fields.channelId ?? "C0GENERAL",
    channel_name: "general",
    user_id: fields.userId,
    user_name: fields.userId.toLowerCase(),
    command: fields.command ?? "/spridning",
    text: fields.text,
    api_app_id: "A0SPRIDNING",
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? makeTriggerId(),
  }).toString()

/** The form body of an interactivity request (`block_actions`, `view_submission`, …). */
export const interactionBody = (payload: Readonly<Record<string, unknown>>): string =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString()

/** A `block_actions` payload for a button click. */
export const buttonClickPayload = (fields: {
  readonly teamId: string
  readonly userId: string
  readonly actionId: string
  readonly value: string
  readonly responseUrl?: string
  readonly channelId?: string
  readonly messageTs?: string
  readonly actionTs?: string
}): Record<string, unknown> => ({
  type: "block_actions",
  team: { id: fields.teamId, domain: "spridning-test" },
  user: { id: fields.userId, username: fields.userId.toLowerCase(), team_id: fields.teamId },
  api_app_id: "A0SPRIDNING",
  token: "deprecated-verification-token",
  trigger_id: makeTriggerId(),
  container:
    fields.messageTs === undefined
      ? { type: "view", view_id: "V0HOME" }
      : {
          type: "message",
          message_ts: fields.messageTs,
          channel_id: fields.channelId ?? "D0DM",
          is_ephemeral: false,
        },
  ...(fields.channelId === undefined ? {} : { channel: { id: fields.channelId, name: "directmessage" } }),
  ...(fields.messageTs === undefined ? {} : { message: { type: "message", ts: fields.messageTs, text: "" } }),
  ...(fields.responseUrl === undefined ? {} : { response_url: fields.responseUrl }),
  actions: [
    {
      type: "button",
      action_id: fields.actionId,
      block_id: "receipts",
      value: fields.value,
      action_ts: fields.actionTs ?? `${Math.floor(Date.now() / 1000)}.000100`,
    },
  ],
})

/** A `view_submission` payload with the modal's state values, as Slack nests them. */
export const viewSubmissionPayload = (fields: {
  readonly teamId: string
  readonly userId: string
  readonly callbackId: string
  readonly viewId?: string
  readonly privateMetadata?: string
  readonly values: Readonly<Record<string, Readonly<Record<string, unknown>>>>
}): Record<string, unknown> => ({
  type: "view_submission",
  team: { id: fields.teamId, domain: "spridning-test" },
  user: { id: fields.userId, username: fields.userId.toLowerCase(), team_id: fields.teamId },
  api_app_id: "A0SPRIDNING",
  token: "deprecated-verification-token",
  trigger_id: makeTriggerId(),
  view: {
    id: fields.viewId ?? "V0MODAL",
    team_id: fields.teamId,
    type: "modal",
    callback_id: fields.callbackId,
    private_metadata: fields.privateMetadata ?? "",
    hash: "1700000000.abcdef",
    state: { values: fields.values },
  },
  response_urls: [],
})

/** An Events API callback (`event_callback`) as JSON. */
export const eventCallbackBody = (fields: {
  readonly teamId: string
  readonly eventId: string
  readonly event: Readonly<Record<string, unknown>>
}): string =>
  JSON.stringify({
    token: "deprecated-verification-token",
    team_id: fields.teamId,
    api_app_id: "A0SPRIDNING",
    event: fields.event,
    type: "event_callback",
    event_id: fields.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: fields.teamId, user_id: "U0BOTUSER", is_bot: true }],
  })
