import { expect, it } from "vitest"
import { describeApi } from "./support.js"
import { deliveryIds, publishNotes, query } from "./support-office.js"

const passOnLine = {
  sv: "Sprid vidare till: alla som deltar i eller följer Tobaksprevention i Västra Götalandsregionen, Region Skåne och Region Halland (för nätverket).",
  en: "Pass on to: everyone in or following Tobaksprevention in Västra Götalandsregionen, Region Skåne and Region Halland (for the network).",
}

describeApi("the plan stored at publish", (api) => {
  it("shows the plan to the office and the group's editor, not to a reader or another region's editor", async () => {
    const updateId = await publishNotes(api(), "Minnesanteckningar juni", "admin")
    expect((await api().call("group-editor", "GET", `/v1/updates/${updateId}/plan`)).status).toBe(200)
    expect((await api().call("reader", "GET", `/v1/updates/${updateId}/plan`)).status).toBe(403)
    expect((await api().call("region-editor", "GET", `/v1/updates/${updateId}/plan`)).status).toBe(403)
  })
  it("lists a rerouted delivery once, with the delivery that replaced it, not as one more recipient", async () => {
    // Eva reads only Slack; Slack is off, so her message went by mail instead.
    const slackOnly = await api().call("admin", "PUT", "/v1/people/p-eva/preferences", {
      channels: ["slack"],
      language: "sv",
      optedOutOfAll: false,
      optedOutOfThemeGroups: [],
    })
    expect(slackOnly.status, slackOnly.text).toBe(200)
    const updateId = await publishNotes(api(), "Minnesanteckningar april", "admin")
    const ids = await deliveryIds(api(), updateId)
    const [replacement] = await query<{ id: string }>(
      api(),
      `with origin as (update deliveries set state = 'rerouted' where id = '${ids["p-eva"]}' returning *)
       insert into deliveries (update_id, person_id, region_id, channel, reasons, rerouted_from)
       select update_id, person_id, region_id, 'email', reasons, id from origin returning id`,
    )
    const plan = await api().call("admin", "GET", `/v1/updates/${updateId}/plan`)
    const deliveries = (plan.body as { deliveries: Array<Record<string, unknown>> }).deliveries
    expect(deliveries.map((d) => [d.personId, d.channel, d.reroutedTo])).toEqual([
      ["p-anna", "email", undefined],
      ["p-chair", "email", undefined],
      ["p-cia", "email", undefined],
      ["p-eva", "slack", { deliveryId: replacement?.id, channel: "email" }],
    ])
    const listed = await api().call("admin", "GET", `/v1/updates/${updateId}/deliveries?state=pending`)
    const pending = (listed.body as { items: Array<Record<string, unknown>> }).items
    expect(pending.map((d) => [d.personId, d.channel, d.reroutedFrom])).toEqual([
      ["p-anna", "email", undefined],
      ["p-chair", "email", undefined],
      ["p-cia", "email", undefined],
      ["p-eva", "email", ids["p-eva"]],
    ])
    const restored = await api().call("admin", "PUT", "/v1/people/p-eva/preferences", {
      channels: ["email"],
      language: "sv",
      optedOutOfAll: false,
      optedOutOfThemeGroups: [],
    })
    expect(restored.status).toBe(200)
  })

  it("has no plan for a draft or an unknown update", async () => {
    const draft = await api().call("admin", "POST", "/v1/meeting-notes", {
      themeGroupId: "tg-alkohol",
      title: "Utkast",
      body: "Inte klart än.",
      audience: { scope: "network", themeGroups: ["tg-alkohol"] },
      details: { kind: "meetingNotes", meetingDate: "2026-05-14" },
    })
    expect(draft.status, draft.text).toBe(201)
    const id = (draft.body as { id: string }).id
    expect((await api().call("admin", "GET", `/v1/updates/${id}/plan`)).status).toBe(404)
    expect((await api().call("admin", "GET", "/v1/updates/u-nowhere/plan")).status).toBe(404)
  })

  it("answers what was planned at publish, with names, bridges, unreachable regions and who was skipped", async () => {
    // Cecilia chose no more tobacco mail before the publish: she is skipped, and named.
    const optOut = await api().call("admin", "PUT", "/v1/people/p-chair/preferences", {
      channels: ["email"],
      language: "sv",
      optedOutOfAll: false,
      optedOutOfThemeGroups: ["tg-tobak"],
    })
    expect(optOut.status, optOut.text).toBe(200)
    const updateId = await publishNotes(api(), "Minnesanteckningar maj")
    const ids = await deliveryIds(api(), updateId)
    expect(Object.keys(ids)).toEqual(["p-anna", "p-cia", "p-eva"])
    const published = (
      (await api().call("admin", "GET", `/v1/updates/${updateId}`)).body as { publishedAt: string }
    ).publishedAt

    const before = await api().call("group-editor", "GET", `/v1/updates/${updateId}/plan`)
    expect(before.status).toBe(200)
    expect(before.body).toEqual({
      updateId,
      plannedAt: published,
      deliveries: [
        {
          updateId,
          deliveryId: ids["p-anna"],
          personId: "p-anna",
          personName: "Anna Andersson",
          regionId: "r-vg",
          regionName: "Västra Götalandsregionen",
          channel: "email",
          reasons: [{ _tag: "HoldsRole", role: "participant", regionId: "r-vg", themeGroupId: "tg-tobak" }],
        },
        {
          updateId,
          deliveryId: ids["p-cia"],
          personId: "p-cia",
          personName: "Cia Carlsson",
          regionId: "r-skane",
          regionName: "Region Skåne",
          channel: "email",
          reasons: [
            { _tag: "HoldsRole", role: "contactPerson", regionId: "r-skane", themeGroupId: "tg-tobak" },
          ],
          bridge: { regionId: "r-skane", via: "contactPerson" },
        },
        {
          updateId,
          deliveryId: ids["p-eva"],
          personId: "p-eva",
          personName: "Eva Ek",
          regionId: "r-halland",
          regionName: "Region Halland",
          channel: "email",
          reasons: [{ _tag: "FollowsThemeGroup", themeGroupId: "tg-tobak" }],
        },
      ],
      // Halland has no bridge, but Eva lives there and follows the group: it is reached, so not
      // unreachable (a region is unreachable only when nobody in it receives the update).
      unreachableRegions: [],
      skipped: [{ personId: "p-chair", personName: "Cecilia Ek", reason: "optedOutOfThemeGroup" }],
      passOnLine,
    })

    // The network moves on: the bridge in Skåne becomes another group's contact person and is
    // renamed, the region is renamed, and the tobacco group is merged into the alcohol group.
    const roleChange = await api().call("admin", "PATCH", "/v1/role-assignments/ra-cia", {
      themeGroupId: "tg-alkohol",
    })
    expect(roleChange.status, roleChange.text).toBe(200)
    expect((await api().call("admin", "PATCH", "/v1/people/p-cia", { name: "Cia Nilsson" })).status).toBe(200)
    expect(
      (await api().call("admin", "PATCH", "/v1/regions/r-skane", { name: "Region Skåne (ny)" })).status,
    ).toBe(200)
    const merge = await api().call("admin", "POST", "/v1/theme-groups/tg-tobak/merge", { into: "tg-alkohol" })
    expect(merge.status, merge.text).toBe(200)

    const after = await api().call("admin", "GET", `/v1/updates/${updateId}/plan`)
    expect(after.status).toBe(200)
    expect(after.text).toBe(before.text)
  })
})
