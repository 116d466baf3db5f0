import { describe, expect, it } from "vitest"
import {
  type CountedDelivery,
  deliveryFunnel,
  deliveryStateTally,
  type FunnelDelivery,
  type Receipt,
} from "../src/index.js"

const row = (id: string, regionId: string, state: CountedDelivery["state"], resends = 0) =>
  ({ id, updateId: "u1", personId: `p-${id}`, regionId, state, resends }) as FunnelDelivery & CountedDelivery

describe("deliveryStateTally", () => {
  it("names every state, with zero for states no delivery is in", () => {
    expect(deliveryStateTally([])).toEqual({
      states: {
        pending: 0,
        held: 0,
        sending: 0,
        uncertain: 0,
        sent: 0,
        failed: 0,
        dead: 0,
        suppressed: 0,
        rerouted: 0,
      },
      uncertainResends: 0,
    })
  })

  it("counts each delivery once in the state it is in now, and adds up the uncertain re-sends", () => {
    const tally = deliveryStateTally([
      row("d1", "r", "sent", 1),
      row("d2", "r", "sent"),
      row("d3", "r", "held"),
      row("d4", "r", "uncertain"),
      row("d5", "r", "rerouted"),
      row("d6", "r", "pending"),
      row("d7", "r", "dead"),
      row("d8", "r", "sent", 2),
    ])
    expect(tally).toEqual({
      states: {
        pending: 1,
        held: 1,
        sending: 0,
        uncertain: 1,
        sent: 3,
        failed: 0,
        dead: 1,
        suppressed: 0,
        rerouted: 1,
      },
      uncertainResends: 3,
    })
  })
})

describe("deliveryFunnel", () => {
  it("answers the reach funnel and the state counts over the same deliveries", () => {
    const receipt = { deliveryId: "d2", kind: "acted", at: "2026-11-23T08:00:00Z" } as Receipt
    const funnel = deliveryFunnel([row("d1", "r-vg", "held"), row("d2", "r-vg", "sent")], [receipt])
    expect(funnel.total).toEqual({ delivered: 1, read: 1, passedOn: 0, acted: 1 })
    expect(funnel.states.held).toBe(1)
    expect(funnel.states.sent).toBe(1)
    expect(funnel.uncertainResends).toBe(0)
  })
})
