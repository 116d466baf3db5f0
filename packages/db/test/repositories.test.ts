import {
  type DisseminationPlan,
  type Network,
  NetworkStore,
  type PersonId,
  type RegionId,
  type ThemeGroupId,
  type UpdateId,
} from "@spridning/core"
import { Effect } from "effect"
import { expect, it } from "vitest"
import { ApiTokens, IdempotencyKeys } from "../src/access/access.js"
import { AuditLog } from "../src/audit/audit-log.js"
import { Organisation } from "../src/organisation/organisation.js"
import { Outbox } from "../src/outbox/outbox.js"
import { DigestRuns, Receipts, Suppressions } from "../src/outbox/tracking.js"
import type { NewUpdate } from "../src/updates/model.js"
import { Updates } from "../src/updates/updates.js"
import { describeEachDatabase, smallNetwork, type TestDatabase } from "./support.js"

const planFor = (
  updateId: string,
  recipients: ReadonlyArray<{ personId: string; regionId: string }>,
): DisseminationPlan => ({
  updateId: updateId as UpdateId,
  deliveries: recipients.map((recipient) => ({
    updateId: updateId as UpdateId,
    personId: recipient.personId as PersonId,
    regionId: recipient.regionId as RegionId,
    channel: "email",
    reasons: [{ _tag: "InTargetedRegion", regionId: recipient.regionId as RegionId, scope: "network" }],
  })),
  unreachableRegions: [],
  skipped: [],
  passOnLine: { sv: "Sprid vidare till: processledare", en: "Pass on to: process leaders" },
})

const notes = (id: string, themeGroupId: string): NewUpdate => ({
  id,
  themeGroupId,
  title: "Minnesanteckningar november",
  body: "Vi pratade om tobaksfria skolgårdar.",
  audience: { scope: "network", themeGroups: [themeGroupId] as never },
  details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
})

/** The store lists every entity by id (follows by person, then group). */
const inStoredOrder = (network: Network): Network => {
  const byId = <T extends { readonly id: string }>(values: ReadonlyArray<T>) =>
    [...values].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return {
    healthcareRegions: byId(network.healthcareRegions),
    regions: byId(network.regions),
    orgUnits: byId(network.orgUnits),
    themeGroups: byId(network.themeGroups),
    people: byId(network.people),
    roles: byId(network.roles),
    regionalBodies: byId(network.regionalBodies),
    reportingRules: byId(network.reportingRules),
    follows: [...network.follows].sort((a, b) =>
      `${a.personId}/${a.themeGroupId}` < `${b.personId}/${b.themeGroupId}` ? -1 : 1,
    ),
  }
}

