import { describe, expect, it } from "vitest"
import { type FunnelDelivery, plannedReaders, type Receipt, reachFunnel } from "../src/index.js"

const delivery = (
  id: string,
  updateId: string,
  regionId: string,
  state: FunnelDelivery["state"] = "sent",
  personId = `p-${id}`,
  publishedBy?: string,
) =>
  ({
    id,
    updateId,
    personId,
    regionId,
    state,
    ...(publishedBy === undefined ? {} : { publishedBy }),
  }) as FunnelDelivery
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

  it("counts delivered → read → passed on → acted, each person once per stage", () => {
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

  it("counts a person with a mail and a Slack copy once, and a click on either copy once", () => {
    const copies = [
      delivery("anna-mail", "u1", "skane", "sent", "anna"),
      delivery("anna-slack", "u1", "skane", "sent", "anna"),
      delivery("bo-mail", "u1", "skane", "sent", "bo"),
      delivery("bo-slack", "u1", "skane", "pending", "bo"),
      delivery("cecilia-slack", "u1", "kalmar", "sent", "cecilia"),
    ]
    const counted = reachFunnel(copies, [
      receipt("anna-mail", "read"),
      receipt("anna-slack", "read"),
      receipt("anna-slack", "acted"),
      receipt("bo-slack", "passedOn"),
    ])
    expect(counted.total).toEqual({ delivered: 3, read: 2, passedOn: 1, acted: 1 })
    expect(counted.byRegion).toEqual([
      { regionId: "skane", counts: { delivered: 2, read: 2, passedOn: 1, acted: 1 } },
      { regionId: "kalmar", counts: { delivered: 1, read: 0, passedOn: 0, acted: 0 } },
    ])
  })

  it("does not count the author, nor the author's own clicks", () => {
    const byEva = [
      delivery("eva-mail", "u1", "skane", "sent", "eva", "eva"),
      delivery("eva-slack", "u1", "skane", "suppressed", "eva", "eva"),
      delivery("dag-mail", "u1", "skane", "sent", "dag", "eva"),
      // Eva reads Dag's update like anyone else.
      delivery("eva-on-u2", "u2", "skane", "sent", "eva", "dag"),
    ]
    const counted = reachFunnel(byEva, [
      receipt("eva-mail", "acted"),
      receipt("eva-slack", "read"),
      receipt("dag-mail", "read"),
      receipt("eva-on-u2", "passedOn"),
    ])
    expect(counted.byUpdate).toEqual([
      { updateId: "u1", counts: { delivered: 1, read: 1, passedOn: 0, acted: 0 } },
      { updateId: "u2", counts: { delivered: 1, read: 1, passedOn: 1, acted: 0 } },
    ])
    expect(counted.total).toEqual({ delivered: 2, read: 2, passedOn: 1, acted: 0 })
  })

  it("plans to reach people, not deliveries, leaving the author out", () => {
    const planned = [
      delivery("anna-mail", "u1", "skane", "pending", "anna", "eva"),
      delivery("anna-slack", "u1", "skane", "held", "anna", "eva"),
      delivery("bo-mail", "u1", "skane", "dead", "bo", "eva"),
      delivery("eva-mail", "u1", "skane", "suppressed", "eva", "eva"),
    ]
    expect(plannedReaders(planned)).toBe(2)
  })
})
