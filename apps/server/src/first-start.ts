import { demoNetwork } from "@spridning/core/demo"
import { ApiTokens, Organisation } from "@spridning/db"
import { Effect } from "effect"

const actor = "server:first-start"

/** Loads the demo network when the database has no regions yet; says whether it did. */
export const seedDemoIfEmpty = Effect.gen(function* () {
  const organisation = yield* Organisation
  if (!(yield* organisation.isEmpty)) return false
  yield* organisation.importNetwork(demoNetwork, actor)
  return true
})

/**
 * An admin token when there is no token at all, so a newcomer can use the API at once. Made
 * only once the server listens: a token nobody was shown would lock the newcomer out. It is
 * shown once; only its hash is stored.
 */
export const firstAdminToken = Effect.gen(function* () {
  const tokens = yield* ApiTokens
  if ((yield* tokens.list()).length > 0) return undefined
  return (yield* tokens.create({ role: "admin", name: "Första administratören" }, actor)).token
})