describeEachDatabase("organisation", (database) => {
  it("stores a whole network and loads it back unchanged through core's NetworkStore", async () => {
    const network = smallNetwork("rt")
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(network, "test")))
    const loaded = await database.run(Effect.flatMap(NetworkStore, (store) => store.load))
    expect(loaded).toEqual(inStoredOrder(network))
  })

  it("round-trips every entity through create, get, update and list", async () => {
    const network = smallNetwork("crud", { withDefaultRule: true })
    const org = await database.run(Organisation)
    for (const value of network.healthcareRegions)
      await database.run(org.healthcareRegions.create(value, "test"))
    for (const value of network.regions) await database.run(org.regions.create(value, "test"))
    for (const value of network.orgUnits) await database.run(org.orgUnits.create(value, "test"))
    await database.run(org.themeGroups.createMany(network.themeGroups, "test"))
    for (const value of network.people) await database.run(org.people.create(value, "test"))
    for (const value of network.regionalBodies) await database.run(org.regionalBodies.create(value, "test"))
    for (const value of network.roles) await database.run(org.roles.create(value, "test"))
    for (const value of network.reportingRules) await database.run(org.reportingRules.create(value, "test"))
    for (const value of network.follows) await database.run(org.follows.follow(value, "test"))

    expect(await database.run(org.regions.get("crud-halland"))).toEqual(network.regions[0])
    expect(await database.run(org.themeGroups.get("crud-alkohol"))).toEqual(network.themeGroups[1])
    expect(await database.run(org.people.get("crud-anna"))).toEqual(network.people[0])
    expect(await database.run(org.roles.get("crud-r3"))).toEqual(network.roles[2])
    expect(await database.run(org.regionalBodies.get("crud-rb"))).toEqual(network.regionalBodies[0])
    expect(await database.run(org.reportingRules.get("crud-rule-default"))).toEqual(network.reportingRules[0])

    const renamed = await database.run(
      org.people.update(
        "crud-bo",
        (bo) => ({ ...bo, name: "Bo Bergström", preferences: { ...bo.preferences, optedOutOfAll: true } }),
        "admin",
      ),
    )
    expect(await database.run(org.people.get("crud-bo"))).toEqual(renamed)
    expect(renamed.preferences.optedOutOfAll).toBe(true)

    const halland = await database.run(org.people.list({ filter: { regionId: "crud-halland" } }))
    expect(halland.items.map((person) => person.id)).toEqual(["crud-bo", "crud-cia"])
    const inGroup = await database.run(org.people.list({ filter: { themeGroupId: "crud-tobak" } }))
    expect(inGroup.items.map((person) => person.id)).toEqual(["crud-anna"])
    const inSodra = await database.run(org.regions.list({ filter: { healthcareRegionId: "crud-hr-sodra" } }))
    expect(inSodra.items.map((region) => region.id)).toEqual(["crud-halland", "crud-skane"])
    const defaults = await database.run(org.reportingRules.list({ filter: { regionId: null } }))
    expect(defaults.items.map((rule) => rule.id)).toContain("crud-rule-default")
    expect(defaults.items.map((rule) => rule.id)).not.toContain("crud-rule-halland")
    const follows = await database.run(org.follows.list({ filter: { themeGroupId: "crud-tobak" } }))
    expect(follows.items).toEqual(network.follows)

    const audit = await database.run(
      Effect.flatMap(AuditLog, (log) => log.list({ entity: "person", entityId: "crud-bo" })),
    )
    expect(audit.map((entry) => entry.action)).toEqual(["update", "create"])
    expect(audit[0]).toMatchObject({
      actor: "admin",
      before: { name: "Bo Berg" },
      after: { name: "Bo Bergström" },
    })
  })

  it("pages through a list with cursors, never repeating or skipping a record", async () => {
    const org = await database.run(Organisation)
    const healthcareRegions = Array.from({ length: 7 }, (_, index) => ({
      id: `page-${index}`,
      name: `HR ${index}`,
    }))
    await database.run(org.healthcareRegions.createMany(healthcareRegions as never, "test"))
    const seen: Array<string> = []
    let cursor: string | undefined
    do {
      const page = await database.run(
        org.healthcareRegions.list({ limit: 3, ...(cursor === undefined ? {} : { cursor }) }),
      )
      seen.push(...page.items.map((item) => item.id).filter((id) => id.startsWith("page-")))
      cursor = page.nextCursor
    } while (cursor !== undefined)
    expect(seen).toEqual(healthcareRegions.map((region) => region.id))
    const bad = await database.run(Effect.flip(org.healthcareRegions.list({ cursor: "not-a-cursor" })))
    expect(bad._tag).toBe("InvalidCursor")
  })

  it("turns constraint violations into typed errors that name what is wrong", async () => {
    const network = smallNetwork("err")
    const org = await database.run(Organisation)
    await database.run(org.importNetwork(network, "test"))
    const anna = network.people[0]
    if (anna === undefined) throw new Error("fixture has people")

    const duplicate = await database.run(
      Effect.flip(org.people.create({ ...anna, id: "err-anna-2" as PersonId }, "test")),
    )
    expect(duplicate).toMatchObject({ _tag: "Duplicate", entity: "person", constraint: "people_email" })

    const sameId = await database.run(
      Effect.flip(org.people.create({ ...anna, email: "other@example.se" }, "test")),
    )
    expect(sameId).toMatchObject({ _tag: "Duplicate", constraint: "people_pkey" })

    const unknownRegion = await database.run(
      Effect.flip(
        org.people.create(
          { ...anna, id: "err-x" as PersonId, email: "x@example.se", regionId: "nowhere" as RegionId },
          "test",
        ),
      ),
    )
    expect(unknownRegion).toMatchObject({ _tag: "NotFound", entity: "region", id: "nowhere" })

    const participantWithoutGroup = await database.run(
      Effect.flip(
        org.roles.create(
          { id: "err-bad-role", personId: anna.id, role: "participant", regionId: anna.regionId } as never,
          "test",
        ),
      ),
    )
    expect(participantWithoutGroup).toMatchObject({
      _tag: "InvalidRecord",
      constraint: "role_assignments_theme_group_roles",
    })

    const stillReferenced = await database.run(Effect.flip(org.regions.remove("err-skane", "test")))
    expect(stillReferenced).toMatchObject({ _tag: "Conflict", entity: "region", id: "err-skane" })

    const missing = await database.run(
      Effect.flip(org.people.update("err-nobody", (person) => person, "test")),
    )
    expect(missing).toMatchObject({ _tag: "NotFound", entity: "person", id: "err-nobody" })
  })
})

