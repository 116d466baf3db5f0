import { randomUUID } from "node:crypto"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A local stand-in for Slack's Web API that speaks its wire format: `POST /api/<method>`
 * with a form-encoded or JSON body and a bearer token, answering `{ ok: true, … }` or
 * `{ ok: false, error }` (HTTP 200), `429` with `Retry-After`, or a 5xx on demand. It also
 * accepts the `response_url` posts that `respond()` makes. Every call is recorded, and every
 * posted message is kept per conversation (with its `metadata`) for `conversations.history`.
 */

/** A message the fake holds, as `conversations.history` returns it. */
export interface FakeSlackMessage {
  readonly channel: string
  readonly ts: string
  readonly text?: unknown
  readonly blocks?: unknown
  readonly metadata?: { readonly event_type: string; readonly event_payload: Record<string, unknown> }
}

/** A Slack workspace member the fake knows, for `users.lookupByEmail` and `users.info`. */
export interface FakeSlackUser {
  readonly id: string
  readonly email: string
  readonly name?: string
  readonly locale?: string
}

export interface FakeSlackChannel {
  readonly id: string
  readonly name: string
  readonly isPrivate?: boolean
}

/** A recorded Web API call: the method, its arguments (JSON fields decoded) and the token. */
export interface RecordedCall {
  readonly method: string
  readonly args: Readonly<Record<string, unknown>>
  readonly token: string | undefined
  readonly status: number
}

/** A recorded post to a `response_url`. */
export interface RecordedResponse {
  readonly path: string
  readonly body: Readonly<Record<string, unknown>>
}

/** What the fake answers instead of success, once per `failNext`. */
export type InjectedFailure =
  | { readonly status: 429; readonly retryAfterSeconds: number }
  | { readonly status: 500 | 502 | 503 }
  /** A Web API error: HTTP 200 with `{ ok: false, error }`, e.g. `channel_not_found`. */
  | { readonly error: string }

export interface SlackFake {
  /** Base URL for `slackApiUrl` (ends with `/api/`). */
  readonly apiUrl: string
  /** A `response_url` the fake accepts, unique per call. */
  readonly responseUrl: () => string
  readonly token: string
  readonly teamId: string
  readonly calls: ReadonlyArray<RecordedCall>
  readonly responses: ReadonlyArray<RecordedResponse>
  readonly callsTo: (method: string) => ReadonlyArray<RecordedCall>
  /** Resolves when `count` calls of `method` have been recorded (or rejects after `timeoutMs`). */
  readonly waitForCalls: (
    method: string,
    count?: number,
    timeoutMs?: number,
  ) => Promise<ReadonlyArray<RecordedCall>>
  /** Fails the next `times` calls of `method` (only those to `onlyChannel`, when given). */
  readonly failNext: (method: string, failure: InjectedFailure, times?: number, onlyChannel?: string) => void
  /** The next `times` calls of `method` are answered only after `millis` (Slack being slow). */
  readonly delayNext: (method: string, millis: number, times?: number) => void
  readonly addUser: (user: FakeSlackUser) => void
  readonly addChannel: (channel: FakeSlackChannel) => void
  /** Messages posted so far (to one conversation when given), oldest first. */
  readonly messages: (channel?: string) => ReadonlyArray<FakeSlackMessage>
  readonly reset: () => void
  readonly close: () => Promise<void>
}

export interface SlackFakeOptions {
  readonly token?: string
  /** The app-level token (`xapp-…`) Socket Mode presents to `apps.connections.open`. */
  readonly appToken?: string
  readonly teamId?: string
  readonly users?: ReadonlyArray<FakeSlackUser>
  readonly channels?: ReadonlyArray<FakeSlackChannel>
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    request.on("error", reject)
  })

/** The Web API client sends JSON-valued fields (blocks, view) as JSON strings in a form body. */
const decodeField = (value: string): unknown => {
  const trimmed = value.trim()
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    try {
      return JSON.parse(trimmed)
    } catch {
      return value
    }
  }
  return value
}

