import { readFileSync } from "node:fs"
import { expect, it } from "vitest"

const manifest = JSON.parse(readFileSync(new URL("../manifest.json", import.meta.url), "utf8")) as {
  oauth_config: { scopes: { bot: ReadonlyArray<string> } }
  features: { slash_commands: ReadonlyArray<{ url: string }> }
  settings: { event_subscriptions: { request_url: string }; interactivity: { request_url: string } }
}
const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8")

it("asks for exactly the scopes the app uses", () => {
  // commands: /spridning · chat:write: DMs, ephemerals, updates · chat:write.public: group channels
  // without joining · im:write: conversations.open · users:read(.email): users.info, lookupByEmail
  // links:read/links:write: link_shared and chat.unfurl for public pages
  expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
    "chat:write",
    "chat:write.public",
    "commands",
    "im:write",
    "links:read",
    "links:write",
    "users:read",
    "users:read.email",
  ])
})

it("uses the placeholder address the README tells people to replace, everywhere", () => {
  const urls = [
    ...manifest.features.slash_commands.map((command) => command.url),
    manifest.settings.event_subscriptions.request_url,
    manifest.settings.interactivity.request_url,
  ]
  expect(urls).toEqual([
    "https://spridning.example.se/slack/events",
    "https://spridning.example.se/slack/events",
    "https://spridning.example.se/slack/events",
  ])
  expect(readme).toContain(
    "with `https://spridning.example.se` replaced by your server's address (three places)",
  )
  expect(readme).toContain(
    "`commands`, `chat:write`, `chat:write.public`,\n`im:write` (opening a DM), `users:read` and `users:read.email`",
  )
})
