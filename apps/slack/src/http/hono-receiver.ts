import type { App, Receiver, ReceiverEvent } from "@slack/bolt"
import { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { describeVerificationFailure, verifySlackSignature } from "./request-verification.js"
import { makeSeenRequests, requestIdentity, type SeenRequests } from "./seen-requests.js"

export interface HonoReceiverOptions {
  readonly signingSecret: string
  /** Milliseconds since the epoch; tests move the clock. */
  readonly now?: () => number
  /**
   * Answer Slack only after every listener finished (tests, serverless). Otherwise Slack gets
   * its answer as soon as a listener acks, within Slack's three seconds.
   */
  readonly processBeforeResponse?: boolean
  /** Slack gives up after three seconds; an unacknowledged request answers 200 empty by then. */
  readonly ackTimeoutMilliseconds?: number
  readonly log?: (level: "info" | "warn" | "error", message: string, detail?: unknown) => void
  readonly seenRequests?: SeenRequests
}

type Body = Record<string, unknown>

const parseBody = (rawBody: string, contentType: string): Body | undefined => {
  try {
    if (contentType.includes("application/json")) {
      const parsed: unknown = JSON.parse(rawBody)
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Body)
        : undefined
    }
    const form = Object.fromEntries(new URLSearchParams(rawBody))
    // Interactivity sends its whole payload as one JSON field.
    if (typeof form.payload === "string") {
      const payload: unknown = JSON.parse(form.payload)
      return typeof payload === "object" && payload !== null ? (payload as Body) : undefined
    }
    return form
  } catch {
    return undefined
  }
}

/**
 * Bolt's receiver for requests that reach Spridning's Hono server: the route verifies,
 * parses and hands each request to Bolt, and answers with what the listener acked. Bolt never
 * opens a port of its own, so the API and Slack share one server and one start.
 */
export class HonoReceiver implements Receiver {
  readonly routes: Hono
  private bolt: App | undefined

  constructor(options: HonoReceiverOptions) {
    const seen = options.seenRequests ?? makeSeenRequests()
    const now = options.now ?? Date.now
    const log = options.log ?? (() => undefined)
    this.routes = new Hono()
    // Slack's payloads are a few kilobytes; anything far larger is refused before it is read.
    this.routes.use(
      "/slack/events",
      bodyLimit({
        maxSize: 1024 * 1024,
        onError: (c) =>
          c.json({ error: "payload_too_large", detail: "Slack requests are at most 1 MiB" }, 413),
      }),
    )
    this.routes.post("/slack/events", async (c) => {
      const rawBody = await c.req.text()
      const failure = verifySlackSignature({
        signingSecret: options.signingSecret,
        rawBody,
        signature: c.req.header("x-slack-signature"),
        timestamp: c.req.header("x-slack-request-timestamp"),
        nowMilliseconds: now(),
      })
      if (failure !== undefined) {
        log("warn", "rejected Slack request", describeVerificationFailure(failure))
        return c.json({ error: "invalid_request", detail: describeVerificationFailure(failure) }, 401)
      }
      const body = parseBody(rawBody, c.req.header("content-type") ?? "")
      if (body === undefined)
        return c.json({ error: "invalid_body", detail: "body is not a Slack payload" }, 400)
      // Slack checks the certificate of the request URL with a signed `ssl_check`.
      if (body.ssl_check !== undefined) return c.body(null, 200)
      if (body.type === "url_verification") return c.json({ challenge: body.challenge })

      const retryHeader = c.req.header("x-slack-retry-num")
      const retryNum = retryHeader === undefined ? undefined : Number(retryHeader)
      const identity = requestIdentity(body)
      if (identity !== undefined && !seen.firstTime(identity, now())) {
        log("info", "ignored a repeated Slack request", { identity, retryNum })
        return c.body(null, 200, { "x-slack-no-retry": "1" })
      }
      if (this.bolt === undefined) return c.json({ error: "not_ready" }, 503)

      let settle: (response: unknown) => void = () => undefined
      const acked = new Promise<{ readonly response: unknown }>((resolve) => {
        settle = (response) => resolve({ response })
      })
      let ackedOnce = false
      const event: ReceiverEvent = {
        body,
        ack: async (response?: unknown) => {
          if (ackedOnce) return
          ackedOnce = true
          settle(response)
        },
        ...(retryNum === undefined || Number.isNaN(retryNum) ? {} : { retryNum }),
        ...(c.req.header("x-slack-retry-reason") === undefined
          ? {}
          : { retryReason: c.req.header("x-slack-retry-reason") as string }),
      }
      const processing = this.bolt.processEvent(event).then(
        () => ({ failed: false as const }),
        (error: unknown) => {
          log("error", "a Slack listener failed", error)
          // Unacknowledged, so Slack retries the event; the retry must be allowed to run.
          if (identity !== undefined && !ackedOnce) seen.forget(identity)
          return { failed: true as const }
        },
      )
      const timeout = new Promise<"timeout">((resolve) =>
        setTimeout(() => resolve("timeout"), options.ackTimeoutMilliseconds ?? 2_500).unref(),
      )
      let response: unknown
      if (options.processBeforeResponse === true) {
        const outcome = await processing
        if (!ackedOnce) {
          return outcome.failed ? c.json({ error: "listener_failed" }, 500) : c.body(null, 200)
        }
        response = (await acked).response
      } else {
        const first = await Promise.race([acked, processing, timeout])
        if (first === "timeout" || "failed" in first) {
          if (!ackedOnce) {
            const failed = first !== "timeout" && first.failed
            return failed ? c.json({ error: "listener_failed" }, 500) : c.body(null, 200)
          }
          response = (await acked).response
        } else {
          response = first.response
        }
      }
      if (response === undefined || response === "") return c.body(null, 200)
      if (typeof response === "string") return c.text(response, 200)
      return c.json(response as object, 200)
    })
  }

  init(app: App): void {
    this.bolt = app
  }

  /** Nothing to listen on: the Hono server that mounts {@link routes} does that. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}
}