const parseArgs = (contentType: string, raw: string): Record<string, unknown> => {
  if (raw === "") return {}
  if (contentType.includes("application/json")) {
    const parsed: unknown = JSON.parse(raw)
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {}
  }
  const args: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(raw)) args[key] = decodeField(value)
  return args
}

const answer = (
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
  response.end(JSON.stringify(body))
}

/** Slack message timestamps: seconds with six decimals, unique per channel. */
const makeTimestamps = () => {
  let last = 0
  return (): string => {
    const micros = Math.max(Date.now() * 1000, last + 1)
    last = micros
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, "0")}`
  }
}

/** Starts the fake on a free local port. */
export const startSlackFake = async (options: SlackFakeOptions = {}): Promise<SlackFake> => {
  const token = options.token ?? "xoxb-test-token"
  const appToken = options.appToken ?? "xapp-1-A0SPRIDNING-test"
  const teamId = options.teamId ?? "T0SPRIDNING"
  const users = new Map<string, FakeSlackUser>()
  const channels = new Map<string, FakeSlackChannel>()
  const calls: Array<RecordedCall> = []
  const responses: Array<RecordedResponse> = []
  const failures = new Map<string, Array<{ readonly failure: InjectedFailure; readonly channel?: string }>>()
  const delays = new Map<string, Array<number>>()
  const waiters = new Set<() => void>()
  const nextTs = makeTimestamps()
  const posted: Array<FakeSlackMessage> = []
  let responseCounter = 0

  const seed = () => {
    users.clear()
    channels.clear()
    for (const user of options.users ?? []) users.set(user.id, user)
    for (const channel of options.channels ?? []) channels.set(channel.id, channel)
  }
  seed()

  const record = (call: RecordedCall) => {
    calls.push(call)
    for (const wake of [...waiters]) wake()
  }

  const userJson = (user: FakeSlackUser) => ({
    id: user.id,
    team_id: teamId,
    name: user.name ?? user.email.split("@")[0],
    real_name: user.name ?? user.email,
    deleted: false,
    is_bot: false,
    locale: user.locale ?? "sv-SE",
    profile: { email: user.email, real_name: user.name ?? user.email, display_name: user.name ?? "" },
  })

  /** A DM to a user id answers with the IM channel id Slack opens for it. */
  const conversationFor = (channel: string): string | undefined => {
    if (channels.has(channel)) return channel
    if (users.has(channel)) return `D${channel.slice(1)}`
    if (channel.startsWith("D")) return channel
    return undefined
  }

  const methods: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
    "api.test": (args) => ({ ok: true, args }),
    "auth.test": () => ({
      ok: true,
      url: "https://spridning-test.slack.com/",
      team: "Spridning test",
      user: "spridning",
      team_id: teamId,
      user_id: "U0BOTUSER",
      bot_id: "B0BOT",
    }),
    "chat.postMessage": (args) => {
      const channel = conversationFor(String(args.channel ?? ""))
      if (channel === undefined) return { ok: false, error: "channel_not_found" }
      if (args.text === undefined && args.blocks === undefined) return { ok: false, error: "no_text" }
      const ts = nextTs()
      const metadata =
        typeof args.metadata === "object" && args.metadata !== null
          ? (args.metadata as FakeSlackMessage["metadata"])
          : undefined
      posted.push({
        channel,
        ts,
        text: args.text,
        blocks: args.blocks,
        ...(metadata === undefined ? {} : { metadata }),
      })
      return {
        ok: true,
        channel,
        ts,
        message: {
          type: "message",
          user: "U0BOTUSER",
          bot_id: "B0BOT",
          text: args.text,
          blocks: args.blocks,
          ts,
        },
      }
    },
    "chat.unfurl": (args) =>
      args.channel === undefined || args.ts === undefined || args.unfurls === undefined
        ? { ok: false, error: "invalid_arguments" }
        : { ok: true },
    "chat.update": (args) => {
      const channel = conversationFor(String(args.channel ?? ""))
      if (channel === undefined) return { ok: false, error: "channel_not_found" }
      if (typeof args.ts !== "string") return { ok: false, error: "message_not_found" }
      return {
        ok: true,
        channel,
        ts: args.ts,
        text: args.text,
        message: { text: args.text, blocks: args.blocks },
      }
    },
    "chat.postEphemeral": (args) => {
      const channel = conversationFor(String(args.channel ?? ""))
      if (channel === undefined) return { ok: false, error: "channel_not_found" }
      return { ok: true, message_ts: nextTs() }
    },
    "views.open": (args) => {
      if (typeof args.trigger_id !== "string") return { ok: false, error: "invalid_trigger_id" }
      const view = (args.view ?? {}) as Record<string, unknown>
      return {
        ok: true,
        view: { ...view, id: `V${randomUUID().slice(0, 10).toUpperCase()}`, team_id: teamId },
      }
    },
    "views.update": (args) => ({ ok: true, view: { ...((args.view ?? {}) as object), id: args.view_id } }),
    "views.publish": (args) => {
      if (typeof args.user_id !== "string" || !users.has(args.user_id))
        return { ok: false, error: "user_not_found" }
      const view = (args.view ?? {}) as Record<string, unknown>
      return {
        ok: true,
        view: { ...view, id: `V${randomUUID().slice(0, 10).toUpperCase()}`, team_id: teamId },
      }
    },
    "users.lookupByEmail": (args) => {
      const email = String(args.email ?? "").toLowerCase()
      const user = [...users.values()].find((u) => u.email.toLowerCase() === email)
      return user === undefined ? { ok: false, error: "users_not_found" } : { ok: true, user: userJson(user) }
    },
    "users.info": (args) => {
      const user = users.get(String(args.user ?? ""))
      return user === undefined ? { ok: false, error: "user_not_found" } : { ok: true, user: userJson(user) }
    },
    "conversations.info": (args) => {
      const channel = channels.get(String(args.channel ?? ""))
      return channel === undefined
        ? { ok: false, error: "channel_not_found" }
        : {
            ok: true,
            channel: {
              id: channel.id,
              name: channel.name,
              is_channel: true,
              is_private: channel.isPrivate ?? false,
              is_member: true,
              is_archived: false,
            },
          }
    },
    // No WebSocket server here: a valid app token gets a URL nobody listens on.
    "apps.connections.open": () => ({
      ok: true,
      url: "ws://127.0.0.1:9/link/?ticket=test&app_id=A0SPRIDNING",
    }),
    // Newest first, as Slack answers; metadata only with include_all_metadata.
    "conversations.history": (args) => {
      const channel = conversationFor(String(args.channel ?? ""))
      if (channel === undefined) return { ok: false, error: "channel_not_found" }
      const oldest = Number(args.oldest ?? 0)
      const withMetadata = args.include_all_metadata === true || args.include_all_metadata === "true"
      const messages = posted
        .filter((message) => message.channel === channel && Number(message.ts) > oldest)
        .reverse()
        .slice(0, Number(args.limit ?? 100))
        .map(({ channel: _, metadata, ...message }) => ({
          type: "message",
          user: "U0BOTUSER",
          bot_id: "B0BOT",
          ...message,
          ...(withMetadata && metadata !== undefined ? { metadata } : {}),
        }))
      return { ok: true, messages, has_more: false }
    },
    "conversations.open": (args) => {
      const user = String(args.users ?? "")
      return users.has(user)
        ? { ok: true, channel: { id: `D${user.slice(1)}` } }
        : { ok: false, error: "user_not_found" }
    },
  }

  const server: Server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request)
      const url = new URL(request.url ?? "/", "http://localhost")
      if (url.pathname.startsWith("/response/")) {
        responses.push({ path: url.pathname, body: parseArgs(request.headers["content-type"] ?? "", raw) })
        for (const wake of [...waiters]) wake()
        answer(response, 200, { ok: true })
        return
      }
      const method = url.pathname.replace(/^\/api\//, "")
      const args = {
        ...Object.fromEntries(url.searchParams),
        ...parseArgs(request.headers["content-type"] ?? "", raw),
      }
      const authorization = request.headers.authorization
      const presented = authorization?.startsWith("Bearer ") ? authorization.slice(7) : args.token
      const callToken = typeof presented === "string" ? presented : undefined
      const handler = methods[method]
      if (handler === undefined) {
        record({ method, args, token: callToken, status: 404 })
        answer(response, 404, { ok: false, error: "unknown_method" })
        return
      }
      const delay = delays.get(method)?.shift()
      if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay))
      const queue = failures.get(method) ?? []
      const at = queue.findIndex((entry) => entry.channel === undefined || entry.channel === args.channel)
      const failure = at === -1 ? undefined : queue.splice(at, 1)[0]?.failure
      if (failure !== undefined) {
        if ("error" in failure) {
          record({ method, args, token: callToken, status: 200 })
          answer(response, 200, { ok: false, error: failure.error })
        } else if (failure.status === 429) {
          record({ method, args, token: callToken, status: 429 })
          answer(
            response,
            429,
            { ok: false, error: "ratelimited" },
            { "retry-after": String(failure.retryAfterSeconds) },
          )
        } else {
          record({ method, args, token: callToken, status: failure.status })
          response.writeHead(failure.status, { "content-type": "text/html" })
          response.end("<html><body>Slack is having trouble</body></html>")
        }
        return
      }
      const expectedToken = method === "apps.connections.open" ? appToken : token
      if (method !== "api.test" && callToken !== expectedToken) {
        record({ method, args, token: callToken, status: 200 })
        answer(response, 200, { ok: false, error: callToken === undefined ? "not_authed" : "invalid_auth" })
        return
      }
      const result = handler(args)
      record({ method, args, token: callToken, status: 200 })
      answer(response, 200, result)
    })().catch((error: unknown) => {
      answer(response, 500, { ok: false, error: "fake_failed", detail: String(error) })
    })
  })

  // The client keeps connections alive; a server that closes an idle one first (Node's default
  // after 5 s) races a reused socket and the call fails with "fetch failed" on a busy machine.
  server.keepAliveTimeout = 120_000
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  const base = `http://127.0.0.1:${port}`

  const callsTo = (method: string) => calls.filter((call) => call.method === method && call.status === 200)

  return {
    apiUrl: `${base}/api/`,
    responseUrl: () => {
      responseCounter += 1
      return `${base}/response/${responseCounter}`
    },
    token,
    teamId,
    calls,
    responses,
    callsTo,
    // Generous: a busy CI machine may take seconds between the acknowledgement and the call.
    waitForCalls: (method, count = 1, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = callsTo(method)
          if (found.length >= count) {
            waiters.delete(check)
            clearTimeout(timer)
            resolve(found)
          }
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`expected ${count} successful ${method} call(s), saw ${callsTo(method).length}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      }),
    failNext: (method, failure, times = 1, onlyChannel) => {
      const queue = failures.get(method) ?? []
      for (let i = 0; i < times; i += 1)
        queue.push(onlyChannel === undefined ? { failure } : { failure, channel: onlyChannel })
      failures.set(method, queue)
    },
    delayNext: (method, millis, times = 1) => {
      const queue = delays.get(method) ?? []
      for (let i = 0; i < times; i += 1) queue.push(millis)
      delays.set(method, queue)
    },
    addUser: (user) => users.set(user.id, user),
    addChannel: (channel) => channels.set(channel.id, channel),
    messages: (channel) => posted.filter((message) => channel === undefined || message.channel === channel),
    reset: () => {
      posted.length = 0
      calls.length = 0
      responses.length = 0
      failures.clear()
      delays.clear()
      seed()
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error === undefined ? resolve() : reject(error)))
      }),
  }
}
