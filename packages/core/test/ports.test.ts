import { Effect } from "effect"
import { describe, expect } from "vitest"
import { layerMemory, makeInMemoryNetworkStore, NetworkStore } from "../src/index.js"
import { effectTest } from "./effect-test.js"
import { buildNetwork, leadership } from "./fixtures.js"

const before = buildNetwork(leadership("skane"))
const after = buildNetwork([...leadership("skane"), ...leadership("kalmar")])
const peopleInStore = NetworkStore.use((store) => store.load).pipe(Effect.map((n) => n.people.length))

describe("in-memory NetworkStore", () => {
  effectTest("loads the network it was given", () =>
    Effect.gen(function* () {
      expect(yield* peopleInStore.pipe(Effect.provide(layerMemory(before)))).toBe(3)
    }),
  )

  effectTest("serves the replacement network to every load after replace", () =>
    Effect.gen(function* () {
      const memory = yield* makeInMemoryNetworkStore(before)
      const loadedBefore = yield* memory.store.load
      yield* memory.replace(after)
      expect(yield* peopleInStore.pipe(Effect.provide(memory.layer))).toBe(6)
      // A load already done keeps the network it got.
      expect(loadedBefore.people.length).toBe(3)
    }),
  )
})
