import type { PersonId, ThemeGroupId } from "@spridning/core"
import { Organisation } from "@spridning/db"
import { Effect } from "effect"
import type { UnsubscribeLink } from "../links/signed-links.js"

export type UnsubscribeOutcome =
  | { readonly _tag: "Unfollowed"; readonly themeGroupIds: ReadonlyArray<string> }
  | { readonly _tag: "OptedOutOfThemeGroup"; readonly themeGroupId: string }
  | { readonly _tag: "EmailTurnedOff" }
  | { readonly _tag: "AlreadyDone" }

/**
 * One click takes away exactly what the mail came from: a followed group is unfollowed; a group
 * the reader hears from through a role is opted out of; a digest ends the follows it summarised;
 * mail without a group turns email off for the person. The change goes through the organisation
 * store, which writes it to the audit log.
 */
export const unsubscribe = Effect.fn("email.unsubscribe")(function* (link: UnsubscribeLink) {
  const organisation = yield* Organisation
  const actor = `email:unsubscribe${link.deliveryId === undefined ? "" : `:${link.deliveryId}`}`
  const follows = (yield* organisation.follows.list({ filter: { personId: link.personId }, limit: 1000 }))
    .items
  const scope = link.scope
  switch (scope._tag) {
    case "ThemeGroup": {
      if (follows.some((follow) => follow.themeGroupId === scope.themeGroupId)) {
        yield* organisation.follows.unfollow(link.personId, scope.themeGroupId, actor)
        return { _tag: "Unfollowed", themeGroupIds: [scope.themeGroupId] } satisfies UnsubscribeOutcome
      }
      const person = yield* organisation.people.get(link.personId)
      if (person.preferences.optedOutOfThemeGroups.includes(scope.themeGroupId as ThemeGroupId)) {
        return { _tag: "AlreadyDone" } satisfies UnsubscribeOutcome
      }
      yield* organisation.people.update(
        link.personId,
        (current) => ({
          ...current,
          preferences: {
            ...current.preferences,
            optedOutOfThemeGroups: [
              ...current.preferences.optedOutOfThemeGroups,
              scope.themeGroupId as ThemeGroupId,
            ],
          },
        }),
        actor,
      )
      return { _tag: "OptedOutOfThemeGroup", themeGroupId: scope.themeGroupId } satisfies UnsubscribeOutcome
    }
    case "Digest": {
      const summarised = follows.filter((follow) => follow.frequency === scope.cadence)
      if (summarised.length === 0) return { _tag: "AlreadyDone" } satisfies UnsubscribeOutcome
      for (const follow of summarised)
        yield* organisation.follows.unfollow(link.personId, follow.themeGroupId, actor)
      return {
        _tag: "Unfollowed",
        themeGroupIds: summarised.map((follow) => follow.themeGroupId),
      } satisfies UnsubscribeOutcome
    }
    case "AllEmail": {
      const person = yield* organisation.people.get(link.personId as PersonId)
      if (!person.preferences.channels.includes("email"))
        return { _tag: "AlreadyDone" } satisfies UnsubscribeOutcome
      yield* organisation.people.update(
        link.personId,
        (current) => ({
          ...current,
          preferences: {
            ...current.preferences,
            channels: current.preferences.channels.filter((channel) => channel !== "email"),
          },
        }),
        actor,
      )
      return { _tag: "EmailTurnedOff" } satisfies UnsubscribeOutcome
    }
  }
})
