/**
 * @spridning/api: Spridning's HTTP API (Hono) — the network office's and integrations' way in.
 * @packageDocumentation
 */
import { Effect } from "effect"
import { type ApiOptions, makeApi } from "./app.js"
import { makeDatabaseBackend } from "./database-backend.js"

export { type ApiOptions, makeApi } from "./app.js"
export { ApiRole, type Caller, mayChange, type Scope } from "./auth/caller.js"
export type { ApiBackend } from "./backend.js"
export { actorOf, makeDatabaseBackend } from "./database-backend.js"
export { type Problem, problemResponse } from "./http/problem.js"

/**
 * The API over @spridning/db's repositories: run it in a runtime that provides
 * `layerRepositories` (and a `Database`), then mount or serve the returned Hono app.
 */
export const makeApiFromDatabase = (options: ApiOptions = {}) =>
  makeDatabaseBackend.pipe(Effect.map((backend) => makeApi(backend, options)))
