import { DeliveryState } from "../delivery/model.js"
import type { Receipt } from "./model.js"
import { type FunnelDelivery, type ReachFunnel, reachFunnel } from "./reach.js"

/** How many deliveries are in each state; every state is present, zero when none. */
export type DeliveryStateCounts = { readonly [S in DeliveryState]: number }

/** The part of a stored delivery its state count needs. */
export interface CountedDelivery {
  readonly state: DeliveryState
  /** How often an uncertain delivery was sent again after its window passed without evidence. */
  readonly resends?: number
}

export interface DeliveryStateTally {
  readonly states: DeliveryStateCounts
  /** Re-sends of uncertain deliveries: each one a recipient who may have had the update twice. */
  readonly uncertainResends: number
}

/**
 * Every delivery counted once, in the state it is in now; nothing is hidden because it is
 * waiting (held), lost in a crash (uncertain) or moved to another channel (rerouted), so the
 * office can see "363 Slack deliveries sat pending".
 */
export const deliveryStateTally = (deliveries: Iterable<CountedDelivery>): DeliveryStateTally => {
  const states = Object.fromEntries(DeliveryState.literals.map((state) => [state, 0])) as {
    [S in DeliveryState]: number
  }
  let uncertainResends = 0
  for (const delivery of deliveries) {
    states[delivery.state]++
    uncertainResends += delivery.resends ?? 0
  }
  return { states, uncertainResends }
}

/** The reach funnel beside every delivery's state: what reached people, and what did not yet. */
export interface DeliveryFunnel extends ReachFunnel, DeliveryStateTally {}

/** `reachFunnel` and `deliveryStateTally` over the same deliveries. */
export const deliveryFunnel = (
  deliveries: ReadonlyArray<FunnelDelivery & CountedDelivery>,
  receipts: ReadonlyArray<Receipt>,
): DeliveryFunnel => ({ ...reachFunnel(deliveries, receipts), ...deliveryStateTally(deliveries) })
