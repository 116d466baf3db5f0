import { beforeAll, expect, it } from "vitest"
import { describeApi } from "./support.js"
import { deliveryIds, execute, publishNotes } from "./support-office.js"

const noStates = {
  pending: 0,
  held: 0,
  sending: 0,
  uncertain: 0,
  sent: 0,
  failed: 0,
  dead: 0,
  suppressed: 0,
  rerouted: 0,
}

describeApi("the funnel counts every delivery state", (api) => {
  let january = ""
  let june = ""
  let januaryIds: Record<string, string> = {}
  let juneIds: Record<string, string> = {}

  beforeAll(async () => {
    january = await publishNotes(api(), "Minnesanteckningar januari")
    june = await publishNotes(api(), "Minnesanteckningar juni")
    await execute(api(), `update updates set published_at = '2026-01-15T10:00:00Z' where id = '${january}'`)
    await execute(api(), `update updates set published_at = '2026-06-10T10:00:00Z' where id = '${june}'`)
    januaryIds = await deliveryIds(api(), january)
    juneIds = await deliveryIds(api(), june)
    const set = (id: string | undefined, state: string) =>
      execute(api(), `update deliveries set state = '${state}' where id = '${id}'`)
    // June: Anna sent and acted on, Cecilia waiting for her digest, Cia's lease ran out mid-send,
    // Eva's Slack message went by mail instead.
    await set(juneIds["p-anna"], "sent")
    // Anna's lease ran out mid-send once; with no evidence after the window it was sent again.
    await execute(api(), `update deliveries set resends = 1 where id = '${juneIds["p-anna"]}'`)
    await set(juneIds["p-chair"], "held")
    await set(juneIds["p-cia"], "uncertain")
    await set(juneIds["p-eva"], "rerouted")
    await execute(
      api(),
      `insert into receipts (delivery_id, kind, at) values ('${juneIds["p-anna"]}', 'acted', '2026-06-11T08:00:00Z')`,
    )
    // January: Anna's and Cecilia's sent, Cia's dead, Eva suppressed.
    await set(januaryIds["p-anna"], "sent")
    await set(januaryIds["p-chair"], "sent")
    await set(januaryIds["p-cia"], "dead")
    await set(januaryIds["p-eva"], "suppressed")
  })

  it("counts an update's deliveries in each of the nine states beside the reach funnel", async () => {
    const { status, body } = await api().call("admin", "GET", `/v1/updates/${june}/funnel`)
    expect(status).toBe(200)
    expect(body).toEqual({
      total: { delivered: 1, read: 1, passedOn: 0, acted: 1 },
      byUpdate: [{ updateId: june, counts: { delivered: 1, read: 1, passedOn: 0, acted: 1 } }],
      byRegion: [{ regionId: "r-vg", counts: { delivered: 1, read: 1, passedOn: 0, acted: 1 } }],
      states: { ...noStates, sent: 1, held: 1, uncertain: 1, rerouted: 1 },
      uncertainResends: 1,
    })
  })

  it("lets the group's editor see its update's funnel, not a reader", async () => {
    expect((await api().call("group-editor", "GET", `/v1/updates/${june}/funnel`)).status).toBe(200)
    expect((await api().call("reader", "GET", `/v1/updates/${june}/funnel`)).status).toBe(403)
  })

  it("counts a region's deliveries across the updates published since a time", async () => {
    const all = await api().call("admin", "GET", "/v1/regions/r-vg/funnel?since=2026-01-01")
    expect(all.status).toBe(200)
    expect(all.body).toEqual({
      regionId: "r-vg",
      since: "2026-01-01",
      total: { delivered: 3, read: 1, passedOn: 0, acted: 1 },
      // Oldest update first.
      byUpdate: [
        { updateId: january, counts: { delivered: 2, read: 0, passedOn: 0, acted: 0 } },
        { updateId: june, counts: { delivered: 1, read: 1, passedOn: 0, acted: 1 } },
      ],
      byRegion: [{ regionId: "r-vg", counts: { delivered: 3, read: 1, passedOn: 0, acted: 1 } }],
      states: { ...noStates, sent: 3, held: 1 },
      uncertainResends: 1,
    })

    const sinceMarch = await api().call(
      "admin",
      "GET",
      "/v1/regions/r-skane/funnel?since=2026-03-01T00:00:00Z",
    )
    expect(sinceMarch.body).toEqual({
      regionId: "r-skane",
      since: "2026-03-01T00:00:00Z",
      total: { delivered: 0, read: 0, passedOn: 0, acted: 0 },
      byUpdate: [],
      byRegion: [],
      states: { ...noStates, uncertain: 1 },
      uncertainResends: 0,
    })
    const later = await api().call("admin", "GET", "/v1/regions/r-halland/funnel?since=2026-07-01")
    expect((later.body as { states: unknown }).states).toEqual(noStates)
  })

  it("answers 400 naming `since` when it is missing or not a time, and 404 for an unknown region", async () => {
    for (const path of [
      "/v1/regions/r-vg/funnel",
      "/v1/regions/r-vg/funnel?since=last-tuesday",
      "/v1/regions/r-vg/funnel?since=2026-13-45",
    ]) {
      const { status, body } = await api().call("admin", "GET", path)
      expect(status, path).toBe(400)
      expect((body as { errors: Array<{ in: string; path: string }> }).errors, path).toEqual([
        expect.objectContaining({ in: "query", path: "since" }),
      ])
    }
    expect((await api().call("admin", "GET", "/v1/regions/r-atlantis/funnel?since=2026-01-01")).status).toBe(
      404,
    )
  })

  it("lets a region's editor see its own region's funnel and no other", async () => {
    expect(
      (await api().call("region-editor", "GET", "/v1/regions/r-vg/funnel?since=2026-01-01")).status,
    ).toBe(200)
    expect(
      (await api().call("region-editor", "GET", "/v1/regions/r-skane/funnel?since=2026-01-01")).status,
    ).toBe(403)
    expect((await api().call("reader", "GET", "/v1/regions/r-vg/funnel?since=2026-01-01")).status).toBe(403)
  })
})
