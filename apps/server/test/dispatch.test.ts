import { type Channel, type Network, NetworkStore, type Person, planDissemination } from "@spridning/core"
import {
  layerPglite,
  layerPostgres,
  layerRepositories,
  type NewUpdate,
  Organisation,
  Outbox,
  type Repositories,
  Updates,
} from "@spridning/db"
import { freshPostgresDatabase } from "@spridning/db/testing"
import {
  type ChannelSender,
  ChannelSenders,
  DispatchSettings,
  makeDispatcher,
  makeDispatchSettings,
} from "@spridning/dispatch"
import { MailSender, makeEmailChannelSender, makeLinkSigner, makeSendGridSender } from "@spridning/email"
import { type LocalSendGrid, startLocalSendGrid } from "@spridning/email/testing"
import { makeSlackChannelSender, makeWebClient } from "@spridning/slack"
import { type SlackFake, startSlackFake } from "@spridning/slack/testing"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const preferences = (channels: ReadonlyArray<Channel>) => ({
  channels,
  language: "sv" as const,
  optedOutOfAll: false,
  optedOutOfThemeGroups: [],
})

/**
 * Skåne is in the tobacco group (Anna); Gotland is not, and its process leader Bo, who chose no
 * channel at all, is its bridge. Fia is Skåne's management and reads only Slack. Gus reads
 * mail and Slack.
 */
const network = {
  healthcareRegions: [
    { id: "sodra", name: "Södra" },
    { id: "stockholm-gotland", name: "Stockholm-Gotland" },
  ],
  regions: [
    { id: "skane", name: "Region Skåne", kind: "region", healthcareRegionIds: ["sodra"] },
    { id: "gotland", name: "Region Gotland", kind: "region", healthcareRegionIds: ["stockholm-gotland"] },
  ],
  orgUnits: [],
  themeGroups: [
    { id: "tobak", name: "Tobaksprevention", topic: "Tobak", status: "active", wantedFunctions: [] },
  ],
  people: [
    {
      id: "anna",
      name: "Anna Berg",
      email: "anna@skane.example",
      function: "clinician",
      regionId: "skane",
      preferences: preferences(["email"]),
    },
    {
      id: "bo",
      name: "Bo Ek",
      email: "bo@gotland.example",
      function: "coordinator",
      regionId: "gotland",
      preferences: preferences([]),
    },
    {
      id: "fia",
      name: "Fia Ledning",
      email: "fia@skane.example",
      function: "director",
      regionId: "skane",
      preferences: preferences(["slack"]),
    },
    {
      id: "gus",
      name: "Gus Båda",
      email: "gus@skane.example",
      function: "strategist",
      regionId: "skane",
      preferences: preferences(["email", "slack"]),
    },
  ],
  roles: [
    { id: "r1", personId: "anna", role: "participant", regionId: "skane", themeGroupId: "tobak" },
    { id: "r2", personId: "bo", role: "processLeader", regionId: "gotland" },
    { id: "r3", personId: "fia", role: "management", regionId: "skane" },
    { id: "r4", personId: "gus", role: "participant", regionId: "skane", themeGroupId: "tobak" },
    { id: "r5", personId: "anna", role: "processLeader", regionId: "skane" },
  ],
  regionalBodies: [],
  reportingRules: [],
  follows: [],
} as unknown as Network

const links = makeLinkSigner(Redacted.make("dispatch-test-link-secret-0123"), "https://spridning.example")
const organizer = { name: "Spridning", email: "spridning@hfs.example" }

const notes = (id: string): NewUpdate => ({
  id,
  themeGroupId: "tobak",
  title: `Möte ${id}`,
  body: "Vi gick igenom tobaksavvänjning i primärvården.",
  audience: { scope: "network", themeGroups: ["tobak"] } as unknown as NewUpdate["audience"],
  details: { kind: "meetingNotes", meetingDate: "2026-11-12" },
})

const targets: ReadonlyArray<"PGlite" | "PostgreSQL"> = process.env.DATABASE_URL
  ? ["PGlite", "PostgreSQL"]
  : ["PGlite"]

