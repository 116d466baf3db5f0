/**
 * Slack retries an event it thinks we missed (`x-slack-retry-num`), and a signed request can
 * be replayed within the five-minute window. Each carries the same `event_id` or
 * `trigger_id` as the first, so remembering those for a little longer than both windows
 * means no request is acted on twice. The stores behind the listeners are idempotent too
 * (receipts, follows, posts keyed by the modal's view id); this guard spares them the work
 * and keeps a retried `views.open` or message from reaching the user twice.
 */
export interface SeenRequests {
  /** True the first time `key` is offered within the window, false after. */
  readonly firstTime: (key: string, nowMilliseconds: number) => boolean
  /** A request that failed before it was acknowledged may be retried by Slack and should run then. */
  readonly forget: (key: string) => void
  readonly size: () => number
}

export const makeSeenRequests = (windowMilliseconds = 15 * 60 * 1000): SeenRequests => {
  const seenAt = new Map<string, number>()
  const forgetOld = (now: number) => {
    for (const [key, at] of seenAt) {
      if (now - at <= windowMilliseconds) break
      seenAt.delete(key)
    }
  }
  return {
    firstTime: (key, now) => {
      forgetOld(now)
      if (seenAt.has(key)) return false
      seenAt.set(key, now)
      return true
    },
    forget: (key) => {
      seenAt.delete(key)
    },
    size: () => seenAt.size,
  }
}

/** The id Slack keeps across retries of one request: the event's id or the interaction's trigger. */
export const requestIdentity = (body: Readonly<Record<string, unknown>>): string | undefined => {
  if (typeof body.event_id === "string") return `event:${body.event_id}`
  if (typeof body.trigger_id === "string") return `trigger:${body.trigger_id}`
  const actions = body.actions
  if (Array.isArray(actions) && typeof body.user === "object" && body.user !== null) {
    const first: unknown = actions[0]
    const userId = (body.user as { id?: unknown }).id
    if (typeof first === "object" && first !== null && typeof userId === "string") {
      const actionTs = (first as { action_ts?: unknown }).action_ts
      if (typeof actionTs === "string") return `action:${userId}:${actionTs}`
    }
  }
  return undefined
}