/** Sends whatever earlier tests left due by `now`, so a test sees only its own deliveries. */
const drainOutbox = async (database: TestDatabase, now: Date): Promise<void> => {
  const outbox = await database.run(Outbox)
  // Claims left by earlier tests run out; claim takes only pending and failed ones.
  await database.run(outbox.reclaimExpired(undefined, now))
  const claimed = await database.run(
    outbox.claim({ channel: "email", workerId: "drain", limit: 100_000, leaseMillis: 1, now }),
  )
  await database.run(
    outbox.markSent(
      "drain",
      claimed.map((delivery) => ({ id: delivery.id })),
      now,
    ),
  )
}

describeEachDatabase("updates and the outbox", (database) => {
  const recipients = (prefix: string) => [
    { personId: `${prefix}-anna`, regionId: `${prefix}-skane` },
    { personId: `${prefix}-bo`, regionId: `${prefix}-halland` },
    { personId: `${prefix}-cia`, regionId: `${prefix}-halland` },
  ]

  it("publishes an update with all its deliveries and an audit record", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("pub"), "test")))
    const updates = await database.run(Updates)
    const result = await database.run(
      updates.publish(notes("pub-u1", "pub-tobak"), planFor("pub-u1", recipients("pub")), "token:t1"),
    )
    expect(result.deliveries).toBe(3)
    expect(result.update.details).toEqual({ kind: "meetingNotes", meetingDate: "2026-11-20" })
    expect(result.update.passOnLine?.sv).toBe("Sprid vidare till: processledare")
    const outbox = await database.run(Outbox)
    expect(await database.run(outbox.counts("pub-u1"))).toMatchObject({ pending: 3 })
    const audit = await database.run(
      Effect.flatMap(AuditLog, (log) => log.list({ entity: "update", entityId: "pub-u1" })),
    )
    expect(audit.map((entry) => [entry.action, entry.actor])).toEqual([["publish", "token:t1"]])
  })

  it("writes nothing when one delivery of a publication fails", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("rb"), "test")))
    const updates = await database.run(Updates)
    const plan = planFor("rb-u1", [...recipients("rb"), { personId: "rb-ghost", regionId: "rb-skane" }])
    const failure = await database.run(Effect.flip(updates.publish(notes("rb-u1", "rb-tobak"), plan, "test")))
    expect(failure).toMatchObject({ _tag: "NotFound", entity: "person", id: "rb-ghost" })
    expect(await database.run(Effect.flip(updates.get("rb-u1")))).toMatchObject({
      _tag: "NotFound",
      entity: "update",
    })
    const outbox = await database.run(Outbox)
    expect(await database.run(outbox.forUpdate("rb-u1"))).toEqual([])
    const audit = await database.run(Effect.flatMap(AuditLog, (log) => log.list({ entityId: "rb-u1" })))
    expect(audit).toEqual([])
  })

  it("stores every kind of update with its own details, drafts included", async () => {
    await database.run(
      Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("kinds"), "test")),
    )
    const updates = await database.run(Updates)
    const base = { themeGroupId: "kinds-tobak", body: "", audience: { scope: "public" as const } }
    const all: Array<NewUpdate> = [
      {
        ...base,
        id: "kinds-wl",
        title: "Arbetslista",
        details: { kind: "workListItem", status: "ongoing", dueDate: "2026-12-01" },
      },
      {
        ...base,
        id: "kinds-dh",
        title: "Digitimme",
        details: {
          kind: "digitalHour",
          startsAt: new Date("2026-12-03T13:00:00Z"),
          endsAt: new Date("2026-12-03T14:00:00Z"),
          url: "https://meet.example/x",
        },
      },
      {
        ...base,
        id: "kinds-ge",
        title: "Regionalt nätverk",
        details: { kind: "goodExample", tags: ["regional-organisation"], regionId: "kinds-skane" },
      },
      {
        ...base,
        id: "kinds-pr",
        title: "Förslag inför 2027",
        details: { kind: "proposalRound", deadline: new Date("2027-01-31T23:00:00Z"), planYear: 2027 },
      },
      {
        ...base,
        id: "kinds-ap",
        title: "Handlingsplan 2027",
        details: { kind: "actionPlan", planYear: 2027 },
      },
      {
        ...base,
        id: "kinds-br",
        title: "Dragning",
        details: { kind: "briefing", regionId: "kinds-halland", periodKey: "2026-Q4" },
      },
    ]
    for (const update of all) await database.run(updates.createDraft(update, "test"))
    for (const update of all) {
      const stored = await database.run(updates.get(update.id))
      expect(stored.details).toEqual(update.details)
      expect(stored.publishedAt).toBeUndefined()
    }
    const tagged = await database.run(updates.list({ filter: { tag: "regional-organisation" } }))
    expect(tagged.items.map((update) => update.id)).toEqual(["kinds-ge"])
    const hours = await database.run(
      updates.digitalHoursStarting(new Date("2026-12-01"), new Date("2026-12-31")),
    )
    expect(hours.map((update) => update.id)).toEqual(["kinds-dh"])

    const proposal = await database.run(
      updates.submitProposal({ roundId: "kinds-pr", regionId: "kinds-halland", text: "Mer om snus" }, "test"),
    )
    const noReason = await database.run(
      Effect.flip(updates.answerProposal(proposal.id, { status: "declined" }, "test")),
    )
    expect(noReason).toMatchObject({ _tag: "Conflict", reason: "a declined proposal needs a reason" })
    const declined = await database.run(
      updates.answerProposal(proposal.id, { status: "declined", reason: "Ligger utanför uppdraget" }, "test"),
    )
    expect(declined).toMatchObject({ status: "declined", reason: "Ligger utanför uppdraget" })
    expect(await database.run(updates.proposals("kinds-pr"))).toEqual([declined])

    await database.run(updates.publishDraft("kinds-wl", planFor("kinds-wl", recipients("kinds")), "test"))
    const again = await database.run(
      Effect.flip(updates.publishDraft("kinds-wl", planFor("kinds-wl", []), "test")),
    )
    expect(again).toMatchObject({ _tag: "Conflict", id: "kinds-wl" })
  })

  it("lists a group's updates newest first, page by page, without repeats or gaps", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("pg"), "test")))
    const updates = await database.run(Updates)
    const ids = Array.from({ length: 5 }, (_, index) => `pg-u${index}`)
    for (const id of ids) await database.run(updates.createDraft(notes(id, "pg-tobak"), "test"))
    const seen: Array<string> = []
    let cursor: string | undefined
    do {
      const page = await database.run(
        updates.list({
          filter: { themeGroupId: "pg-tobak" },
          limit: 2,
          ...(cursor === undefined ? {} : { cursor }),
        }),
      )
      seen.push(...page.items.map((update) => update.id))
      cursor = page.nextCursor
    } while (cursor !== undefined)
    expect([...seen].sort()).toEqual(ids)
    expect(new Set(seen).size).toBe(5)
    const stored = await Promise.all(seen.map((id) => database.run(updates.get(id))))
    const times = stored.map((update) => update.createdAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(await database.run(Effect.flip(updates.list({ cursor: "bm90LWEtcGFpcg" })))).toMatchObject({
      _tag: "InvalidCursor",
    })
  })

  it("holds back mail to suppressed addresses at publication", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("sup"), "test")))
    await database.run(
      Effect.flatMap(Suppressions, (suppressions) => suppressions.add("BO.sup@example.se", "bounce")),
    )
    const result = await database.run(
      Effect.flatMap(Updates, (updates) =>
        updates.publish(notes("sup-u1", "sup-tobak"), planFor("sup-u1", recipients("sup")), "test"),
      ),
    )
    expect(result).toMatchObject({ deliveries: 3, suppressed: 1 })
    const counts = await database.run(Effect.flatMap(Outbox, (outbox) => outbox.counts("sup-u1")))
    expect(counts).toMatchObject({ pending: 2, suppressed: 1 })
  })

  it("claims due deliveries, marks them sent, retries failures later and gives up when dead", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("ob"), "test")))
    const now = new Date("2030-01-01T10:00:00Z")
    await drainOutbox(database, now)
    await database.run(
      Effect.flatMap(Updates, (updates) =>
        updates.publish(notes("ob-u1", "ob-tobak"), planFor("ob-u1", recipients("ob")), "test", now),
      ),
    )
    const outbox = await database.run(Outbox)
    const claimed = await database.run(
      outbox.claim({ channel: "email", workerId: "w1", limit: 10, leaseMillis: 60_000, now }),
    )
    expect(claimed.filter((delivery) => delivery.updateId === "ob-u1")).toHaveLength(3)
    expect(claimed.every((delivery) => delivery.state === "sending" && delivery.attempts === 1)).toBe(true)
    const [first, second, third] = claimed.filter((delivery) => delivery.updateId === "ob-u1")
    if (first === undefined || second === undefined || third === undefined) throw new Error("three claimed")

    expect(await database.run(outbox.markSent("w2", [{ id: first.id }], now))).toBe(0)
    expect(
      await database.run(outbox.markSent("w1", [{ id: first.id, providerMessageId: "sg-1" }], now)),
    ).toBe(1)
    expect(
      await database.run(
        outbox.markFailed("w1", second.id, {
          error: "429 Too Many Requests",
          retryAt: new Date(now.getTime() + 30_000),
        }),
      ),
    ).toBe(true)
    expect(await database.run(outbox.markDead("w1", third.id, "550 no such user"))).toBe(true)

    expect(
      await database.run(
        outbox.claim({ channel: "email", workerId: "w1", limit: 10, leaseMillis: 60_000, now }),
      ),
    ).toEqual([])
    const retried = await database.run(
      outbox.claim({
        channel: "email",
        workerId: "w1",
        limit: 10,
        leaseMillis: 60_000,
        now: new Date(now.getTime() + 31_000),
      }),
    )
    expect(retried.map((delivery) => [delivery.id, delivery.attempts, delivery.lastError])).toEqual([
      [second.id, 2, "429 Too Many Requests"],
    ])

    const sent = await database.run(outbox.get(first.id))
    expect(sent).toMatchObject({ state: "sent", providerMessageId: "sg-1" })
    expect(await database.run(outbox.findByProviderMessageId("sg-1"))).toMatchObject({ id: first.id })
    expect(await database.run(outbox.get(third.id))).toMatchObject({
      state: "dead",
      lastError: "550 no such user",
    })
  })

  it("returns expired claims to pending when reclaimed", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("rc"), "test")))
    const now = new Date("2032-01-01T10:00:00Z")
    await drainOutbox(database, now)
    await database.run(
      Effect.flatMap(Updates, (updates) =>
        updates.publish(notes("rc-u1", "rc-tobak"), planFor("rc-u1", recipients("rc")), "test", now),
      ),
    )
    const outbox = await database.run(Outbox)
    await database.run(outbox.claim({ channel: "email", workerId: "w", limit: 100, leaseMillis: 1000, now }))
    expect(await database.run(outbox.reclaimExpired("email", new Date(now.getTime() + 500)))).toBe(0)
    expect(
      await database.run(outbox.reclaimExpired("email", new Date(now.getTime() + 2000))),
    ).toBeGreaterThanOrEqual(3)
    expect(await database.run(outbox.counts("rc-u1"))).toMatchObject({ pending: 3, sending: 0 })
  })

  it("records each kind of receipt once per delivery", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("rcp"), "test")))
    await database.run(
      Effect.flatMap(Updates, (updates) =>
        updates.publish(notes("rcp-u1", "rcp-tobak"), planFor("rcp-u1", recipients("rcp")), "test"),
      ),
    )
    const [delivery] = await database.run(Effect.flatMap(Outbox, (outbox) => outbox.forUpdate("rcp-u1")))
    if (delivery === undefined) throw new Error("a delivery")
    const receipts = await database.run(Receipts)
    expect(await database.run(receipts.record({ deliveryId: delivery.id, kind: "read" }))).toBe(true)
    expect(await database.run(receipts.record({ deliveryId: delivery.id, kind: "read" }))).toBe(false)
    expect(
      await database.run(
        receipts.record({ deliveryId: delivery.id, kind: "acted", personId: delivery.personId }),
      ),
    ).toBe(true)
    const stored = await database.run(receipts.forUpdate("rcp-u1"))
    expect(stored.map((receipt) => receipt.kind)).toEqual(["read", "acted"])
  })
})

