import { describe, expect, it } from "vitest"
import { type FunnelDelivery, type Receipt, reachFunnel } from "../src/index.js"

const delivery = (id: string, updateId: string, regionId: string, state: FunnelDelivery["state"] = "sent") =>
  ({ id, updateId, regionId, state }) as FunnelDelivery
const receipt = (deliveryId: string, kind: Receipt["kind"]) =>
  ({ deliveryId, kind, at: "2026-11-23T08:00:00Z" }) as Receipt

describe("reachFunnel", () => {
  const deliveries = [
    delivery("d1", "u1", "skane"),
    delivery("d2", "u1", "skane"),
    delivery("d3", "u1", "kalmar"),
    delivery("d4", "u2", "kalmar"),
    delivery("d5", "u2", "kalmar", "pending"),
  ]
  const funnel = reachFunnel(deliveries, [
    receipt("d1", "read"),
    receipt("d1", "read"),
    receipt("d2", "acted"),
    receipt("d3", "passedOn"),
    receipt("unknown", "acted"),
  ])

  it("counts delivered → read → passed on → acted, each delivery once per stage", () => {
    expect(funnel.total).toEqual({ delivered: 4, read: 3, passedOn: 1, acted: 1 })
  })

  it("counts acting or passing on as having read it", () => {
    const only = reachFunnel([delivery("d", "u", "r")], [receipt("d", "acted")])
    expect(only.total).toEqual({ delivered: 1, read: 1, passedOn: 0, acted: 1 })
  })

  it("breaks the funnel down per update and per region", () => {
    expect(funnel.byUpdate).toEqual([
      { updateId: "u1", counts: { delivered: 3, read: 3, passedOn: 1, acted: 1 } },
      { updateId: "u2", counts: { delivered: 1, read: 0, passedOn: 0, acted: 0 } },
    ])
    expect(funnel.byRegion.find((r) => r.regionId === "kalmar")?.counts).toEqual({
      delivered: 2,
      read: 1,
      passedOn: 1,
      acted: 0,
    })
  })

  it("ignores receipts for deliveries it was not given", () => {
    const withStray = reachFunnel([delivery("d", "u", "r")], [receipt("elsewhere", "acted")])
    expect(withStray.total).toEqual({ delivered: 1, read: 0, passedOn: 0, acted: 0 })
  })

  it("does not count a delivery still waiting in the outbox as delivered", () => {
    const waiting = reachFunnel([delivery("d", "u", "r", "pending"), delivery("f", "u", "r", "failed")], [])
    expect(waiting.total).toEqual({ delivered: 0, read: 0, passedOn: 0, acted: 0 })
  })
})
