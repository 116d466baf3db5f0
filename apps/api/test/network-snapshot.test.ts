import type { Network } from "@spridning/core"
import { describe, expect, it } from "vitest"
import { NetworkSnapshot } from "../src/network/network-snapshot.js"
import { testNetwork } from "./fixtures.js"

const versions = () => {
  let loads = 0
  const load = async (): Promise<Network> => {
    loads++
    return { ...testNetwork, regions: testNetwork.regions.slice(0, loads) }
  }
  return { load, loads: () => loads }
}

const wait = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis))

describe("the cached network", () => {
  it("loads once and serves every read from the same copy", async () => {
    const store = versions()
    const snapshot = new NetworkSnapshot(store.load, 60_000)
    const [a, b] = await Promise.all([snapshot.network(), snapshot.network()])
    expect(a).toBe(b)
    expect(store.loads()).toBe(1)
  })

  it("computes a derived answer once per copy of the network", async () => {
    const snapshot = new NetworkSnapshot(versions().load, 60_000)
    let computed = 0
    const count = () => snapshot.derived("regions", (network) => ++computed + network.regions.length)
    expect(await count()).toBe(await count())
    expect(computed).toBe(1)
  })

  it("sees this process's own write at once", async () => {
    const snapshot = new NetworkSnapshot(versions().load, 60_000)
    expect((await snapshot.network()).regions).toHaveLength(1)
    snapshot.invalidate()
    expect((await snapshot.network()).regions).toHaveLength(2)
  })

  it("picks up other processes' writes in the background, serving the previous copy meanwhile", async () => {
    const store = versions()
    const snapshot = new NetworkSnapshot(store.load, 10)
    expect((await snapshot.network()).regions).toHaveLength(1)
    await wait(20)
    expect((await snapshot.network()).regions).toHaveLength(1)
    await wait(5)
    expect((await snapshot.network()).regions).toHaveLength(2)
  })
})