describeEachDatabase("access", (database) => {
  it("stores only a hash of an API token, verifies the plaintext and refuses it once revoked", async () => {
    const tokens = await database.run(ApiTokens)
    const { token, apiToken } = await database.run(tokens.create({ role: "admin", name: "ops" }, "cli"))
    expect(token).toMatch(/^spr_/)
    expect(await database.run(tokens.verify(token))).toEqual(apiToken)
    expect(await database.run(tokens.verify(`${token}x`))).toBeUndefined()
    expect(JSON.stringify(await database.run(tokens.list()))).not.toContain(token)
    await database.run(tokens.revoke(apiToken.id, "cli"))
    expect(await database.run(tokens.verify(token))).toBeUndefined()
    expect(
      await database.run(Effect.flip(tokens.revoke("00000000-0000-4000-8000-000000000000", "cli"))),
    ).toMatchObject({
      _tag: "NotFound",
      entity: "apiToken",
    })
    const unknownRegion = await database.run(
      Effect.flip(tokens.create({ role: "region-editor", regionId: "atlantis", name: "x" }, "cli")),
    )
    expect(unknownRegion).toMatchObject({ _tag: "NotFound", entity: "region", id: "atlantis" })
  })

  it("answers a repeated idempotency key with the first response, and rejects it for another request", async () => {
    const { apiToken } = await database.run(
      Effect.flatMap(ApiTokens, (tokens) => tokens.create({ role: "admin", name: "idem" }, "cli")),
    )
    const keys = await database.run(IdempotencyKeys)
    expect(await database.run(keys.begin(apiToken.id, "k1", "hash-a"))).toEqual({ _tag: "Started" })
    expect(await database.run(keys.begin(apiToken.id, "k1", "hash-a"))).toEqual({ _tag: "InProgress" })
    await database.run(keys.complete(apiToken.id, "k1", 201, { id: "u1" }))
    expect(await database.run(keys.begin(apiToken.id, "k1", "hash-a"))).toEqual({
      _tag: "Completed",
      status: 201,
      body: { id: "u1" },
    })
    expect(await database.run(keys.begin(apiToken.id, "k1", "hash-b"))).toEqual({ _tag: "Mismatch" })
  })

  it("lets only the first worker start a person's digest for a period", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("dg"), "test")))
    const digests = await database.run(DigestRuns)
    expect(await database.run(digests.start("dg-anna", "weekly:2026-W48"))).toBe(true)
    expect(await database.run(digests.start("dg-anna", "weekly:2026-W48"))).toBe(false)
    expect(await database.run(digests.start("dg-anna", "weekly:2026-W49"))).toBe(true)
  })
})

