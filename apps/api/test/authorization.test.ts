import { expect, it } from "vitest"
import { describeApi, type Role, type TestApi } from "./support.js"

let sequence = 0
const fresh = (prefix: string) => `${prefix}-${++sequence}`

const person = (id: string, regionId: string) => ({
  id,
  name: "Matris Person",
  email: `${id}@example.se`,
  function: "clinician",
  regionId,
  preferences: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
})

const notes = (themeGroupId: string | undefined, regions?: ReadonlyArray<string>) => ({
  ...(themeGroupId === undefined ? {} : { themeGroupId }),
  title: "Minnesanteckningar",
  audience: { scope: "network", ...(regions === undefined ? {} : { regions }) },
  details: { kind: "meetingNotes", meetingDate: "2026-03-14" },
})

/** Rules are unique per region, roles and relation; each call takes the next combination. */
const ruleRoles = [
  "participant",
  "chair",
  "contactPerson",
  "processLeader",
  "presidiumMember",
  "management",
  "bodyMember",
]
let ruleSequence = 0
const distinctRule = () => {
  const n = ruleSequence++
  return { from: ruleRoles[n % 7], to: ruleRoles[Math.floor(n / 7) % 7], relation: "getsInputFrom" }
}

const newPerson = async (api: TestApi, regionId: string) => {
  const id = fresh("p")
  await api.call("admin", "POST", "/v1/people", person(id, regionId))
  return id
}

interface Call {
  readonly method: string
  readonly path: string
  readonly body?: unknown
}

/**
 * One mutating route: a request inside the editors' scopes (region r-vg, theme group
 * tg-tobak) and one outside (r-skane, tg-alkohol), and which roles may make each.
 */
interface Mutation {
  readonly route: string
  readonly inside: (api: TestApi) => Promise<Call> | Call
  readonly outside?: (api: TestApi) => Promise<Call> | Call
  readonly mayInside: ReadonlyArray<Role>
}

const adminOnly: ReadonlyArray<Role> = ["admin"]

const proposalRound = async (api: TestApi, themeGroupId: string) => {
  const round = await api.call("admin", "POST", "/v1/proposal-rounds", {
    themeGroupId,
    title: "Förslag inför handlingsplan",
    audience: { scope: "network" },
    details: { kind: "proposalRound", deadline: "2099-01-01T00:00:00Z" },
  })
  return (round.body as { id: string }).id
}

const proposal = async (api: TestApi, themeGroupId: string) => {
  const roundId = await proposalRound(api, themeGroupId)
  const submitted = await api.call("admin", "POST", `/v1/proposal-rounds/${roundId}/proposals`, {
    regionId: "r-skane",
    text: "Mer om snus",
  })
  return { roundId, proposalId: (submitted.body as { id: string }).id }
}

const deliveryIn = async (api: TestApi, regionId: string) => {
  const published = await api.call("admin", "POST", "/v1/updates", { update: notes("tg-tobak", [regionId]) })
  const updateId = (published.body as { update: { id: string } }).update.id
  const plan = await api.call("admin", "GET", `/v1/updates/${updateId}/plan`)
  expect(plan.status).toBe(200)
  const { run } = api
  const { Outbox } = await import("@spridning/db")
  const deliveries = await run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
  const delivery = deliveries.find((d) => d.regionId === regionId)
  if (delivery === undefined) throw new Error(`no delivery in ${regionId}`)
  return delivery.id
}

