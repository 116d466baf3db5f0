/**
 * Fills the benchmark's PostgreSQL outbox from its own process, as the API process does in
 * production: the dispatcher's process then holds only what a dispatcher holds, and its peak
 * memory is the dispatcher's own, not the publisher's 100k-person network beside it.
 */
import type { Network } from "@spridning/core"
import { layerPostgres, layerRepositories } from "@spridning/db"
import { Layer, ManagedRuntime } from "effect"
import { benchNetwork, importBenchNetwork, publishBenchUpdate } from "./bench-outbox.js"

type Command =
  | { readonly type: "import"; readonly url: string; readonly count: number }
  | { readonly type: "publish"; readonly updateId: string; readonly now: string }
  | { readonly type: "stop" }

const runtimeOf = (url: string) =>
  ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerPostgres(url, { max: 4 }))))

let runtime: ReturnType<typeof runtimeOf> | undefined
let network: Network | undefined

const handle = async (command: Command) => {
  switch (command.type) {
    case "import":
      runtime = runtimeOf(command.url)
      network = benchNetwork(command.count)
      await runtime.runPromise(importBenchNetwork(network))
      return
    case "publish":
      if (runtime === undefined || network === undefined) throw new Error("publish before import")
      await runtime.runPromise(publishBenchUpdate(network, command.updateId, new Date(command.now)))
      return
    case "stop":
      await runtime?.dispose()
      process.exit(0)
  }
}

process.on("message", (command: Command) => {
  handle(command).then(
    () => process.send?.({ type: "done" }),
    (error: unknown) => process.send?.({ type: "failed", error: String(error) }),
  )
})
process.send?.({ type: "ready" })
