import {
  type Audience,
  mayPublish,
  type Network,
  publishersOfToken,
  publishRefusalText,
  type ThemeGroupId,
} from "@spridning/core"
import { Effect } from "effect"
import { type Caller, describeCaller } from "../auth/caller.js"
import { ApiProblem } from "../http/api-problem.js"

/** 403 with core's reason unless the token may publish (or draft) this update; see core's `mayPublish`. */
export const authorizePublish = (
  network: Network,
  caller: Caller,
  update: { readonly themeGroupId?: ThemeGroupId; readonly audience: Audience },
): Effect.Effect<void, ApiProblem> => {
  const decision = mayPublish(network, publishersOfToken(caller), update)
  return decision._tag === "Allowed"
    ? Effect.void
    : Effect.fail(
        new ApiProblem({
          status: 403,
          detail: `This token is ${describeCaller(caller)}. ${publishRefusalText(network, "en", decision.reason)}`,
        }),
      )
}