const mutations: ReadonlyArray<Mutation> = [
  {
    route: "POST /v1/healthcare-regions",
    inside: () => ({ method: "POST", path: "/v1/healthcare-regions", body: { id: fresh("hr"), name: "Ny" } }),
    mayInside: adminOnly,
  },
  {
    route: "PATCH /v1/healthcare-regions/{id}",
    inside: () => ({ method: "PATCH", path: "/v1/healthcare-regions/hr-vast", body: { name: "Västra" } }),
    mayInside: adminOnly,
  },
  {
    route: "POST /v1/regions",
    inside: () => ({
      method: "POST",
      path: "/v1/regions",
      body: { id: fresh("r"), name: "Ny region", kind: "region", healthcareRegionIds: ["hr-vast"] },
    }),
    mayInside: adminOnly,
  },
  {
    route: "PATCH /v1/regions/{id}",
    inside: () => ({ method: "PATCH", path: "/v1/regions/r-vg", body: { name: "Västra Götalandsregionen" } }),
    outside: () => ({ method: "PATCH", path: "/v1/regions/r-skane", body: { name: "Region Skåne" } }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "POST /v1/org-units",
    inside: () => ({
      method: "POST",
      path: "/v1/org-units",
      body: { id: fresh("ou"), regionId: "r-vg", name: "Enhet", sector: "care" },
    }),
    outside: () => ({
      method: "POST",
      path: "/v1/org-units",
      body: { id: fresh("ou"), regionId: "r-skane", name: "Enhet", sector: "care" },
    }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "PATCH /v1/org-units/{id}",
    inside: () => ({ method: "PATCH", path: "/v1/org-units/ou-vg", body: { name: "Folkhälsa VG" } }),
    outside: () => ({ method: "PATCH", path: "/v1/org-units/ou-skane", body: { name: "Vårdcentral Skåne" } }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "PATCH /v1/org-units/{id} (moving a unit out of the editor's region)",
    inside: () => ({ method: "PATCH", path: "/v1/org-units/ou-vg", body: { regionId: "r-skane" } }),
    mayInside: adminOnly,
  },
  {
    route: "POST /v1/theme-groups",
    inside: () => ({
      method: "POST",
      path: "/v1/theme-groups",
      body: { id: fresh("tg"), name: "Ny grupp", topic: "ny", status: "active", wantedFunctions: [] },
    }),
    mayInside: adminOnly,
  },
  {
    route: "PATCH /v1/theme-groups/{id}",
    inside: () => ({ method: "PATCH", path: "/v1/theme-groups/tg-tobak", body: { topic: "tobak" } }),
    outside: () => ({ method: "PATCH", path: "/v1/theme-groups/tg-alkohol", body: { topic: "alkohol" } }),
    mayInside: ["admin", "group-editor"],
  },
  {
    route: "POST /v1/theme-groups/{id}/merge",
    inside: async (api) => {
      const id = fresh("tg-merge")
      await api.call("admin", "POST", "/v1/theme-groups", {
        id,
        name: id,
        topic: id,
        status: "active",
        wantedFunctions: [],
      })
      return { method: "POST", path: `/v1/theme-groups/${id}/merge`, body: { into: "tg-tobak" } }
    },
    mayInside: adminOnly,
  },
  {
    route: "POST /v1/people",
    inside: () => ({ method: "POST", path: "/v1/people", body: person(fresh("p"), "r-vg") }),
    outside: () => ({ method: "POST", path: "/v1/people", body: person(fresh("p"), "r-skane") }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "PATCH /v1/people/{id}",
    inside: () => ({ method: "PATCH", path: "/v1/people/p-anna", body: { name: "Anna Andersson" } }),
    outside: () => ({ method: "PATCH", path: "/v1/people/p-dan", body: { name: "Dan Dahl" } }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "PUT /v1/people/{id}/preferences",
    inside: () => ({
      method: "PUT",
      path: "/v1/people/p-bo/preferences",
      body: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
    }),
    outside: () => ({
      method: "PUT",
      path: "/v1/people/p-dan/preferences",
      body: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
    }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "POST /v1/role-assignments (a theme-group role)",
    inside: async (api) => ({
      method: "POST",
      path: "/v1/role-assignments",
      body: {
        id: fresh("ra"),
        personId: await newPerson(api, "r-vg"),
        role: "participant",
        regionId: "r-vg",
        themeGroupId: "tg-tobak",
      },
    }),
    outside: async (api) => ({
      method: "POST",
      path: "/v1/role-assignments",
      body: {
        id: fresh("ra"),
        personId: await newPerson(api, "r-skane"),
        role: "participant",
        regionId: "r-skane",
        themeGroupId: "tg-alkohol",
      },
    }),
    mayInside: ["admin", "region-editor", "group-editor"],
  },
  {
    route: "POST /v1/role-assignments (a region role)",
    inside: async (api) => ({
      method: "POST",
      path: "/v1/role-assignments",
      body: {
        id: fresh("ra"),
        personId: await newPerson(api, "r-vg"),
        role: "presidiumMember",
        regionId: "r-vg",
      },
    }),
    outside: async (api) => ({
      method: "POST",
      path: "/v1/role-assignments",
      body: {
        id: fresh("ra"),
        personId: await newPerson(api, "r-skane"),
        role: "presidiumMember",
        regionId: "r-skane",
      },
    }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "PATCH /v1/role-assignments/{id}",
    inside: () => ({ method: "PATCH", path: "/v1/role-assignments/ra-anna", body: { role: "participant" } }),
    outside: () => ({
      method: "PATCH",
      path: "/v1/role-assignments/ra-cia-alk",
      body: { role: "participant" },
    }),
    mayInside: ["admin", "region-editor", "group-editor"],
  },
  {
    route: "POST /v1/reporting-rules",
    inside: () => ({
      method: "POST",
      path: "/v1/reporting-rules",
      body: { id: fresh("rr"), regionId: "r-vg", ...distinctRule() },
    }),
    outside: () => ({
      method: "POST",
      path: "/v1/reporting-rules",
      body: { id: fresh("rr"), ...distinctRule() },
    }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "PATCH /v1/reporting-rules/{id}",
    inside: () => ({
      method: "PATCH",
      path: "/v1/reporting-rules/rr-vg-input",
      body: { relation: "getsInputFrom" },
    }),
    outside: () => ({
      method: "PATCH",
      path: "/v1/reporting-rules/rr-skane",
      body: { relation: "reportsTo" },
    }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "POST /v1/regional-bodies",
    inside: () => ({
      method: "POST",
      path: "/v1/regional-bodies",
      body: { id: fresh("rb"), regionId: "r-vg", kind: "network", name: "Nätverk", wantedSectors: [] },
    }),
    outside: () => ({
      method: "POST",
      path: "/v1/regional-bodies",
      body: { id: fresh("rb"), regionId: "r-skane", kind: "network", name: "Nätverk", wantedSectors: [] },
    }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "PATCH /v1/regional-bodies/{id}",
    inside: () => ({
      method: "PATCH",
      path: "/v1/regional-bodies/rb-vg",
      body: { name: "Regionalt råd VG" },
    }),
    outside: () => ({
      method: "PATCH",
      path: "/v1/regional-bodies/rb-skane",
      body: { name: "Nätverk Skåne" },
    }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "PUT /v1/follows/{personId}/{themeGroupId}",
    inside: () => ({ method: "PUT", path: "/v1/follows/p-bo/tg-alkohol", body: { frequency: "weekly" } }),
    outside: () => ({ method: "PUT", path: "/v1/follows/p-dan/tg-alkohol", body: { frequency: "weekly" } }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "DELETE /v1/follows/{personId}/{themeGroupId}",
    inside: async (api) => {
      await api.call("admin", "PUT", "/v1/follows/p-anna/tg-alkohol", { frequency: "weekly" })
      return { method: "DELETE", path: "/v1/follows/p-anna/tg-alkohol" }
    },
    outside: async (api) => {
      await api.call("admin", "PUT", "/v1/follows/p-cia/tg-tobak", { frequency: "weekly" })
      return { method: "DELETE", path: "/v1/follows/p-cia/tg-tobak" }
    },
    mayInside: ["admin", "region-editor"],
  },
  ...(
    [
      "meeting-notes",
      "work-list-items",
      "digital-hours",
      "good-examples",
      "proposal-rounds",
      "action-plans",
    ] as const
  ).map((path): Mutation => {
    const details = {
      "meeting-notes": { kind: "meetingNotes", meetingDate: "2026-03-14" },
      "work-list-items": { kind: "workListItem", status: "ongoing" },
      "digital-hours": {
        kind: "digitalHour",
        startsAt: "2099-04-01T12:00:00Z",
        endsAt: "2099-04-01T13:00:00Z",
      },
      "good-examples": { kind: "goodExample", tags: ["regionalt nätverk"] },
      "proposal-rounds": { kind: "proposalRound", deadline: "2099-01-01T00:00:00Z" },
      "action-plans": { kind: "actionPlan", planYear: 2027 },
    }[path]
    const draft = (themeGroupId: string) => ({
      method: "POST",
      path: `/v1/${path}`,
      body: { themeGroupId, title: "Utkast", audience: { scope: "network" }, details },
    })
    return {
      route: `POST /v1/${path}`,
      inside: () => draft("tg-tobak"),
      outside: () => draft("tg-alkohol"),
      mayInside: ["admin", "group-editor"],
    }
  }),
  {
    route: "POST /v1/updates (a theme group's update)",
    inside: () => ({ method: "POST", path: "/v1/updates", body: { update: notes("tg-tobak") } }),
    outside: () => ({ method: "POST", path: "/v1/updates", body: { update: notes("tg-alkohol") } }),
    mayInside: ["admin", "group-editor"],
  },
  {
    route: "POST /v1/updates (one region's own update)",
    inside: () => ({ method: "POST", path: "/v1/updates", body: { update: notes(undefined, ["r-vg"]) } }),
    outside: () => ({ method: "POST", path: "/v1/updates", body: { update: notes(undefined, ["r-skane"]) } }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "POST /v1/proposal-rounds/{id}/proposals",
    inside: async (api) => ({
      method: "POST",
      path: `/v1/proposal-rounds/${await proposalRound(api, "tg-tobak")}/proposals`,
      body: { regionId: "r-vg", text: "Förslag" },
    }),
    outside: async (api) => ({
      method: "POST",
      path: `/v1/proposal-rounds/${await proposalRound(api, "tg-tobak")}/proposals`,
      body: { regionId: "r-skane", text: "Förslag" },
    }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "POST /v1/proposal-rounds/{id}/proposals/{proposalId}/answer",
    inside: async (api) => {
      const { roundId, proposalId } = await proposal(api, "tg-tobak")
      return {
        method: "POST",
        path: `/v1/proposal-rounds/${roundId}/proposals/${proposalId}/answer`,
        body: { status: "accepted" },
      }
    },
    outside: async (api) => {
      const { roundId, proposalId } = await proposal(api, "tg-alkohol")
      return {
        method: "POST",
        path: `/v1/proposal-rounds/${roundId}/proposals/${proposalId}/answer`,
        body: { status: "accepted" },
      }
    },
    mayInside: ["admin", "group-editor"],
  },
  {
    route: "POST /v1/receipts",
    inside: async (api) => ({
      method: "POST",
      path: "/v1/receipts",
      body: { deliveryId: await deliveryIn(api, "r-vg"), kind: "read" },
    }),
    outside: async (api) => ({
      method: "POST",
      path: "/v1/receipts",
      body: { deliveryId: await deliveryIn(api, "r-skane"), kind: "read" },
    }),
    mayInside: ["admin", "region-editor"],
  },
  {
    route: "POST /v1/tokens",
    inside: () => ({ method: "POST", path: "/v1/tokens", body: { role: "reader", name: fresh("token") } }),
    mayInside: adminOnly,
  },
  {
    route: "DELETE /v1/tokens/{id}",
    inside: async (api) => {
      const created = await api.call("admin", "POST", "/v1/tokens", { role: "reader", name: fresh("doomed") })
      return { method: "DELETE", path: `/v1/tokens/${(created.body as { token: { id: string } }).token.id}` }
    },
    mayInside: adminOnly,
  },
]

const roles: ReadonlyArray<Role> = ["admin", "region-editor", "group-editor", "reader"]

describeApi("authorization", (api) => {
  it("answers 401 with a problem and a challenge when the token is missing, malformed or unknown", async () => {
    for (const headers of [{}, { authorization: "Basic abc" }, { authorization: "Bearer spr_not-a-token" }]) {
      const response = await api().app.request("/v1/regions", { headers })
      expect(response.status).toBe(401)
      expect(response.headers.get("content-type")).toBe("application/problem+json")
      expect(response.headers.get("www-authenticate")).toContain("Bearer")
    }
  })

  it("stops accepting a token once it is revoked", async () => {
    const created = await api().call("admin", "POST", "/v1/tokens", { role: "reader", name: "short-lived" })
    const { token, secret } = created.body as { token: { id: string }; secret: string }
    const before = await api().app.request("/v1/regions", { headers: { authorization: `Bearer ${secret}` } })
    expect(before.status).toBe(200)
    expect((await api().call("admin", "DELETE", `/v1/tokens/${token.id}`)).status).toBe(204)
    const after = await api().app.request("/v1/regions", { headers: { authorization: `Bearer ${secret}` } })
    expect(after.status).toBe(401)
  })

  it("refuses a region-editor token that names no region", async () => {
    const { status, body } = await api().call("admin", "POST", "/v1/tokens", {
      role: "region-editor",
      name: "x",
    })
    expect(status).toBe(422)
    expect(body).toMatchObject({ errors: [{ path: "regionId" }] })
  })

  for (const mutation of mutations) {
    for (const role of roles) {
      const inside = mutation.mayInside.includes(role)
      it(`${mutation.route}: ${role} ${inside ? "may" : "may not"} change what lies in its scope`, async () => {
        const call = await mutation.inside(api())
        const response = await api().call(role, call.method, call.path, call.body)
        if (inside) expect(response.status, response.text).toBeLessThan(300)
        else {
          expect(response.status, response.text).toBe(403)
          expect(response.body).toMatchObject({ status: 403, detail: expect.any(String) })
        }
      })
      if (mutation.outside !== undefined) {
        const outside = role === "admin"
        it(`${mutation.route}: ${role} ${outside ? "may" : "may not"} change what lies outside an editor's scope`, async () => {
          const call = await (mutation.outside as NonNullable<Mutation["outside"]>)(api())
          const response = await api().call(role, call.method, call.path, call.body)
          if (outside) expect(response.status, response.text).toBeLessThan(300)
          else expect(response.status, response.text).toBe(403)
        })
      }
    }
  }

  it("writes every change to the audit log with the token's identity", async () => {
    const { AuditLog } = await import("@spridning/db")
    await api().call("region-editor", "PATCH", "/v1/people/p-bo", { name: "Bo Berg (ändrad)" })
    const tokens = await api().call("admin", "GET", "/v1/tokens")
    const editor = (tokens.body as { items: Array<{ id: string; role: string; name: string }> }).items.find(
      (t) => t.name === "VG process leader",
    )
    const entries = await api().run(AuditLog.use((log) => log.list({ entity: "person", entityId: "p-bo" })))
    expect(entries[0]).toMatchObject({ actor: `token:${editor?.id}`, action: "update" })
  })

  it("changes nothing when it refuses", async () => {
    const refused = await api().call("group-editor", "PATCH", "/v1/people/p-dan", { name: "Hackad" })
    expect(refused.status).toBe(403)
    const read = await api().call("reader", "GET", "/v1/people/p-dan")
    expect(read.body).toMatchObject({ name: "Dan Dahl" })
  })
})
