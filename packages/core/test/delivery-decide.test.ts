import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  type Channel,
  type DecisionInput,
  type DecisionUpdate,
  decideDelivery,
  type Network,
  notSentText,
  reroutedText,
  StoredDelivery,
  UpdateId,
} from "../src/index.js"
import { buildNetwork, id, type PersonSpec } from "./fixtures.js"

const decodeDelivery = Schema.decodeUnknownSync(StoredDelivery)

type Reason =
  | { _tag: "HoldsRole"; role: string; regionId: string; themeGroupId?: string }
  | { _tag: "FollowsThemeGroup"; themeGroupId: string }

const participant = (region: string): Reason => ({
  _tag: "HoldsRole",
  role: "participant",
  regionId: region,
  themeGroupId: "tobak",
})
const follows: Reason = { _tag: "FollowsThemeGroup", themeGroupId: "tobak" }
const contactPerson = (region: string): Reason => ({
  _tag: "HoldsRole",
  role: "contactPerson",
  regionId: region,
  themeGroupId: "tobak",
})

const delivery = (spec: {
  person: string
  region?: string
  channel?: Channel
  reasons?: ReadonlyArray<Reason>
  bridge?: { regionId: string; via: "contactPerson" | "processLeader" }
  reroutedFrom?: string
}): StoredDelivery =>
  decodeDelivery({
    id: `d-${spec.person}-${spec.channel ?? "email"}`,
    updateId: "u1",
    personId: spec.person,
    regionId: spec.region ?? "skane",
    channel: spec.channel ?? "email",
    reasons: spec.reasons ?? [participant(spec.region ?? "skane")],
    ...(spec.bridge === undefined ? {} : { bridge: spec.bridge }),
    state: "pending",
    attempts: 0,
    nextAttemptAt: new Date("2026-11-23T10:00:00Z"),
    createdAt: new Date("2026-11-23T10:00:00Z"),
    ...(spec.reroutedFrom === undefined ? {} : { reroutedFrom: spec.reroutedFrom }),
  })

const notes: DecisionUpdate = {
  id: Schema.decodeUnknownSync(UpdateId)("u1"),
  kind: "meetingNotes",
  themeGroupId: id.group("tobak"),
  publishedAt: new Date("2026-11-23T10:00:00Z"),
}

const both: ReadonlySet<Channel> = new Set(["email", "slack"])
const emailOnly: ReadonlySet<Channel> = new Set(["email"])
const none: ReadonlySet<Channel> = new Set()

const decide = (
  network: Network,
  stored: StoredDelivery,
  options: Partial<Omit<DecisionInput, "network" | "delivery">> = {},
) =>
  decideDelivery({
    network,
    delivery: stored,
    update: notes,
    now: new Date("2026-11-23T10:00:05Z"),
    configuredChannels: both,
    suppressedAddress: false,
    otherChannels: none,
    ...options,
  })

const anna: PersonSpec = { id: "anna", region: "skane", roles: [{ role: "participant", group: "tobak" }] }

