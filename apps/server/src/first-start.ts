import { demoNetwork } from "@spridning/core/demo"
import { ApiTokens, Organisation } from "@spridning/db"
import { Effect } from "effect"

const actor = "server:first-start"

/**
 * What a first start does: the demo network into an empty database (when asked), and an admin
 * token when there is no token at all, so a newcomer can use the API at once. The token is
 * shown once; only its hash is stored.
 */
export const firstStart = (options: { readonly seedDemo: boolean }) =>
  Effect.gen(function* () {
    const organisation = yield* Organisation
    const tokens = yield* ApiTokens
    const seeded = options.seedDemo && (yield* organisation.isEmpty)
    if (seeded) yield* organisation.importNetwork(demoNetwork, actor)
    const hasTokens = (yield* tokens.list()).length > 0
    const adminToken = hasTokens
      ? undefined
      : (yield* tokens.create({ role: "admin", name: "Första administratören" }, actor)).token
    return { seeded, adminToken }
  })
