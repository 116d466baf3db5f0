import { Effect } from "effect"
import { beforeAll, expect, it } from "vitest"
import { OfficeSignIn } from "../src/access/office-sign-in.js"
import { Organisation } from "../src/organisation/organisation.js"
import { describeEachDatabase, smallNetwork } from "./support.js"

const issuedAt = new Date("2026-11-30T12:00:00Z")
const minutesLater = (minutes: number) => new Date(issuedAt.getTime() + minutes * 60_000)

describeEachDatabase("the office's sign-in links and sessions", (database) => {
  beforeAll(async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("os"), "test")))
  })

  it("a link works once, and only within 15 minutes", async () => {
    const signIn = await database.run(OfficeSignIn)
    const once = await Effect.runPromise(signIn.issueLink("os-anna", issuedAt))
    const late = await Effect.runPromise(signIn.issueLink("os-anna", issuedAt))
    expect(await Effect.runPromise(signIn.redeemLink(once, minutesLater(14)))).toBe("os-anna")
    expect(await Effect.runPromise(signIn.redeemLink(once, minutesLater(14)))).toBeUndefined()
    expect(await Effect.runPromise(signIn.redeemLink(late, minutesLater(15)))).toBeUndefined()
    expect(await Effect.runPromise(signIn.redeemLink("made-up", minutesLater(1)))).toBeUndefined()
  })

  it("a session is found by its id until it expires after 12 hours, or ends", async () => {
    const signIn = await database.run(OfficeSignIn)
    const { sessionId, session } = await Effect.runPromise(signIn.startSession("os-anna", issuedAt))
    expect(session.expiresAt).toEqual(minutesLater(12 * 60))
    expect(await Effect.runPromise(signIn.session(sessionId, minutesLater(60)))).toEqual(session)
    expect(await Effect.runPromise(signIn.session(sessionId, minutesLater(12 * 60)))).toBeUndefined()
    const second = await Effect.runPromise(signIn.startSession("os-anna", issuedAt))
    await Effect.runPromise(signIn.endSession(second.sessionId))
    expect(await Effect.runPromise(signIn.session(second.sessionId, minutesLater(1)))).toBeUndefined()
  })
})
