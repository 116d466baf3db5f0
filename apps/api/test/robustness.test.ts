import fc from "fast-check"
import { expect, it } from "vitest"
import { describeApi } from "./support.js"

/** Every route a caller can reach, with its path parameters filled in. */
const targets: ReadonlyArray<readonly [string, string]> = [
  ["POST", "/v1/healthcare-regions"],
  ["PATCH", "/v1/healthcare-regions/hr-vast"],
  ["POST", "/v1/regions"],
  ["PATCH", "/v1/regions/r-vg"],
  ["POST", "/v1/org-units"],
  ["PATCH", "/v1/org-units/ou-vg"],
  ["POST", "/v1/theme-groups"],
  ["PATCH", "/v1/theme-groups/tg-tobak"],
  ["POST", "/v1/theme-groups/tg-alkohol/merge"],
  ["POST", "/v1/people"],
  ["PATCH", "/v1/people/p-anna"],
  ["PUT", "/v1/people/p-anna/preferences"],
  ["POST", "/v1/role-assignments"],
  ["PATCH", "/v1/role-assignments/ra-anna"],
  ["POST", "/v1/reporting-rules"],
  ["PATCH", "/v1/reporting-rules/rr-participant"],
  ["POST", "/v1/regional-bodies"],
  ["PATCH", "/v1/regional-bodies/rb-vg"],
  ["PUT", "/v1/follows/p-anna/tg-alkohol"],
  ["POST", "/v1/meeting-notes"],
  ["POST", "/v1/work-list-items"],
  ["POST", "/v1/digital-hours"],
  ["POST", "/v1/good-examples"],
  ["POST", "/v1/proposal-rounds"],
  ["POST", "/v1/action-plans"],
  ["POST", "/v1/audiences/preview"],
  ["POST", "/v1/updates"],
  ["POST", "/v1/receipts"],
  ["POST", "/v1/tokens"],
]

const readTargets: ReadonlyArray<string> = [
  "/v1/regions",
  "/v1/people",
  "/v1/role-assignments",
  "/v1/reporting-rules",
  "/v1/follows",
  "/v1/updates",
  "/v1/meeting-notes",
  "/v1/good-examples",
  "/v1/receipts",
  "/v1/coverage",
  "/v1/regions/r-vg/meeting-invitees",
]

/** Bodies shaped like ours but wrong in every way: wrong types, unknown ids, odd strings. */
const garbage = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      name: fc.oneof(fc.string(), fc.constant(null)),
      regionId: fc.oneof(fc.string(), fc.constantFrom("r-vg", "r-skane", " r-vg")),
      themeGroupId: fc.oneof(fc.string(), fc.constantFrom("tg-tobak", "tg-alkohol")),
      audience: fc.oneof(fc.jsonValue(), fc.record({ scope: fc.string(), regions: fc.array(fc.string()) })),
      details: fc.oneof(
        fc.jsonValue(),
        fc.record({ kind: fc.constantFrom("meetingNotes", "digitalHour", "x"), meetingDate: fc.string() }),
      ),
      update: fc.jsonValue(),
      draftId: fc.string(),
      deliveryId: fc.string(),
      kind: fc.string(),
      role: fc.constantFrom("admin", "reader", "region-editor", "x"),
      frequency: fc.string(),
      into: fc.string(),
    },
    { requiredKeys: [] },
  ),
)