describe("decideDelivery: who still gets it", () => {
  it("sends a participant's delivery at once on its channel", () => {
    expect(decide(buildNetwork([anna]), delivery({ person: "anna" }))).toEqual({ _tag: "Send" })
  })

  it("gives up when the person no longer exists", () => {
    expect(decide(buildNetwork([]), delivery({ person: "anna" }))).toEqual({
      _tag: "GiveUp",
      reason: { _tag: "PersonGone", personId: "anna" },
    })
  })

  it("does not send the update to the person who published it", () => {
    const update = { ...notes, createdBy: id.person("anna") }
    expect(decide(buildNetwork([anna]), delivery({ person: "anna" }), { update })).toEqual({
      _tag: "Suppress",
      reason: { _tag: "IsAuthor" },
    })
    // published by a token or the office (no person): everyone planned gets it
    expect(decide(buildNetwork([anna]), delivery({ person: "anna" }))).toEqual({ _tag: "Send" })
  })

  it("stops mail and Slack alike after an opt-out of everything made after publishing", () => {
    const network = buildNetwork([{ ...anna, channels: ["email", "slack"], optedOutOfAll: true }])
    const suppressed = { _tag: "Suppress", reason: { _tag: "OptedOutOfAll" } }
    expect(decide(network, delivery({ person: "anna", channel: "email" }))).toEqual(suppressed)
    expect(decide(network, delivery({ person: "anna", channel: "slack" }))).toEqual(suppressed)
  })

  it("stops mail and Slack alike after an opt-out of the group made after publishing", () => {
    const network = buildNetwork([
      { ...anna, channels: ["email", "slack"], optedOutOfThemeGroups: ["tobak"] },
    ])
    const suppressed = { _tag: "Suppress", reason: { _tag: "OptedOutOfThemeGroup", themeGroupId: "tobak" } }
    expect(decide(network, delivery({ person: "anna", channel: "email" }))).toEqual(suppressed)
    expect(decide(network, delivery({ person: "anna", channel: "slack" }))).toEqual(suppressed)
    // an opt-out of another group does not matter
    const other = buildNetwork([{ ...anna, optedOutOfThemeGroups: ["alkohol"] }])
    expect(decide(other, delivery({ person: "anna" }))).toEqual({ _tag: "Send" })
  })

  it("suppresses a delivery whose only reason was following a group the person no longer follows", () => {
    const network = buildNetwork([{ id: "dag", region: "skane" }])
    expect(decide(network, delivery({ person: "dag", reasons: [follows] }))).toEqual({
      _tag: "Suppress",
      reason: { _tag: "NoLongerFollows", themeGroupId: "tobak" },
    })
    // with another reason besides following, the delivery stands
    expect(decide(network, delivery({ person: "dag", reasons: [follows, participant("skane")] }))).toEqual({
      _tag: "Send",
    })
    const stillFollowing = buildNetwork([{ id: "dag", region: "skane", follows: [{ group: "tobak" }] }])
    expect(decide(stillFollowing, delivery({ person: "dag", reasons: [follows] }))).toEqual({ _tag: "Send" })
  })
})