// PGlite has one connection and no concurrency; this runs where DATABASE_URL is set.
describeEachDatabase(
  "concurrent workers",
  (database) => {
    it("drain one outbox together without ever claiming a delivery twice", async () => {
      const network = smallNetwork("cc")
      const extra = Array.from({ length: 1997 }, (_, index) => ({
        ...network.people[2],
        id: `cc-p${index}`,
        email: `p${index}.cc@example.se`,
      }))
      await database.run(
        Effect.flatMap(Organisation, (org) =>
          org.importNetwork({ ...network, people: [...network.people, ...extra] } as Network, "test"),
        ),
      )
      const everyone = [...network.people, ...extra].map((person) => ({
        personId: person?.id ?? "",
        regionId: "cc-halland",
      }))
      await database.run(
        Effect.flatMap(Updates, (updates) =>
          updates.publish(notes("cc-u1", "cc-tobak"), planFor("cc-u1", everyone), "test"),
        ),
      )
      const outbox = await database.run(Outbox)
      const worker = async (workerId: string): Promise<Array<string>> => {
        const mine: Array<string> = []
        for (;;) {
          const claimed = await database.run(
            outbox.claim({ channel: "email", workerId, limit: 50, leaseMillis: 60_000 }),
          )
          if (claimed.length === 0) return mine
          mine.push(...claimed.map((delivery) => delivery.id))
          const marked = await database.run(
            outbox.markSent(
              workerId,
              claimed.map((delivery) => ({ id: delivery.id })),
            ),
          )
          expect(marked).toBe(claimed.length)
        }
      }
      const [first, second] = await Promise.all([worker("w1"), worker("w2")])
      const all = [...(first ?? []), ...(second ?? [])]
      expect(all).toHaveLength(2000)
      expect(new Set(all).size).toBe(2000)
      expect(first?.length).toBeGreaterThan(0)
      expect(second?.length).toBeGreaterThan(0)
      expect(await database.run(outbox.counts("cc-u1"))).toMatchObject({ sent: 2000, pending: 0, sending: 0 })
    })
  },
  { postgresOnly: true },
)

