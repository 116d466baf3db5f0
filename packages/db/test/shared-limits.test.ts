import { Effect, Layer, ManagedRuntime } from "effect"
import { expect, it } from "vitest"
import { ApiTokens, IdempotencyKeys, SharedLimits } from "../src/access/access.js"
import { layerPostgres } from "../src/database/database.js"
import { layerRepositories } from "../src/layers.js"
import { describeEachDatabase } from "./support.js"

describeEachDatabase("state shared by every instance", (database) => {
  it("counts hits per key in fixed windows, and a new window starts at 1", async () => {
    const hits = async (key: string, windowMillis: number) =>
      (await database.run(SharedLimits.use((limits) => limits.hit(key, windowMillis)))).hits
    expect([
      await hits("token-a", 60_000),
      await hits("token-a", 60_000),
      await hits("token-b", 60_000),
    ]).toEqual([1, 2, 1])
    await database.run(SharedLimits.use((limits) => limits.unhit("token-a")))
    expect(await hits("token-a", 60_000)).toBe(2)
    expect(await hits("token-short", 150)).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await hits("token-short", 150)).toBe(1)
    await database.run(SharedLimits.use((limits) => limits.reset("token-a")))
    expect(await hits("token-a", 60_000)).toBe(1)
  })

  it("counts every hit of concurrent requests exactly once", async () => {
    await Promise.all(
      Array.from({ length: 40 }, () =>
        database.run(SharedLimits.use((limits) => limits.hit("busy", 60_000))),
      ),
    )
    expect((await database.run(SharedLimits.use((limits) => limits.hit("busy", 60_000)))).hits).toBe(41)
  })

  it("says a key is new once within its window, and again after it", async () => {
    const first = (key: string, keepMillis: number) =>
      database.run(SharedLimits.use((limits) => limits.firstSeen("sendgrid", key, keepMillis)))
    expect([
      await first("sig-1", 60_000),
      await first("sig-1", 60_000),
      await first("sig-2", 60_000),
    ]).toEqual([true, false, true])
    expect(await database.run(SharedLimits.use((limits) => limits.firstSeen("slack", "sig-1", 60_000)))).toBe(
      true,
    )
    expect(await first("sig-short", 100)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(await first("sig-short", 100)).toBe(true)
  })

  it("releases an idempotency key whose first request never finished, and forgets answers after 24 h", async () => {
    const { apiToken } = await database.run(
      ApiTokens.use((tokens) => tokens.create({ role: "admin", name: "idempotency" }, "test")),
    )
    const begin = (key: string, hash: string, now: Date) =>
      database.run(IdempotencyKeys.use((keys) => keys.begin(apiToken.id, key, hash, { now })))
    const t0 = new Date("2026-11-30T10:00:00Z")
    const later = (millis: number) => new Date(t0.getTime() + millis)
    expect(await begin("k-1", "h", t0)).toEqual({ _tag: "Started" })
    expect(await begin("k-1", "h", later(59_000))).toEqual({ _tag: "InProgress" })
    expect(await begin("k-1", "h", later(61_000))).toEqual({ _tag: "Started" })
    await database.run(IdempotencyKeys.use((keys) => keys.complete(apiToken.id, "k-1", 201, { id: "u-1" })))
    expect(await begin("k-1", "h", later(10 * 60_000))).toEqual({
      _tag: "Completed",
      status: 201,
      body: { id: "u-1" },
    })
    expect(await begin("k-1", "other", later(10 * 60_000))).toEqual({ _tag: "Mismatch" })
    expect(await begin("k-1", "other", later(61_000 + 24 * 60 * 60_000))).toEqual({ _tag: "Started" })
  })
})

describeEachDatabase(
  "token revocations",
  (database) => {
    it("reach another process's listener when a token is revoked", async () => {
      const url = database.url
      if (url === undefined) throw new Error("PostgreSQL only")
      const other = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerPostgres(url))))
      try {
        let heard = 0
        const unlisten = await other.runPromise(
          ApiTokens.use((tokens) => Effect.promise(() => tokens.watchRevocations(() => heard++))),
        )
        const { apiToken } = await database.run(
          ApiTokens.use((tokens) => tokens.create({ role: "reader", name: "leaked" }, "test")),
        )
        await database.run(ApiTokens.use((tokens) => tokens.revoke(apiToken.id, "test")))
        await expect.poll(() => heard, { timeout: 1_000 }).toBe(1)
        await unlisten()
      } finally {
        await other.dispose()
      }
    })
  },
  { postgresOnly: true },
)