describe("decideDelivery: channels", () => {
  const bridge = { regionId: "kalmar", via: "contactPerson" as const }
  const kalmarContact: PersonSpec = {
    id: "karin",
    region: "kalmar",
    channels: [],
    roles: [{ role: "contactPerson", group: "tobak" }],
  }

  it("mails a bridge who chose no channel: the region's only way in stays open", () => {
    const network = buildNetwork([kalmarContact])
    expect(
      decide(
        network,
        delivery({ person: "karin", region: "kalmar", reasons: [contactPerson("kalmar")], bridge }),
      ),
    ).toEqual({ _tag: "Send" })
  })

  it("suppresses a delivery on a channel the person removed after publishing", () => {
    const network = buildNetwork([{ ...anna, channels: ["email"] }])
    expect(
      decide(network, delivery({ person: "anna", channel: "slack" }), { otherChannels: emailOnly }),
    ).toEqual({
      _tag: "Suppress",
      reason: { _tag: "ChannelRemoved", channel: "slack" },
    })
    const noChannel = buildNetwork([{ ...anna, channels: [] }])
    expect(decide(noChannel, delivery({ person: "anna", channel: "email" }))).toEqual({
      _tag: "Suppress",
      reason: { _tag: "ChannelRemoved", channel: "email" },
    })
  })

  it("keeps a bridge's delivery on a removed channel when it is the bridge's only way in, not otherwise", () => {
    const network = buildNetwork([{ ...kalmarContact, channels: ["email"] }])
    const onSlack = delivery({
      person: "karin",
      region: "kalmar",
      channel: "slack",
      reasons: [contactPerson("kalmar")],
      bridge,
    })
    expect(decide(network, onSlack)).toEqual({ _tag: "Send" })
    expect(decide(network, onSlack, { otherChannels: emailOnly })).toEqual({
      _tag: "Suppress",
      reason: { _tag: "ChannelRemoved", channel: "slack" },
    })
  })

  it("suppresses mail to an address on the suppression list, and only mail", () => {
    const network = buildNetwork([{ ...anna, channels: ["email", "slack"] }])
    expect(
      decide(network, delivery({ person: "anna", channel: "email" }), { suppressedAddress: true }),
    ).toEqual({
      _tag: "Suppress",
      reason: { _tag: "AddressSuppressed" },
    })
    expect(
      decide(network, delivery({ person: "anna", channel: "slack" }), { suppressedAddress: true }),
    ).toEqual({
      _tag: "Send",
    })
  })

  it("reroutes a Slack-only person's delivery to email while Slack is not configured", () => {
    const network = buildNetwork([{ ...anna, channels: ["slack"] }])
    expect(
      decide(network, delivery({ person: "anna", channel: "slack" }), { configuredChannels: emailOnly }),
    ).toEqual({
      _tag: "Reroute",
      to: "email",
      reason: "channelNotConfigured",
    })
    // once Slack is configured, Slack it is
    expect(decide(network, delivery({ person: "anna", channel: "slack" }))).toEqual({ _tag: "Send" })
  })

  it("sends the email replacement of a Slack-only person's delivery although they never chose email", () => {
    const network = buildNetwork([{ ...anna, channels: ["slack"] }])
    const replacement = delivery({ person: "anna", channel: "email", reroutedFrom: "d-anna-slack" })
    expect(decide(network, replacement, { configuredChannels: emailOnly })).toEqual({ _tag: "Send" })
  })

  it("suppresses the Slack delivery of someone the update reaches by email while Slack is not configured", () => {
    const network = buildNetwork([{ ...anna, channels: ["email", "slack"] }])
    expect(
      decide(network, delivery({ person: "anna", channel: "slack" }), {
        configuredChannels: emailOnly,
        otherChannels: emailOnly,
      }),
    ).toEqual({ _tag: "Suppress", reason: { _tag: "ReachesYouElsewhere", channel: "email" } })
  })

  it("gives up when no channel to reach the person is configured", () => {
    const network = buildNetwork([{ ...anna, channels: ["slack"] }])
    expect(
      decide(network, delivery({ person: "anna", channel: "slack" }), { configuredChannels: none }),
    ).toEqual({
      _tag: "GiveUp",
      reason: { _tag: "NoChannelConfigured", channel: "slack" },
    })
  })
})

