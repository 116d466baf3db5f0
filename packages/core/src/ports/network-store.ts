import { Context, type Effect, Schema } from "effect"
import type { Network } from "../organisation/model.js"

/** Storage could not be reached or answered with an error; `cause` keeps the original. */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  operation: Schema.String,
  cause: Schema.Defect(),
}) {
  override get message(): string {
    return `Storage failed during ${this.operation}`
  }
}

/** What storage must offer so that core's rules can run over the whole network. */
export class NetworkStore extends Context.Service<
  NetworkStore,
  {
    /** The network as it stands now, loaded in a fixed number of queries. */
    readonly load: Effect.Effect<Network, StoreError>
  }
>()("spridning/NetworkStore") {}
