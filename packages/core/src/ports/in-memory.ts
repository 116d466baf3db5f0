import { Effect, Layer, Ref } from "effect"
import type { Network } from "../organisation/model.js"
import { NetworkStore } from "./network-store.js"

/** A network held in memory, for library users and tests; `replace` swaps it atomically. */
export interface InMemoryNetwork {
  readonly store: NetworkStore["Service"]
  readonly replace: (network: Network) => Effect.Effect<void>
}

export const makeInMemoryNetwork = (initial: Network): Effect.Effect<InMemoryNetwork> =>
  Effect.map(Ref.make(initial), (ref) => ({
    store: NetworkStore.of({ load: Ref.get(ref) }),
    replace: (network) => Ref.set(ref, network),
  }))

/** A {@link NetworkStore} over a fixed network held in memory. */
export const networkStoreInMemory = (network: Network): Layer.Layer<NetworkStore> =>
  Layer.effect(
    NetworkStore,
    Effect.map(makeInMemoryNetwork(network), (memory) => memory.store),
  )
