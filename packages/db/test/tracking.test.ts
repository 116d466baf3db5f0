import { execFile } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { Effect } from "effect"
import { expect, it } from "vitest"
import { SlackLinks } from "../src/access/access.js"
import { AuditLog } from "../src/audit/audit-log.js"
import { Organisation } from "../src/organisation/organisation.js"
import { DeliveryEvents, Suppressions } from "../src/outbox/tracking.js"
import { describeEachDatabase, smallNetwork } from "./support.js"

describeEachDatabase("tracking and links", (database) => {
  it("keeps each SendGrid event once, however often the webhook retries the batch", async () => {
    const events = await database.run(DeliveryEvents)
    const batch = [
      {
        providerEventId: "sg-e1",
        event: "delivered",
        email: "a@example.se",
        at: new Date("2026-11-20T10:00:00Z"),
        payload: { sg_event_id: "sg-e1" },
      },
      {
        providerEventId: "sg-e2",
        event: "open",
        email: "a@example.se",
        at: new Date("2026-11-20T10:05:00Z"),
        payload: { sg_event_id: "sg-e2" },
      },
    ]
    expect((await database.run(events.record(batch))).map((event) => event.providerEventId)).toEqual([
      "sg-e1",
      "sg-e2",
    ])
    const retried = [...batch, { ...batch[0], providerEventId: "sg-e3", event: "bounce" }] as typeof batch
    expect((await database.run(events.record(retried))).map((event) => event.providerEventId)).toEqual([
      "sg-e3",
    ])
  })

  it("suppresses addresses case-insensitively and forgets them on request", async () => {
    const suppressions = await database.run(Suppressions)
    expect(await database.run(suppressions.add("Eva.Ek@Example.se", "unsubscribe"))).toBe(true)
    expect(await database.run(suppressions.add("eva.ek@example.se", "bounce"))).toBe(false)
    expect(await database.run(suppressions.isSuppressed("EVA.EK@example.se"))).toBe(true)
    expect([
      ...(await database.run(suppressions.suppressedAmong(["eva.ek@example.se", "bo@example.se"]))),
    ]).toEqual(["eva.ek@example.se"])
    expect(await database.run(suppressions.list())).toMatchObject([
      { email: "eva.ek@example.se", reason: "unsubscribe" },
    ])
    expect(await database.run(suppressions.remove("eva.ek@example.se"))).toBe(true)
    expect(await database.run(suppressions.isSuppressed("eva.ek@example.se"))).toBe(false)
  })

  it("links a Slack user to one person per workspace and a theme group to its channel", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("sl"), "test")))
    const links = await database.run(SlackLinks)
    await database.run(links.linkUser({ teamId: "T1", userId: "U1", personId: "sl-anna" }, "slack:T1/U1"))
    expect(await database.run(links.personForSlackUser("T1", "U1"))).toBe("sl-anna")
    await database.run(links.linkUser({ teamId: "T1", userId: "U2", personId: "sl-anna" }, "slack:T1/U2"))
    expect(await database.run(links.personForSlackUser("T1", "U1"))).toBeUndefined()
    expect(await database.run(links.slackUserForPerson("T1", "sl-anna"))).toBe("U2")
    const unknown = await database.run(
      Effect.flip(links.linkUser({ teamId: "T1", userId: "U3", personId: "nobody" }, "x")),
    )
    expect(unknown).toMatchObject({ _tag: "NotFound", entity: "person", id: "nobody" })

    await database.run(
      links.setThemeGroupChannel({ themeGroupId: "sl-tobak", teamId: "T1", channelId: "C1" }, "admin"),
    )
    expect(await database.run(links.themeGroupChannel("sl-tobak"))).toMatchObject({
      teamId: "T1",
      channelId: "C1",
    })
    expect(await database.run(links.themeGroupForChannel("T1", "C1"))).toBe("sl-tobak")
    const taken = await database.run(
      Effect.flip(
        links.setThemeGroupChannel({ themeGroupId: "sl-alkohol", teamId: "T1", channelId: "C1" }, "admin"),
      ),
    )
    expect(taken).toMatchObject({ _tag: "Duplicate", constraint: "theme_group_channels_channel" })
  })

  it("audits follows and unfollows with who did it", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("fo"), "test")))
    const org = await database.run(Organisation)
    await database.run(
      org.follows.follow(
        { personId: "fo-bo", themeGroupId: "fo-tobak", frequency: "daily" } as never,
        "slack:T1/U9",
      ),
    )
    expect(await database.run(org.follows.unfollow("fo-bo", "fo-tobak", "slack:T1/U9"))).toBe(true)
    expect(await database.run(org.follows.unfollow("fo-bo", "fo-tobak", "slack:T1/U9"))).toBe(false)
    const audit = await database.run(
      Effect.flatMap(AuditLog, (log) => log.list({ entity: "follow", entityId: "fo-bo/fo-tobak" })),
    )
    expect(audit.map((entry) => [entry.action, entry.actor])).toEqual([
      ["delete", "slack:T1/U9"],
      ["create", "slack:T1/U9"],
    ])
  })
})

it("creates a token from the command line and prints it alone on the last line", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "spridning-cli-"))
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "tokens", "create", "--role", "admin", "--name", "ops"],
      {
        env: { ...process.env, DATABASE_URL: "", SPRIDNING_DATA_DIR: dataDir },
        cwd: join(import.meta.dirname, ".."),
      },
    )
    const lines = stdout.trim().split("\n")
    expect(lines.at(-1)).toMatch(/^spr_[A-Za-z0-9_-]{43}$/)
    expect(lines.at(-2)).toContain("admin token")
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 120_000)
