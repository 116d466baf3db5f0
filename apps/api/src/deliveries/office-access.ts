import { Effect } from "effect"
import { type Caller, describeCaller, describeScope, mayChange, type Scope } from "../auth/caller.js"
import { publishScope } from "../dissemination/publish-scope.js"
import type { UpdateView } from "../dissemination/update-schemas.js"
import { ApiProblem } from "../http/api-problem.js"

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
    : Effect.fail(
        new ApiProblem({
          status: 403,
          detail: `This token is ${describeCaller(caller)} and may not see ${what} of ${describeScope(scope)}.`,
        }),
      )

/** Whoever may publish an update may follow it: its plan, deliveries and funnel. */
export const authorizeViewOfUpdate = (caller: Caller, update: UpdateView): Effect.Effect<void, ApiProblem> =>
  authorizeView(caller, publishScope(update))
