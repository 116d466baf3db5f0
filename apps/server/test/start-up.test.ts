import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { runUntilExit, startComposedProcess } from "./composed-process.js"

const homes: Array<string> = []
const freshHome = () => {
  const home = mkdtempSync(join(tmpdir(), "spridning-start-"))
  homes.push(home)
  return home
}
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true })
})

describe("starting Spridning", () => {
  it("refuses to start, naming the variable, when SendGrid has a key but no sender", async () => {
    const { code, output } = await runUntilExit({ SENDGRID_API_KEY: "SG.key" }, freshHome())
    expect(code).toBe(1)
    expect(output).toContain("SPRIDNING_MAIL_FROM must name a sender verified in SendGrid")
  })

  it("refuses an invalid port with the variable's name and what it expects", async () => {
    const { code, output } = await runUntilExit({ PORT: "http" }, freshHome())
    expect(code).toBe(1)
    expect(output).toContain("PORT")
  })

  it("shows the first admin token even when the first attempt found its port taken", async () => {
    const home = freshHome()
    const blocker = createServer()
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, () => resolve((blocker.address() as { port: number }).port)),
    )
    const failed = await runUntilExit({ PORT: String(port) }, home)
    blocker.close()
    expect(failed.code).toBe(1)
    expect(failed.output).toContain("EADDRINUSE")
    expect(failed.output).not.toContain("Admin token:")

    const started = await startComposedProcess({}, home)
    expect(started.adminToken).toMatch(/^spr_/)
    expect(await started.stop(), started.output()).toBe(0)
  })
})