/** smallNetwork with Alkohol still active: Anna in it, Bo and Cia following it. */
const beforeMerge = (prefix: string): Network => {
  const network = smallNetwork(prefix)
  const alkohol = `${prefix}-alkohol`
  return {
    ...network,
    themeGroups: network.themeGroups.map((group) =>
      group.id === alkohol
        ? {
            id: group.id,
            name: group.name,
            topic: group.topic,
            status: "active",
            wantedFunctions: ["strategist"],
          }
        : group,
    ),
    roles: [
      ...network.roles,
      {
        id: `${prefix}-r-alk`,
        personId: `${prefix}-anna`,
        role: "participant",
        regionId: `${prefix}-skane`,
        themeGroupId: alkohol,
      },
      {
        id: `${prefix}-r-alk2`,
        personId: `${prefix}-bo`,
        role: "contactPerson",
        regionId: `${prefix}-halland`,
        themeGroupId: alkohol,
      },
    ] as Network["roles"],
    follows: [
      ...network.follows,
      { personId: `${prefix}-cia`, themeGroupId: alkohol, frequency: "immediate" },
      { personId: `${prefix}-bo`, themeGroupId: alkohol, frequency: "daily" },
    ] as Network["follows"],
  }
}

describeEachDatabase("merging theme groups", (database) => {
  it("moves members and followers into the surviving group in one transaction, and records it", async () => {
    const prefix = "merge"
    const from = `${prefix}-alkohol` as ThemeGroupId
    const into = `${prefix}-tobak` as ThemeGroupId
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(beforeMerge(prefix), "test")))
    const moved = await database.run(
      Effect.flatMap(Organisation, (org) => org.mergeThemeGroups(from, into, "admin")),
    )
    // Anna's Alkohol seat duplicates her Tobak seat; Bo's contact role moves; both follows move.
    expect(moved).toEqual({ roles: 1, follows: 1 })
    const network = await database.run(NetworkStore.use((store) => store.load))
    expect(network.themeGroups.find((g) => g.id === from)).toMatchObject({
      status: "merged",
      mergedInto: into,
    })
    expect(network.themeGroups.find((g) => g.id === into)?.wantedFunctions).toEqual([
      "clinician",
      "strategist",
    ])
    expect(network.roles.filter((r) => r.themeGroupId === from)).toEqual([])
    expect(
      network.roles
        .filter((r) => r.themeGroupId === into)
        .map((r) => `${r.personId}:${r.role}`)
        .sort(),
    ).toEqual([`${prefix}-anna:participant`, `${prefix}-bo:contactPerson`])
    expect(
      network.follows
        .filter((f) => f.themeGroupId === into)
        .map((f) => `${f.personId}:${f.frequency}`)
        .sort(),
    ).toEqual([`${prefix}-bo:daily`, `${prefix}-cia:immediate`])
    const audit = await database.run(
      AuditLog.use((log) => log.list({ entity: "themeGroup", entityId: from })),
    )
    expect(audit.map((record) => record.action)).toContain("merge")
  })

  it("changes nothing when core rejects the merge", async () => {
    const prefix = "merge-no"
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(beforeMerge(prefix), "test")))
    const before = await database.run(NetworkStore.use((store) => store.load))
    const error = await database.run(
      Effect.flip(
        Effect.flatMap(Organisation, (org) =>
          org.mergeThemeGroups(`${prefix}-tobak` as never, `${prefix}-tobak` as never, "admin"),
        ),
      ),
    )
    expect(error).toMatchObject({ _tag: "MergeRejected", reason: "sameGroup" })
    expect(await database.run(NetworkStore.use((store) => store.load))).toEqual(before)
  })
})
