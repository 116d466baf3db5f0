import {
  explainPreferenceEffect,
  type Language,
  type Network,
  NetworkStore,
  PersonId,
  PreferenceChoice,
  type PreferencePage,
  preferenceChangeEffects,
  preferencePage,
  preferenceSteps,
} from "@spridning/core"
import { Organisation } from "@spridning/db"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { InvalidLink, type LinkSigner, preferencesPath } from "../links/signed-links.js"
import { type PreferencesView, renderPreferencesPage } from "../preferences/preferences-page.js"
import { page } from "./pages.js"

export type PreferencesPageServices = NetworkStore | Organisation

export interface PreferencesPageDeps {
  readonly run: <A, E>(effect: Effect.Effect<A, E, PreferencesPageServices>) => Promise<A>
  readonly links: LinkSigner
  readonly now: () => Date
}

const problemPage = (problem: InvalidLink["problem"] | "unknownPerson") => {
  switch (problem) {
    case "expired":
      return page(
        "Länken har gått ut",
        "Länken till dina inställningar är för gammal. Öppna länken i ett nyare utskick, eller hör av dig till nätverkets kansli.",
        "The link to your settings has expired. Use the link in a more recent mailing, or contact the network office.",
      )
    case "unknownPerson":
      return page(
        "Du finns inte längre i nätverket",
        "Personen som länken gäller finns inte längre i Spridning, så det finns inga inställningar att ändra. Du får inga utskick.",
        "The person this link is for is no longer in Spridning, so there are no settings to change. You get no updates.",
      )
    default:
      return page(
        "Länken fungerar inte",
        "Länken till dina inställningar är ofullständig eller har ändrats. Kopiera hela länken från mejlet eller Slack-meddelandet och försök igen.",
        "The link to your settings is incomplete or was changed. Copy the whole link from the mail or Slack message and try again.",
      )
  }
}

const statusOf = (problem: InvalidLink["problem"] | "unknownPerson") =>
  problem === "expired" ? 410 : problem === "unknownPerson" ? 404 : 400