describe("decideDelivery: digest cadence", () => {
  const daily = buildNetwork([
    { id: "dag", region: "skane", follows: [{ group: "tobak", frequency: "daily" }] },
  ])
  const weekly = buildNetwork([
    { id: "eva", region: "skane", follows: [{ group: "tobak", frequency: "weekly" }] },
  ])

  it("holds a daily follower's mail until local midnight in Stockholm, then sends it in the digest", () => {
    const held = delivery({ person: "dag", reasons: [follows] })
    expect(decide(daily, held, { now: new Date("2026-11-23T15:00:00Z") })).toEqual({
      _tag: "Hold",
      until: new Date("2026-11-23T23:00:00Z"),
      cadence: "daily",
      periodKey: "daily:2026-11-23",
    })
    expect(decide(daily, held, { now: new Date("2026-11-23T22:59:59.999Z") })._tag).toBe("Hold")
    expect(decide(daily, held, { now: new Date("2026-11-23T23:00:00Z") })).toEqual({
      _tag: "SendInDigest",
      cadence: "daily",
      periodKey: "daily:2026-11-23",
    })
  })

  it("holds a weekly follower's mail until the night between Sunday and Monday", () => {
    const update = { ...notes, publishedAt: new Date("2026-11-25T10:00:00Z") }
    const held = delivery({ person: "eva", reasons: [follows] })
    expect(decide(weekly, held, { update, now: new Date("2026-11-29T22:59:00Z") })).toEqual({
      _tag: "Hold",
      until: new Date("2026-11-29T23:00:00Z"),
      cadence: "weekly",
      periodKey: "weekly:2026-W48",
    })
    expect(decide(weekly, held, { update, now: new Date("2026-11-29T23:00:00Z") })).toEqual({
      _tag: "SendInDigest",
      cadence: "weekly",
      periodKey: "weekly:2026-W48",
    })
  })

  it("sends at once when following is not the only reason, to bridges, and for digital hours and proposal rounds", () => {
    const now = { now: new Date("2026-11-23T15:00:00Z") }
    expect(decide(daily, delivery({ person: "dag", reasons: [follows, participant("skane")] }), now)).toEqual(
      {
        _tag: "Send",
      },
    )
    const bridged = delivery({
      person: "dag",
      reasons: [follows],
      bridge: { regionId: "skane", via: "contactPerson" },
    })
    expect(decide(daily, bridged, now)).toEqual({ _tag: "Send" })
    const onlyFollows = delivery({ person: "dag", reasons: [follows] })
    expect(decide(daily, onlyFollows, { ...now, update: { ...notes, kind: "digitalHour" } })).toEqual({
      _tag: "Send",
    })
    expect(decide(daily, onlyFollows, { ...now, update: { ...notes, kind: "proposalRound" } })).toEqual({
      _tag: "Send",
    })
  })

  it("holds a daily follower's Slack message for the day's digest too, and sends it in the digest after midnight", () => {
    const slackDaily = buildNetwork([
      { id: "dag", region: "skane", channels: ["slack"], follows: [{ group: "tobak", frequency: "daily" }] },
    ])
    const onSlack = delivery({ person: "dag", channel: "slack", reasons: [follows] })
    const update = { ...notes, publishedAt: new Date("2026-11-23T10:00:00Z") }
    expect(decide(slackDaily, onSlack, { update, now: new Date("2026-11-23T15:00:00Z") })).toEqual({
      _tag: "Hold",
      until: new Date("2026-11-23T23:00:00Z"),
      cadence: "daily",
      periodKey: "daily:2026-11-23",
    })
    expect(decide(slackDaily, onSlack, { update, now: new Date("2026-11-23T23:00:00Z") })).toEqual({
      _tag: "SendInDigest",
      cadence: "daily",
      periodKey: "daily:2026-11-23",
    })
  })

  it("posts to Slack at once for an immediate follower", () => {
    const slackNow = buildNetwork([
      {
        id: "dag",
        region: "skane",
        channels: ["slack"],
        follows: [{ group: "tobak", frequency: "immediate" }],
      },
    ])
    expect(
      decide(slackNow, delivery({ person: "dag", channel: "slack", reasons: [follows] }), {
        now: new Date("2026-11-23T15:00:00Z"),
      }),
    ).toEqual({ _tag: "Send" })
  })
})

describe("why a delivery was not sent, in words", () => {
  const network = buildNetwork([anna])
  it("names the group and the channel in Swedish and English", () => {
    expect(
      notSentText(network, "sv", { _tag: "OptedOutOfThemeGroup", themeGroupId: id.group("tobak") }),
    ).toBe("Personen har valt bort utskick från temagruppen Tobaksprevention.")
    expect(notSentText(network, "en", { _tag: "ReachesYouElsewhere", channel: "email" })).toBe(
      "Reaches the person by email.",
    )
    expect(notSentText(network, "sv", { _tag: "ReachesYouElsewhere", channel: "email" })).toBe(
      "Når personen via e-post.",
    )
    expect(reroutedText("sv", "slack", "email")).toBe(
      "Slack är inte konfigurerat, så det skickas med e-post i stället.",
    )
  })
})
