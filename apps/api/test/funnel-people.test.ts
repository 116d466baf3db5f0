import { beforeAll, expect, it } from "vitest"
import { describeApi } from "./support.js"
import { deliveryIds, execute, publishNotes, query } from "./support-office.js"

describeApi("the funnel counts people, and leaves the author out", (api) => {
  let notes = ""
  beforeAll(async () => {
    notes = await publishNotes(api(), "Minnesanteckningar december")
    // Cecilia (the group's chair) wrote it; the office's token only sent it in for her.
    await execute(api(), `update updates set created_by = 'p-chair' where id = '${notes}'`)
    const ids = await deliveryIds(api(), notes)
    // Anna has the update by mail and in Slack; she reads the mail and acts in Slack.
    await execute(
      api(),
      `insert into deliveries (update_id, person_id, region_id, channel, reasons, state)
       select update_id, person_id, region_id, 'slack', reasons, 'sent' from deliveries where id = '${ids["p-anna"]}'`,
    )
    const [slackCopy] = await query<{ id: string }>(
      api(),
      `select id from deliveries where update_id = '${notes}' and person_id = 'p-anna' and channel = 'slack'`,
    )
    for (const person of ["p-anna", "p-chair", "p-cia"])
      await execute(api(), `update deliveries set state = 'sent' where id = '${ids[person]}'`)
    const receipt = (id: string | undefined, kind: string) =>
      execute(
        api(),
        `insert into receipts (delivery_id, kind, at) values ('${id}', '${kind}', '2026-12-01T08:00:00Z')`,
      )
    await receipt(ids["p-anna"], "read")
    await receipt(slackCopy?.id, "read")
    await receipt(slackCopy?.id, "acted")
    // The author's own clicks on her copy.
    await receipt(ids["p-chair"], "read")
    await receipt(ids["p-chair"], "passedOn")
    await receipt(ids["p-chair"], "acted")
  })

  it("counts Anna once for her two copies, Cia (Skåne) once, and not Cecilia, who wrote it", async () => {
    const { status, body } = await api().call("admin", "GET", `/v1/updates/${notes}/funnel`)
    expect(status).toBe(200)
    const funnel = body as {
      total: unknown
      byRegion: ReadonlyArray<{ regionId: string }>
      states: { sent: number }
    }
    expect(funnel.total).toEqual({ delivered: 2, read: 1, passedOn: 0, acted: 1 })
    // Which region comes first is not the promise here; each region's count is.
    expect([...funnel.byRegion].sort((a, b) => a.regionId.localeCompare(b.regionId))).toEqual([
      { regionId: "r-skane", counts: { delivered: 1, read: 0, passedOn: 0, acted: 0 } },
      { regionId: "r-vg", counts: { delivered: 1, read: 1, passedOn: 0, acted: 1 } },
    ])
    // The office still sees every delivery in its state: Anna's two, Cia's and Cecilia's.
    expect(funnel.states.sent).toBe(4)
  })

  it("counts people in a region's funnel too", async () => {
    // Västra Götaland: Anna, once; Cecilia wrote it.
    const { body } = await api().call("admin", "GET", "/v1/regions/r-vg/funnel?since=2020-01-01")
    expect((body as { total: unknown }).total).toEqual({ delivered: 1, read: 1, passedOn: 0, acted: 1 })
  })
})