for (const target of targets) {
  describe(`the one dispatcher, email and Slack (${target})`, () => {
    let runtime: ManagedRuntime.ManagedRuntime<Repositories, unknown>
    let sendGrid: LocalSendGrid
    let slack: SlackFake
    let drop: (() => Promise<void>) | undefined
    const run = <A, E>(effect: Effect.Effect<A, E, Repositories>) => runtime.runPromise(effect)

    beforeAll(async () => {
      sendGrid = await startLocalSendGrid()
      slack = await startSlackFake({
        users: [
          { id: "U0FIA", email: "fia@skane.example" },
          { id: "U0GUS", email: "gus@skane.example" },
        ],
      })
      let layer: Layer.Layer<Repositories, unknown> = layerRepositories.pipe(Layer.provide(layerPglite()))
      if (target === "PostgreSQL") {
        const fresh = await freshPostgresDatabase(process.env.DATABASE_URL ?? "", "spridning_dispatch_test")
        drop = fresh.drop
        layer = layerRepositories.pipe(Layer.provide(layerPostgres(fresh.url, { max: 4 })))
      }
      runtime = ManagedRuntime.make(layer)
      await run(Organisation.use((organisation) => organisation.importNetwork(network, "test")))
    }, 60_000)
    afterAll(async () => {
      await runtime.dispose()
      await sendGrid.close()
      await slack.close()
      await drop?.()
    })

    /** A dispatcher with the email sender, and the Slack sender when Slack is on. */
    const dispatcher = (slackOn: boolean) =>
      run(
        Effect.gen(function* () {
          const email = yield* makeEmailChannelSender({ links, organizer }).pipe(
            Effect.provideService(
              MailSender,
              makeSendGridSender({
                apiKey: Redacted.make(sendGrid.apiKey),
                baseUrl: sendGrid.url,
                from: organizer,
              }),
            ),
          )
          const senders: Array<ChannelSender> = [email]
          if (slackOn) {
            const client = makeWebClient({ botToken: slack.token, apiUrl: slack.apiUrl })
            senders.push(yield* makeSlackChannelSender({ client, teamId: slack.teamId, workerId: "test" }))
          }
          return yield* makeDispatcher.pipe(
            Effect.provideService(ChannelSenders, senders),
            Effect.provideService(
              DispatchSettings,
              makeDispatchSettings({
                workerId: `test-${slackOn ? "both" : "email"}`,
                configuredChannels: new Set<Channel>(slackOn ? ["email", "slack"] : ["email"]),
              }),
            ),
          )
        }),
      )

    /** Plans with core against the network as stored now, and publishes. */
    const publish = async (update: NewUpdate, kind: "meetingNotes" | "briefing" = "meetingNotes") => {
      const current = await run(NetworkStore.use((store) => store.load))
      const plan = Effect.runSync(
        planDissemination(current, {
          id: update.id,
          kind,
          ...(update.themeGroupId === undefined ? {} : { themeGroupId: update.themeGroupId }),
          title: update.title,
          audience: update.audience,
        } as never),
      )
      await run(Updates.use((updates) => updates.publish(update, plan, "office", new Date())))
    }

    const deliveriesOf = (updateId: string) => run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
    const mailsTo = (updateId: string) =>
      sendGrid
        .mails()
        .filter((mail) => mail.customArgs.update_id === updateId)
        .map((mail) => mail.to.email)
        .sort()
    const dmsOf = (deliveryIds: ReadonlyArray<string>) =>
      slack
        .messages()
        .filter((message) => deliveryIds.includes(String(message.metadata?.event_payload.delivery_id)))

    it("mails a bridge who chose no channel: the region's only way in stays open", async () => {
      await publish(notes("bridge-1"))
      const report = await run((await dispatcher(false)).drain())
      expect(report.dead).toBe(0)
      expect(mailsTo("bridge-1")).toEqual(["anna@skane.example", "bo@gotland.example", "gus@skane.example"])
      const bo = (await deliveriesOf("bridge-1")).find((delivery) => delivery.personId === "bo")
      expect([bo?.channel, bo?.state, bo?.bridge?.via]).toEqual(["email", "sent", "processLeader"])
    })

    it("delivers to a person added one second before the publish (no stale copy of the network)", async () => {
      const worker = await dispatcher(false)
      // The dispatcher has loaded the network before the person exists.
      await run(worker.drain())
      const hanna = {
        id: "hanna",
        name: "Hanna Ny",
        email: "hanna@skane.example",
        function: "clinician",
        regionId: "skane",
        preferences: preferences(["email"]),
      } as unknown as Person
      await run(
        Organisation.use((organisation) =>
          Effect.andThen(
            organisation.people.create(hanna, "office"),
            organisation.roles.create(
              {
                id: "r-hanna",
                personId: hanna.id,
                role: "participant",
                regionId: "skane",
                themeGroupId: "tobak",
              } as never,
              "office",
            ),
          ),
        ),
      )
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      await publish(notes("new-person-1"))
      const report = await run(worker.drain())
      expect(report.dead).toBe(0)
      expect(mailsTo("new-person-1")).toContain("hanna@skane.example")
      const hannas = (await deliveriesOf("new-person-1")).find((delivery) => delivery.personId === "hanna")
      expect(hannas?.state).toBe("sent")
    })

    it("stops both the mail and the Slack message after a late opt-out", async () => {
      await publish(notes("late-opt-out-1"))
      const planned = (await deliveriesOf("late-opt-out-1")).filter((delivery) => delivery.personId === "gus")
      expect(planned.map((delivery) => delivery.channel).sort()).toEqual(["email", "slack"])
      await run(
        Organisation.use((organisation) =>
          organisation.people.update(
            "gus",
            (gus) => ({ ...gus, preferences: { ...gus.preferences, optedOutOfAll: true } }),
            "gus",
          ),
        ),
      )
      await run((await dispatcher(true)).drain())
      const after = (await deliveriesOf("late-opt-out-1")).filter((delivery) => delivery.personId === "gus")
      expect(after.map((delivery) => [delivery.channel, delivery.state]).sort()).toEqual([
        ["email", "suppressed"],
        ["slack", "suppressed"],
      ])
      expect(mailsTo("late-opt-out-1")).not.toContain("gus@skane.example")
      expect(dmsOf(after.map((delivery) => delivery.id))).toEqual([])
      await run(
        Organisation.use((organisation) =>
          organisation.people.update(
            "gus",
            (gus) => ({ ...gus, preferences: { ...gus.preferences, optedOutOfAll: false } }),
            "gus",
          ),
        ),
      )
    })

    const briefing = (id: string): NewUpdate => ({
      id,
      title: "Lägesbild för Region Skåne",
      body: "Vad temagrupperna gjort, var regionen saknas, vad som väntar på er.",
      audience: {
        scope: "network",
        regions: ["skane"],
        roles: ["management"],
      } as unknown as NewUpdate["audience"],
      details: { kind: "briefing", regionId: "skane", periodKey: "2026-11" },
    })

    it("gives a Slack-only manager the briefing by email while Slack is off, and says so", async () => {
      await publish(briefing("briefing-off"), "briefing")
      const [planned] = (await deliveriesOf("briefing-off")).filter((delivery) => delivery.personId === "fia")
      expect(planned?.channel).toBe("slack")
      await run((await dispatcher(false)).drain())
      const fias = (await deliveriesOf("briefing-off")).filter((delivery) => delivery.personId === "fia")
      expect(
        fias.map((delivery) => [delivery.channel, delivery.state, delivery.reroutedFrom ?? null]),
      ).toEqual([
        ["slack", "rerouted", null],
        ["email", "sent", planned!.id],
      ])
      expect(fias[0]?.lastError).toBe("rerouted to email: slack is not configured")
      expect(mailsTo("briefing-off")).toEqual(["fia@skane.example"])
    })

    it("gives the same manager the briefing by Slack when Slack is on", async () => {
      await publish(briefing("briefing-on"), "briefing")
      await run((await dispatcher(true)).drain())
      const fias = (await deliveriesOf("briefing-on")).filter((delivery) => delivery.personId === "fia")
      expect(fias.map((delivery) => [delivery.channel, delivery.state])).toEqual([["slack", "sent"]])
      expect(dmsOf([fias[0]!.id])).toHaveLength(1)
      expect(mailsTo("briefing-on")).toEqual([])
    })
  })
}
