import { mayPublish, type Network, publishersOfToken } from "@spridning/core"
import { Effect } from "effect"
import { type Caller, describeCaller, describeScope, mayChange, type Scope } from "../auth/caller.js"
import type { UpdateView } from "../dissemination/update-schemas.js"
import { ApiProblem } from "../http/api-problem.js"

const refuse = (detail: string) => Effect.fail(new ApiProblem({ status: 403, detail }))

/**
 * Who may see delivery state: people's names, channels and errors across the network are the
 * network office's; an editor sees what lies in a scope it may change.
 */
export const authorizeView = (
  caller: Caller,
  scope: Scope,
  what = "the deliveries",
): Effect.Effect<void, ApiProblem> =>
  mayChange(caller, scope)
    ? Effect.void
    : refuse(`This token is ${describeCaller(caller)} and may not see ${what} of ${describeScope(scope)}.`)

/** Whoever may publish an update (core's one rule) may follow it: its plan, deliveries and funnel. */
export const authorizeViewOfUpdate = (
  network: Network,
  caller: Caller,
  update: UpdateView,
): Effect.Effect<void, ApiProblem> =>
  caller.role === "admin" || mayPublish(network, publishersOfToken(caller), update)._tag === "Allowed"
    ? Effect.void
    : refuse(
        `This token is ${describeCaller(caller)} and may not see the deliveries of update "${update.id}": ` +
          "only the network office and the editors who may publish it do.",
      )