describeApi("robustness", (api) => {
  it("never answers 500 to garbage bodies on any route", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), garbage, async ([method, path], body) => {
        const response = await api().call("admin", method, path, body)
        expect(response.status, `${method} ${path} ${JSON.stringify(body)} → ${response.text}`).toBeLessThan(
          500,
        )
        if (response.status >= 400)
          expect(response.headers.get("content-type")).toBe("application/problem+json")
      }),
      { numRuns: 150 },
    )
  })

  it("never answers 500 to bodies that are not JSON at all", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.string(), async ([method, path], text) => {
        const response = await api().call("admin", method, path, text, { "content-type": "application/json" })
        expect(response.status, `${method} ${path} ${JSON.stringify(text)}`).toBeLessThan(500)
      }),
      { numRuns: 60 },
    )
  })

  it("never answers 500 to garbage query strings or path segments", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...readTargets),
        fc.dictionary(
          fc.constantFrom("limit", "cursor", "regionId", "kind", "format", "published", "tag", "role", "x"),
          fc.string(),
        ),
        fc.string(),
        async (path, query, segment) => {
          const search = new URLSearchParams(query).toString()
          const response = await api().call("reader", "GET", `${path}?${search}`)
          expect(response.status, `${path}?${search} → ${response.text}`).toBeLessThan(500)
          const item = await api().call(
            "reader",
            "GET",
            `/v1/people/${encodeURIComponent(segment)}/reporting-chain`,
          )
          expect(item.status).toBeLessThan(500)
        },
      ),
      { numRuns: 100 },
    )
  })

  it("refuses bodies over the limit with 413", async () => {
    const huge = { id: "hr-big", name: "x".repeat(2 * 1024 * 1024) }
    const { status, headers } = await api().call("admin", "POST", "/v1/healthcare-regions", huge)
    expect(status).toBe(413)
    expect(headers.get("content-type")).toBe("application/problem+json")
  })

  it("sets secure headers on every answer, problems included", async () => {
    for (const [role, path] of [
      ["reader", "/v1/regions"],
      ["reader", "/v1/coverage"],
      ["reader", "/v1/people/p-nobody"],
      [undefined, "/v1/regions"],
    ] as const) {
      const { headers } = await api().call(role, "GET", path)
      expect(headers.get("x-content-type-options"), path).toBe("nosniff")
      expect(headers.get("strict-transport-security"), path).toContain("max-age")
      expect(headers.get("x-frame-options"), path).toBe("DENY")
      expect(headers.get("content-security-policy"), path).toContain("default-src 'none'")
    }
  })

  it("tells a token how much of its budget is left", async () => {
    const { headers } = await api().call("reader", "GET", "/v1/regions")
    expect(headers.get("ratelimit")).toMatch(/limit=\d+, remaining=\d+/)
  })

  it("answers a replayed POST with the first response and creates nothing new", async () => {
    const body = {
      update: {
        themeGroupId: "tg-tobak",
        title: "En gång",
        audience: { scope: "network", themeGroups: ["tg-tobak"] },
        details: { kind: "meetingNotes", meetingDate: "2026-05-01" },
      },
    }
    const headers = { "idempotency-key": "publish-once-1" }
    const first = await api().call("admin", "POST", "/v1/updates", body, headers)
    expect(first.status).toBe(201)
    const replay = await api().call("admin", "POST", "/v1/updates", body, headers)
    expect(replay.status).toBe(201)
    expect(replay.body).toEqual(first.body)
    expect(replay.headers.get("idempotent-replayed")).toBe("true")
    const listed = await api().call("reader", "GET", "/v1/meeting-notes?limit=500")
    expect(
      (listed.body as { items: Array<{ title: string }> }).items.filter((u) => u.title === "En gång"),
    ).toHaveLength(1)
  })

  it("refuses the same Idempotency-Key for a different request", async () => {
    const headers = { "idempotency-key": "hr-key" }
    const first = await api().call(
      "admin",
      "POST",
      "/v1/healthcare-regions",
      { id: "hr-a", name: "A" },
      headers,
    )
    expect(first.status).toBe(201)
    const other = await api().call(
      "admin",
      "POST",
      "/v1/healthcare-regions",
      { id: "hr-b", name: "B" },
      headers,
    )
    expect(other.status).toBe(422)
    expect((await api().call("reader", "GET", "/v1/healthcare-regions/hr-b")).status).toBe(404)
  })

  it("keys idempotency per token: another token's same key is its own request", async () => {
    const headers = { "idempotency-key": "shared-key" }
    const mine = await api().call(
      "admin",
      "POST",
      "/v1/audiences/preview",
      { audience: { scope: "network" } },
      headers,
    )
    const theirs = await api().call(
      "reader",
      "POST",
      "/v1/audiences/preview",
      { audience: { scope: "public" } },
      headers,
    )
    expect(mine.status).toBe(200)
    expect(theirs.status).toBe(200)
    expect(theirs.headers.get("idempotent-replayed")).toBeNull()
  })
})

describeApi(
  "rate limit",
  (api) => {
    it("answers 429 with Retry-After once a token has used its budget, and only for that token", async () => {
      const statuses: number[] = []
      let retryAfter: string | null = null
      for (let i = 0; i < 6; i++) {
        const response = await api().call("reader", "GET", "/v1/regions")
        statuses.push(response.status)
        if (response.status === 429) {
          retryAfter = response.headers.get("retry-after")
          expect(response.headers.get("content-type")).toBe("application/problem+json")
          expect(response.headers.get("ratelimit-policy")).toBe("5;w=60")
          expect(response.headers.get("ratelimit")).toMatch(/^limit=5, remaining=0, reset=\d+$/)
          expect(response.headers.get("x-content-type-options")).toBe("nosniff")
        } else {
          expect(response.headers.get("ratelimit")).toMatch(
            new RegExp(`^limit=5, remaining=${4 - i}, reset=\\d+$`),
          )
        }
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
      expect(statuses[5]).toBe(429)
      expect(Number(retryAfter)).toBeGreaterThan(0)
      expect((await api().call("admin", "GET", "/v1/regions")).status).toBe(200)
    })
  },
  { api: { rateLimit: { limit: 5, windowMillis: 60_000 } } },
)

describeApi("media types", (api) => {
  it("refuses a body that is not sent as JSON with 415, naming the header", async () => {
    const response = await api().app.request("/v1/healthcare-regions", {
      method: "POST",
      headers: { authorization: `Bearer ${api().tokens.admin}`, "content-type": "text/plain" },
      body: JSON.stringify({ id: "hr-text", name: "Text" }),
    })
    expect(response.status).toBe(415)
    expect(await response.json()).toMatchObject({ errors: [{ in: "header", path: "content-type" }] })
  })
})
