import { AuditLog, SlackLinks } from "@spridning/db"
import { expect, it } from "vitest"
import { describeApi } from "./support.js"

describeApi("linking a theme group to a Slack channel", (api) => {
  it("links, shows, replaces and unlinks the channel, and the Slack side finds the group by it", async () => {
    expect((await api().call("reader", "GET", "/v1/theme-groups/tg-tobak/slack-channel")).status).toBe(404)

    const linked = await api().call("group-editor", "PUT", "/v1/theme-groups/tg-tobak/slack-channel", {
      teamId: "T0TEAM",
      channelId: "C0TOBAK",
    })
    expect(linked.status).toBe(200)
    expect(linked.body).toEqual({ themeGroupId: "tg-tobak", teamId: "T0TEAM", channelId: "C0TOBAK" })
    expect((await api().call("reader", "GET", "/v1/theme-groups/tg-tobak/slack-channel")).body).toEqual({
      themeGroupId: "tg-tobak",
      teamId: "T0TEAM",
      channelId: "C0TOBAK",
    })
    expect(await api().run(SlackLinks.use((links) => links.themeGroupForChannel("T0TEAM", "C0TOBAK")))).toBe(
      "tg-tobak",
    )

    await api().call("admin", "PUT", "/v1/theme-groups/tg-tobak/slack-channel", {
      teamId: "T0TEAM",
      channelId: "C0NYTT",
    })
    expect(await api().run(SlackLinks.use((links) => links.themeGroupChannel("tg-tobak")))).toMatchObject({
      teamId: "T0TEAM",
      channelId: "C0NYTT",
    })

    const unlinked = await api().call("group-editor", "DELETE", "/v1/theme-groups/tg-tobak/slack-channel")
    expect(unlinked.status).toBe(204)
    expect(await api().run(SlackLinks.use((links) => links.themeGroupChannel("tg-tobak")))).toBe(undefined)
    expect((await api().call("admin", "DELETE", "/v1/theme-groups/tg-tobak/slack-channel")).status).toBe(404)

    const audit = await api().run(AuditLog.use((log) => log.list({ entity: "themeGroupChannel" })))
    expect(audit.map((entry) => entry.action)).toEqual(["clear", "set", "set"])
  })

  it("lets only the group's editor or the network office link it, and names a bad id", async () => {
    const otherGroup = await api().call("group-editor", "PUT", "/v1/theme-groups/tg-alkohol/slack-channel", {
      teamId: "T0TEAM",
      channelId: "C0X",
    })
    expect(otherGroup.status).toBe(403)
    const reader = await api().call("reader", "PUT", "/v1/theme-groups/tg-tobak/slack-channel", {
      teamId: "T0TEAM",
      channelId: "C0X",
    })
    expect(reader.status).toBe(403)
    const bad = await api().call("admin", "PUT", "/v1/theme-groups/tg-tobak/slack-channel", {
      teamId: "T0TEAM",
      channelId: "#tobak",
    })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({
      errors: [{ in: "body", path: "channelId", message: "must be a Slack channel id (C… or G…)" }],
    })
    const unknown = await api().call("admin", "PUT", "/v1/theme-groups/tg-okand/slack-channel", {
      teamId: "T0TEAM",
      channelId: "C0X",
    })
    expect(unknown.status).toBe(404)
  })

  it("refuses a channel another group already uses", async () => {
    await api().call("admin", "PUT", "/v1/theme-groups/tg-tobak/slack-channel", {
      teamId: "T0TEAM",
      channelId: "C0DELAD",
    })
    const second = await api().call("admin", "PUT", "/v1/theme-groups/tg-alkohol/slack-channel", {
      teamId: "T0TEAM",
      channelId: "C0DELAD",
    })
    expect(second.status).toBe(409)
  })
})
