import { type Network, NetworkStore, type StoreError } from "@spridning/core"
import { Outbox } from "@spridning/db"
import { Effect } from "effect"

/**
 * The network as last loaded, kept while the organisation's version stands. The version goes
 * up in the same transaction as every organisation write (a trigger in the database), on any
 * machine, so a page never shows a network older than the last write it could see, and what is
 * derived from one network object (the coverage view) is computed once per change rather than
 * once per request. The version is read before the load: a write landing in between leaves a
 * newer network under an older version, which the next request simply loads again.
 */
export const currentNetwork = (): Effect.Effect<Network, StoreError, NetworkStore | Outbox> => {
  let loaded: { readonly version: number; readonly network: Network } | undefined
  return Effect.gen(function* () {
    const version = yield* (yield* Outbox).networkVersion
    if (loaded !== undefined && loaded.version === version) return loaded.network
    const network = yield* (yield* NetworkStore).load
    loaded = { version, network }
    return network
  })
}
