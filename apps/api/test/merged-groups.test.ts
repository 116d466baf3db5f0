import { expect, it } from "vitest"
import { describeApi } from "./support.js"

interface Problem {
  readonly status: number
  readonly detail: string
}

interface Page {
  readonly items: ReadonlyArray<{ readonly id: string; readonly themeGroupId?: string }>
}

const notes = (id: string, themeGroupId: string) => ({
  id,
  themeGroupId,
  title: `Anteckningar ${id}`,
  audience: { scope: "network", themeGroups: [themeGroupId] },
  details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
})

// "slå ihop till en om levnadsvanor": Snus is started, written to, then merged into Tobak.
describeApi("a merged theme group", (api) => {
  const snusIntoTobak = 'Theme group "tg-snus" has been merged into "tg-tobak" (Tobaksprevention)'

  it("is merged after it took a member, a note and a draft", async () => {
    const created = await api().call("admin", "POST", "/v1/theme-groups", {
      id: "tg-snus",
      name: "Snusprevention",
      topic: "snus",
      status: "active",
      wantedFunctions: [],
    })
    expect(created.status, created.text).toBe(201)
    const role = await api().call("admin", "POST", "/v1/role-assignments", {
      id: "ra-snus-anna",
      personId: "p-anna",
      role: "participant",
      regionId: "r-vg",
      themeGroupId: "tg-snus",
    })
    expect(role.status, role.text).toBe(201)
    const published = await api().call("admin", "POST", "/v1/updates", {
      update: notes("u-snus-old", "tg-snus"),
    })
    expect(published.status, published.text).toBe(201)
    const draft = await api().call("admin", "POST", "/v1/meeting-notes", notes("u-snus-draft", "tg-snus"))
    expect(draft.status, draft.text).toBe(201)
    const tobak = await api().call("admin", "POST", "/v1/meeting-notes", notes("u-tobak-new", "tg-tobak"))
    expect(tobak.status, tobak.text).toBe(201)
    const merged = await api().call("admin", "POST", "/v1/theme-groups/tg-snus/merge", { into: "tg-tobak" })
    expect(merged.status, merged.text).toBe(200)
  })

  it("refuses a new draft with 409 naming the group it was merged into", async () => {
    const refused = await api().call("admin", "POST", "/v1/meeting-notes", notes("u-snus-new", "tg-snus"))
    expect(refused.status).toBe(409)
    expect(refused.headers.get("content-type")).toBe("application/problem+json")
    expect((refused.body as Problem).detail).toBe(
      `${snusIntoTobak}: it takes no new updates; publish to "tg-tobak" instead.`,
    )
  })

  it("refuses publishing to it, new or from a draft written before the merge", async () => {
    const direct = await api().call("admin", "POST", "/v1/updates", {
      update: notes("u-snus-pub", "tg-snus"),
    })
    expect([direct.status, (direct.body as Problem).detail]).toEqual([
      409,
      `${snusIntoTobak}: it takes no new updates; publish to "tg-tobak" instead.`,
    ])
    const fromDraft = await api().call("admin", "POST", "/v1/updates", { draftId: "u-snus-draft" })
    expect(fromDraft.status).toBe(409)
    const stillDraft = await api().call("admin", "GET", "/v1/updates/u-snus-draft")
    expect((stillDraft.body as { publishedAt?: string }).publishedAt).toBeUndefined()
  })

  it("refuses an update of an active group whose audience names the merged one", async () => {
    const refused = await api().call("admin", "POST", "/v1/updates", {
      update: {
        ...notes("u-tobak-aud", "tg-tobak"),
        audience: { scope: "network", themeGroups: ["tg-snus"] },
      },
    })
    expect([refused.status, (refused.body as Problem).detail]).toEqual([
      409,
      `${snusIntoTobak}: its members and followers are now in "tg-tobak"; name that group in the audience instead.`,
    ])
  })

  it("refuses a follow and a role on it, and stores neither", async () => {
    const follow = await api().call("admin", "PUT", "/v1/follows/p-bo/tg-snus", { frequency: "weekly" })
    expect([follow.status, (follow.body as Problem).detail]).toEqual([
      409,
      `${snusIntoTobak}: it takes no new followers; follow "tg-tobak" instead.`,
    ])
    const role = await api().call("admin", "POST", "/v1/role-assignments", {
      id: "ra-snus-bo",
      personId: "p-bo",
      role: "contactPerson",
      regionId: "r-vg",
      themeGroupId: "tg-snus",
    })
    expect([role.status, (role.body as Problem).detail]).toEqual([
      409,
      `${snusIntoTobak}: it takes no new roles; assign the role in "tg-tobak" instead.`,
    ])
    const follows = await api().call("admin", "GET", "/v1/follows?themeGroupId=tg-snus")
    expect((follows.body as Page).items).toEqual([])
    const roles = await api().call("admin", "GET", "/v1/role-assignments?themeGroupId=tg-snus")
    expect((roles.body as Page).items).toEqual([])
  })

  it("answers a preview naming it with 409 saying where its people went, not 0 recipients", async () => {
    const preview = await api().call("admin", "POST", "/v1/audiences/preview", {
      audience: { scope: "network", themeGroups: ["tg-snus"] },
    })
    expect([preview.status, (preview.body as Problem).detail]).toEqual([
      409,
      `${snusIntoTobak}: its members and followers are now in "tg-tobak"; name that group in the audience instead.`,
    ])
  })

  it("still lets the group it was merged into take updates", async () => {
    const accepted = await api().call("admin", "POST", "/v1/updates", {
      update: notes("u-tobak-pub", "tg-tobak"),
    })
    expect(accepted.status, accepted.text).toBe(201)
  })

  it("shows its history in the lists of the group it was merged into", async () => {
    const ids = async (path: string) =>
      ((await api().call("admin", "GET", path)).body as Page).items.map((item) => item.id).sort()
    expect(await ids("/v1/meeting-notes?themeGroupId=tg-tobak")).toEqual([
      "u-snus-draft",
      "u-snus-old",
      "u-tobak-new",
      "u-tobak-pub",
    ])
    expect(await ids("/v1/updates?themeGroupId=tg-tobak&published=true")).toEqual([
      "u-snus-old",
      "u-tobak-pub",
    ])
    expect(await ids("/v1/updates?themeGroupId=tg-snus")).toEqual(["u-snus-draft", "u-snus-old"])
  })
})