/** The preference and unsubscribe tokens both name the reader; either opens their page. */
const personOf = (links: LinkSigner, token: string, now: Date): PersonId | InvalidLink => {
  const link = links.verify(token, now)
  if (link instanceof InvalidLink) return link
  if (link.purpose === "receipt") return new InvalidLink({ problem: "malformed" })
  return PersonId.make(link.personId)
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const all = (value: unknown): ReadonlyArray<unknown> =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

const decodeChoice = Schema.decodeUnknownResult(PreferenceChoice)

/** A form's fields as a choice, or what is wrong and in which field. */
const choiceFromForm = (
  form: Record<string, unknown>,
  current: PreferencePage,
  language: Language,
): PreferenceChoice | ReadonlyArray<string> => {
  const candidate = {
    channels: all(form.channels),
    language: first(form.language),
    cadence: first(form.cadence),
    optedOutOfAll: first(form.optedOutOfAll) === "true",
    themeGroups: all(form.themeGroups),
  }
  const decoded = decodeChoice(candidate)
  const known = new Set<string>(current.groups.map((group) => group.themeGroupId))
  const unknownGroups = candidate.themeGroups.filter((id) => typeof id !== "string" || !known.has(id))
  const problems: Array<string> = []
  if (decoded._tag === "Failure") {
    const sv = language === "sv"
    if (!["sv", "en"].includes(String(candidate.language)))
      problems.push(sv ? "Språk: välj svenska eller engelska." : "Language: choose Swedish or English.")
    if (!["immediate", "daily", "weekly", "unchanged"].includes(String(candidate.cadence)))
      problems.push(
        sv ? "Hur ofta: välj direkt, daglig eller veckovis." : "How often: choose at once, daily or weekly.",
      )
    if (candidate.channels.some((channel) => channel !== "email" && channel !== "slack"))
      problems.push(sv ? "Kanaler: bara e-post och Slack finns." : "Channels: only email and Slack exist.")
    if (problems.length === 0) problems.push(String(decoded.failure))
  }
  if (unknownGroups.length > 0) {
    problems.push(
      language === "sv"
        ? `Temagrupper: ${unknownGroups.join(", ")} finns inte, eller är sammanslagen med en annan grupp.`
        : `Theme groups: ${unknownGroups.join(", ")} does not exist, or was merged into another group.`,
    )
  }
  return problems.length > 0 || decoded._tag === "Failure" ? problems : decoded.success
}

/** Every line of the page, each with core's words for what it would do. */
const viewOf = (network: Network, personId: PersonId, action: string) =>
  Effect.gen(function* () {
    const current = yield* preferencePage(network, personId)
    const language = current.choice.language
    const explain = (choice: PreferenceChoice) =>
      preferenceChangeEffects(network, personId, choice).pipe(
        Effect.map((effects) =>
          effects
            .filter((effect) => effect._tag === "BridgeLost")
            .map((effect) => explainPreferenceEffect(network, effect, language)),
        ),
      )
    const groups = yield* Effect.forEach(current.groups, (group) =>
      group.receiving
        ? explain({
            ...current.choice,
            themeGroups: current.choice.themeGroups.filter((id) => id !== group.themeGroupId),
          }).pipe(Effect.map((ifStopped) => ({ group, ifStopped })))
        : Effect.succeed({ group, ifStopped: [] }),
    )
    const ifPaused = current.choice.optedOutOfAll
      ? []
      : yield* explain({ ...current.choice, optedOutOfAll: true })
    return { language, action, page: current, groups, ifPaused } satisfies PreferencesView
  })

/**
 * A reader's own page, from the signed link in every mail and Slack message: channels,
 * language, how often, which groups, a pause; each with what it does, as core says it (a
 * contact person who stops hears that their region loses its channel, and who takes over).
 * A POST carries the same signed token, so a cross-site form cannot post without it; it sends
 * the whole choice, so sending it twice changes nothing the second time. Every change goes
 * through the organisation store, which writes the audit log.
 */
export const preferencesRoutes = (deps: PreferencesPageDeps) => {
  const app = new Hono()

  app.get(`${preferencesPath}/:token`, async (c) => {
    const personId = personOf(deps.links, c.req.param("token"), deps.now())
    if (personId instanceof InvalidLink)
      return c.html(problemPage(personId.problem), statusOf(personId.problem))
    const view = await deps.run(
      Effect.gen(function* () {
        const network = yield* NetworkStore.use((store) => store.load)
        return yield* viewOf(network, personId, c.req.path)
      }).pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined))),
    )
    if (view === undefined) return c.html(problemPage("unknownPerson"), 404)
    return c.html(renderPreferencesPage(view))
  })

  app.post(`${preferencesPath}/:token`, async (c) => {
    const personId = personOf(deps.links, c.req.param("token"), deps.now())
    if (personId instanceof InvalidLink)
      return c.html(problemPage(personId.problem), statusOf(personId.problem))
    const form = await c.req.parseBody({ all: true })
    const actor = `preferences-link:${personId}`
    const outcome = await deps.run(
      Effect.gen(function* () {
        const network = yield* NetworkStore.use((store) => store.load)
        const before = yield* viewOf(network, personId, c.req.path)
        const choice = choiceFromForm(form, before.page, before.language)
        if (!("channels" in choice))
          return { _tag: "Invalid" as const, view: { ...before, problems: choice } }
        const effects = yield* preferenceChangeEffects(network, personId, choice)
        const steps = yield* preferenceSteps(network, personId, choice)
        const organisation = yield* Organisation
        const preferences = steps.preferences
        if (preferences !== undefined) {
          yield* organisation.people.update(
            personId,
            (person) => ({ ...person, preferences: { ...person.preferences, ...preferences } }),
            actor,
          )
        }
        for (const follow of steps.follow) yield* organisation.follows.follow(follow, actor)
        for (const themeGroupId of steps.unfollow)
          yield* organisation.follows.unfollow(personId, themeGroupId, actor)
        const after = yield* NetworkStore.use((store) => store.load)
        const view = yield* viewOf(after, personId, c.req.path)
        return {
          _tag: "Saved" as const,
          view: {
            ...view,
            saved: effects.map((effect) => explainPreferenceEffect(after, effect, view.language)),
          },
        }
      }).pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined))),
    )
    if (outcome === undefined) return c.html(problemPage("unknownPerson"), 404)
    if (outcome._tag === "Invalid") return c.html(renderPreferencesPage(outcome.view), 400)
    return c.html(renderPreferencesPage(outcome.view))
  })

  return app
}
