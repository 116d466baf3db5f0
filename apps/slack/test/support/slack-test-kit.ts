import type { Network } from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import { layerPglite, layerRepositories, Organisation, type Repositories } from "@spridning/db"
import { Effect, Layer, ManagedRuntime } from "effect"
import type { Hono } from "hono"
import { slackRoutes } from "../../src/slack-app/slack-app.js"
import {
  eventCallbackBody,
  interactionBody,
  type SignOptions,
  type SlackFake,
  signedRequest,
  slashCommandBody,
  startSlackFake,
} from "../../src/testing/index.js"

export const signingSecret = "8f742231b10e8888abcd99yyyzzz85a5"

/** People of the demo network the specs act as, each with a Slack account of the same email. */
export const cast = {
  /** Chair of Hälsofrämjande arbetsplats, reads English. */
  chair: { personId: "person-0025", slackId: "U0CHAIR", email: "hakan.sjoberg@regionvasterbotten.example" },
  /** Process leader of Region Skåne. */
  processLeader: {
    personId: "person-0306",
    slackId: "U0SKANEPL",
    email: "Karl.Henriksson@RegionSkane.example",
  },
  /** Participant in Tobaksprevention and Alkoholprevention (follows Tobaksprevention); publishes nowhere. */
  participant: {
    personId: "person-0004",
    slackId: "U0HELENA",
    email: "helena.holm@regionnorrbotten.example",
  },
  /** Contact person for Matvanor in Norrbotten (the region is bridged through her). */
  contactPerson: {
    personId: "person-0005",
    slackId: "U0CONTACT",
    email: "helena.magnusson@regionnorrbotten.example",
  },
  /** In the workspace, not in the network. */
  stranger: { personId: "", slackId: "U0STRANGER", email: "someone@example.org" },
} as const

export interface SlackTestKit {
  readonly fake: SlackFake
  readonly runtime: ManagedRuntime.ManagedRuntime<Repositories, unknown>
  readonly routes: Hono
  readonly network: Network
  readonly run: <A, E>(effect: Effect.Effect<A, E, Repositories>) => Promise<A>
  readonly send: (
    body: string,
    contentType: "application/x-www-form-urlencoded" | "application/json",
    sign?: Partial<SignOptions>,
  ) => Promise<Response>
  /** Types `/spridning <text>` as `slackId`; returns Slack's view of the answer. */
  readonly command: (
    slackId: string,
    text: string,
    sign?: Partial<SignOptions>,
  ) => Promise<{ status: number; body: CommandAnswer }>
  readonly interact: (payload: Record<string, unknown>, sign?: Partial<SignOptions>) => Promise<Response>
  readonly event: (
    eventId: string,
    event: Record<string, unknown>,
    sign?: Partial<SignOptions>,
  ) => Promise<Response>
  readonly close: () => Promise<void>
}

export interface CommandAnswer {
  readonly response_type?: string
  readonly text?: string
  readonly blocks?: ReadonlyArray<{
    readonly type: string
    readonly text?: { readonly text: string }
    readonly elements?: ReadonlyArray<{ readonly text?: string }>
  }>
}

/** Everything an answer shows, as one string, for assertions about what a person reads. */
export const visibleText = (answer: CommandAnswer): string =>
  [
    answer.text ?? "",
    ...(answer.blocks ?? []).flatMap((block) => [
      block.text?.text ?? "",
      ...(block.elements ?? []).map((element) => element.text ?? ""),
    ]),
  ].join("\n")

/** A PGlite database holding the demo network, a Slack fake that knows the cast, and the routes. */
export const startSlackTestKit = async (
  options: {
    readonly adminEmails?: ReadonlyArray<string>
    /** Slack accounts besides the cast's. */
    readonly users?: ReadonlyArray<{ readonly id: string; readonly email: string }>
    /**
     * When a command's answer goes through response_url instead of the acknowledgement.
     * Production waits 2 s; the kit waits 25 s so a busy test machine does not switch paths,
     * except in the tests of that switch.
     */
    readonly answerWithinMillis?: number
    /** The app's clock (when an update is published); the real time unless a spec moves it. */
    readonly now?: () => Date
  } = {},
): Promise<SlackTestKit> => {
  const fake = await startSlackFake({
    users: [
      ...Object.values(cast).map((member) => ({ id: member.slackId, email: member.email })),
      ...(options.users ?? []),
    ],
    channels: [{ id: "C0TOBAK", name: "hfs-tobak" }],
  })
  const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerPglite())))
  const run = <A, E>(effect: Effect.Effect<A, E, Repositories>) => runtime.runPromise(effect)
  await run(
    Effect.gen(function* () {
      const organisation = yield* Organisation
      yield* organisation.importNetwork(demoNetwork, "test")
    }),
  )
  const kit: SlackTestKit = {
    fake,
    runtime,
    network: demoNetwork,
    run,
    routes: undefined as unknown as Hono,
    send: async (body, contentType, sign = {}) =>
      await kit.routes.request("/slack/events", signedRequest(body, contentType, { signingSecret, ...sign })),
    command: async (slackId, text, sign) => {
      const response = await kit.send(
        slashCommandBody({ text, userId: slackId, teamId: fake.teamId, responseUrl: fake.responseUrl() }),
        "application/x-www-form-urlencoded",
        sign,
      )
      const raw = await response.text()
      return { status: response.status, body: raw === "" ? {} : (JSON.parse(raw) as CommandAnswer) }
    },
    interact: (payload, sign) =>
      kit.send(interactionBody(payload), "application/x-www-form-urlencoded", sign),
    event: (eventId, event, sign) =>
      kit.send(eventCallbackBody({ teamId: fake.teamId, eventId, event }), "application/json", sign),
    close: async () => {
      await fake.close()
      await runtime.dispose()
    },
  }
  Object.assign(kit, {
    routes: slackRoutes({
      signingSecret,
      botToken: fake.token,
      botId: "B0BOT",
      botUserId: "U0BOTUSER",
      apiUrl: fake.apiUrl,
      runtime,
      adminEmails: options.adminEmails ?? [],
      processBeforeResponse: true,
      answerWithinMillis: options.answerWithinMillis ?? 25_000,
      // Production signs this link; the kit's stands for it, one per person.
      preferencesUrl: (personId: string) => `https://spridning.test/preferences/for-${personId}`,
      ...(options.now === undefined ? {} : { now: options.now }),
      log: () => undefined,
    }),
  })
  return kit
}
