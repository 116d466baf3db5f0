import { Effect, Layer, Ref } from "effect"
import type { Network } from "../organisation/model.js"
import { NetworkStore } from "./network-store.js"

/**
 * A network held in memory, for library users and tests. `replace` swaps it atomically: every
 * `load` after it sees the new network, a `load` already done keeps the old one.
 */
export interface InMemoryNetwork {
  readonly store: NetworkStore["Service"]
  /** A layer providing {@link store}, so programs can run against this very network. */
  readonly layer: Layer.Layer<NetworkStore>
  readonly replace: (network: Network) => Effect.Effect<void>
}

/**
 * A {@link NetworkStore} over `initial`, with a handle to replace the network later.
 *
 * @example
 * ```ts
 * const memory = yield* makeInMemoryNetworkStore(demoNetwork)
 * yield* memory.replace(editedNetwork)
 * const plan = yield* program.pipe(Effect.provide(memory.layer))
 * ```
 */
export const makeInMemoryNetworkStore = (initial: Network): Effect.Effect<InMemoryNetwork> =>
  Effect.map(Ref.make(initial), (ref) => {
    const store = NetworkStore.of({ load: Ref.get(ref) })
    return {
      store,
      layer: Layer.succeed(NetworkStore, store),
      replace: (network) => Ref.set(ref, network),
    }
  })

/** The same as {@link makeInMemoryNetworkStore}; kept for callers that use the earlier name. */
export const makeInMemoryNetwork = makeInMemoryNetworkStore

/**
 * A {@link NetworkStore} over a network held in memory. Each build of the layer starts from
 * `network`; use {@link makeInMemoryNetworkStore} when the program must see later changes.
 */
export const layerMemory = (network: Network): Layer.Layer<NetworkStore> =>
  Layer.effect(
    NetworkStore,
    Effect.map(makeInMemoryNetworkStore(network), (memory) => memory.store),
  )

/** The same as {@link layerMemory}; kept for callers that use the earlier name. */
export const networkStoreInMemory = layerMemory
