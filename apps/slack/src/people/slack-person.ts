import type { WebClient } from "@slack/web-api"
import { indexNetwork, type Network, NetworkStore, type Person } from "@spridning/core"
import { SlackLinks } from "@spridning/db"
import { Effect } from "effect"
import { slackCall } from "../slack-api/slack-call.js"

/** The person behind a Slack user, with the network as it stands now. */
export interface SlackPerson {
  readonly person: Person
  readonly network: Network
  /** The network office: may publish in every group. */
  readonly isAdmin: boolean
  /** Written to the audit log for whatever this person does from Slack. */
  readonly actor: string
}

export interface SlackUserRef {
  readonly teamId: string
  readonly userId: string
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * A Slack user is a person when their Slack email is a person's email. The first match is
 * remembered as a link, so later requests need no Slack call (and a person who changes their
 * Slack address stays linked).
 */
export const findSlackPerson = Effect.fn("findSlackPerson")(function* (
  client: WebClient,
  user: SlackUserRef,
  adminEmails: ReadonlySet<string>,
) {
  const network = yield* (yield* NetworkStore).load
  const links = yield* SlackLinks
  const actor = `slack:${user.teamId}/${user.userId}`
  const linkedId = yield* links.personForSlackUser(user.teamId, user.userId)
  const linked =
    linkedId === undefined ? undefined : indexNetwork(network).personById.get(linkedId as Person["id"])
  const person =
    linked ??
    (yield* Effect.gen(function* () {
      const info = yield* slackCall("users.info", () => client.users.info({ user: user.userId }))
      const email = info.user?.profile?.email
      if (email === undefined) return undefined
      const found = network.people.find((candidate) => sameEmail(candidate.email, email))
      if (found !== undefined) {
        yield* links.linkUser({ teamId: user.teamId, userId: user.userId, personId: found.id }, actor)
      }
      return found
    }))
  if (person === undefined) return undefined
  const slackPerson: SlackPerson = {
    person,
    network,
    isAdmin: adminEmails.has(person.email.trim().toLowerCase()),
    actor,
  }
  return slackPerson
})
