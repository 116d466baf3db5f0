import {
  type Audience,
  mayPublish,
  type Network,
  type Publisher,
  publishRefusalText,
  type ThemeGroupId,
} from "@spridning/core"
import { Effect } from "effect"
import { type Caller, describeCaller } from "../auth/caller.js"
import { ApiProblem } from "../http/api-problem.js"

/** The token's publishing right, in core's terms (the same a person holds in Slack). */
export const publishersOfCaller = (caller: Caller): ReadonlyArray<Publisher> => {
  switch (caller.role) {
    case "admin":
      return [{ _tag: "Admin" }]
    case "group-editor":
      return caller.themeGroupId === undefined
        ? []
        : [{ _tag: "GroupEditor", themeGroupId: caller.themeGroupId }]
    case "region-editor":
      return caller.regionId === undefined ? [] : [{ _tag: "RegionEditor", regionId: caller.regionId }]
    case "reader":
      return []
  }
}

/** 403 with core's reason unless the token may publish (or draft) this update; see core's `mayPublish`. */
export const authorizePublish = (
  network: Network,
  caller: Caller,
  update: { readonly themeGroupId?: ThemeGroupId; readonly audience: Audience },
): Effect.Effect<void, ApiProblem> => {
  const decision = mayPublish(network, publishersOfCaller(caller), update)
  return decision._tag === "Allowed"
    ? Effect.void
    : Effect.fail(
        new ApiProblem({
          status: 403,
          detail: `This token is ${describeCaller(caller)}. ${publishRefusalText(network, "en", decision.reason)}`,
        }),
      )
}
