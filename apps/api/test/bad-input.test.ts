import { StoreError } from "@spridning/core"
import { Hono } from "hono"
import { expect, it } from "vitest"
import { problemOf } from "../src/http/api-problem.js"
import { describeApi } from "./support.js"

const newPerson = (overrides: Record<string, unknown> = {}) => ({
  id: "p-new",
  name: "Ny Person",
  email: "ny@example.se",
  function: "clinician",
  regionId: "r-vg",
  preferences: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
  ...overrides,
})

const notes = (meetingDate: string) => ({
  title: "Möte",
  body: "Anteckningar",
  themeGroupId: "tg-tobak",
  audience: { scope: "network" },
  details: { kind: "meetingNotes", meetingDate },
})

describeApi("bad input is the caller's, never an outage", (api) => {
  it("refuses a NUL byte in any text with 400 naming the field", async () => {
    const name = await api().call("admin", "POST", "/v1/people", newPerson({ name: "Ny\u0000Person" }))
    expect(name.status).toBe(400)
    expect(name.headers.get("content-type")).toBe("application/problem+json")
    expect(name.body).toMatchObject({
      status: 400,
      errors: [{ in: "body", path: "name", message: "must not contain the NUL character (\\u0000)" }],
    })

    const nested = await api().call("admin", "PUT", "/v1/people/p-anna/preferences", {
      channels: ["email"],
      language: "sv",
      optedOutOfAll: false,
      optedOutOfThemeGroups: ["tg-\u0000"],
    })
    expect(nested.status).toBe(400)
    expect(nested.body).toMatchObject({ errors: [{ path: "optedOutOfThemeGroups.0" }] })

    const query = await api().call("admin", "GET", "/v1/people?regionId=r%00vg")
    expect(query.status).toBe(400)
    expect(query.body).toMatchObject({ errors: [{ in: "query", path: "regionId" }] })

    const path = await api().call("admin", "GET", "/v1/people/p%00anna")
    expect(path.status).toBe(400)
    expect(path.body).toMatchObject({ errors: [{ in: "path", path: "id" }] })
  })

  it("refuses dates that are not in the calendar, and year 0, with 400 naming the field", async () => {
    const february = await api().call("admin", "POST", "/v1/meeting-notes", notes("2026-02-30"))
    expect(february.status).toBe(400)
    expect(february.body).toMatchObject({
      detail: "The request body has 1 invalid field: details.meetingDate",
      errors: [
        { in: "body", path: "details.meetingDate", message: "is not a date in the calendar (2026-02-30)" },
      ],
    })
    const yearZero = await api().call("admin", "POST", "/v1/meeting-notes", notes("0000-01-01"))
    expect(yearZero.status).toBe(400)
    expect(yearZero.body).toMatchObject({
      errors: [{ path: "details.meetingDate", message: "must be a date between year 1 and 9999" }],
    })
    const hour = await api().call("admin", "POST", "/v1/digital-hours", {
      title: "Digital timme",
      body: "Välkomna",
      themeGroupId: "tg-tobak",
      audience: { scope: "network" },
      details: { kind: "digitalHour", startsAt: "2027-04-31T09:00:00Z", endsAt: "2027-05-01T25:00:00Z" },
    })
    expect(hour.status).toBe(400)
    expect(hour.body).toMatchObject({
      errors: [
        { path: "details.startsAt", message: "is not a date in the calendar (2027-04-31)" },
        { path: "details.endsAt", message: "is not a date in the calendar (2027-05-01)" },
      ],
    })
    // A leap day is a real date.
    const leapDay = await api().call("admin", "POST", "/v1/meeting-notes", notes("2028-02-29"))
    expect(leapDay.status).toBe(201)
  })

  it("refuses numbers outside what is stored (32-bit) with 400 naming the field", async () => {
    const plan = await api().call("admin", "POST", "/v1/action-plans", {
      title: "Handlingsplan",
      body: "Plan",
      themeGroupId: "tg-tobak",
      audience: { scope: "network" },
      details: { kind: "actionPlan", planYear: 2147483648 },
    })
    expect(plan.status).toBe(400)
    expect(plan.body).toMatchObject({
      errors: [
        { in: "body", path: "details.planYear", message: "must be between -2147483648 and 2147483647" },
      ],
    })
  })

  it("explains a value the database refused in words, as 400, never as 503 or SQL", () => {
    const refused = new StoreError({
      operation: "create update",
      cause: { code: "22003", message: 'value "2147483648" is out of range for type integer', table: "" },
    })
    expect(problemOf(refused, "/v1/action-plans")).toEqual({
      type: "https://spridning.se/problems/invalid-request",
      title: "The request is invalid",
      status: 400,
      detail:
        "Cannot store this record: a number is outside the range that can be stored (whole numbers: -2147483648 to 2147483647).",
      instance: "/v1/action-plans",
    })
    const checkBroken = new StoreError({
      operation: "update role",
      cause: {
        code: "23514",
        table: "role_assignments",
        constraint: "role_assignments_theme_group_roles",
        detail: "Failing row contains (ra-x, p-anna, participant, r-vg, null, null, 2026-01-01).",
      },
    })
    const problem = problemOf(checkBroken, "/v1/role-assignments/ra-x")
    expect(problem.status).toBe(422)
    expect(problem.detail).toBe(
      "Invalid roleAssignment: participant, chair and contact person are held in a theme group (give themeGroupId); other roles are not.",
    )
    const outage = new StoreError({ operation: "list people", cause: new Error("connect ECONNREFUSED") })
    expect(problemOf(outage, "/v1/people").status).toBe(503)
  })

  it("answers problem+json 404 for unknown routes, also when mounted inside another app", async () => {
    const direct = await api().call("admin", "GET", "/v1/no-such-thing")
    expect(direct.status).toBe(404)
    expect(direct.headers.get("content-type")).toBe("application/problem+json")
    expect(direct.body).toMatchObject({ status: 404, detail: "Nothing at GET /v1/no-such-thing." })

    const composed = new Hono()
    composed.get("/healthz", (c) => c.json({ status: "alive" }))
    composed.route("/", api().app)
    const outside = await composed.request("/no-such-page")
    expect(outside.status).toBe(404)
    expect(outside.headers.get("content-type")).toBe("application/problem+json")
    expect(await outside.json()).toMatchObject({ status: 404, detail: "Nothing at GET /no-such-page." })
    expect((await composed.request("/healthz")).status).toBe(200)
  })

  it("answers 404, not 401, for an unknown /v1 path asked without a token", async () => {
    for (const [method, path] of [
      ["GET", "/v1/no-such-thing"],
      ["POST", "/v1/regions/r-vg/no-such-thing"],
      ["GET", "/v1"],
    ] as const) {
      const anonymous = await api().call(undefined, method, path)
      expect(anonymous.status).toBe(404)
      expect(anonymous.headers.get("content-type")).toBe("application/problem+json")
      expect(anonymous.body).toMatchObject({ status: 404, detail: `Nothing at ${method} ${path}.` })
    }
    // A route that exists still asks for the token first.
    const known = await api().call(undefined, "GET", "/v1/regions")
    expect(known.status).toBe(401)
    expect(known.headers.get("www-authenticate")).toBe('Bearer realm="spridning"')
  })

  it("refuses a cursor it did not hand out the same way on every list", async () => {
    const lists = [
      "/v1/people",
      "/v1/regions",
      "/v1/role-assignments",
      "/v1/reporting-rules",
      "/v1/follows",
      "/v1/updates",
      "/v1/meeting-notes",
      "/v1/receipts",
    ]
    for (const list of lists) {
      const answer = await api().call("admin", "GET", `${list}?cursor=abc`)
      expect({ list, status: answer.status, body: answer.body }).toEqual({
        list,
        status: 400,
        body: {
          type: "https://spridning.se/problems/invalid-request",
          title: "The request is invalid",
          status: 400,
          detail: "The query string has 1 invalid field: cursor",
          instance: list,
          errors: [{ in: "query", path: "cursor", message: "is not a cursor from a previous page" }],
        },
      })
    }
    // A cursor handed out by one page leads to the next.
    const first = await api().call("admin", "GET", "/v1/people?limit=2")
    const next = (first.body as { nextCursor: string }).nextCursor
    const second = await api().call("admin", "GET", `/v1/people?limit=2&cursor=${next}`)
    expect((second.body as { items: Array<{ id: string }> }).items.map((p) => p.id)).toEqual([
      "p-chair",
      "p-cia",
    ])
  })
})
