import type { WebClient } from "@slack/web-api"
import type { Language } from "@spridning/core"
import { Effect } from "effect"
import { findSlackPerson, type SlackPerson, type SlackUserRef } from "../people/slack-person.js"
import type { SlackAppDeps } from "../slack-app/deps.js"

/** The person behind a Slack user, and the language to answer them in: theirs, else the one they typed. */
export const resolvePerson = (
  deps: SlackAppDeps,
  client: WebClient,
  user: SlackUserRef,
  typedIn?: Language,
) =>
  findSlackPerson(client, user, deps.adminEmails).pipe(
    Effect.map((who: SlackPerson | undefined) => ({
      who,
      language: who?.person.preferences.language ?? typedIn ?? deps.defaultLanguage,
    })),
  )
