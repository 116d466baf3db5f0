import { Console, Effect, FileSystem, Layer, Path, Stdio, Terminal } from "effect"
import { Command } from "effect/cli"
import { ChildProcessSpawner } from "effect/process"
import { explain, spridning } from "./commands.js"
import { loadEnvironment } from "./environment.js"

// Before anything reads the configuration: the same `.env` the server reads.
loadEnvironment()

/**
 * What `effect/cli` needs from the platform. `@effect/platform-node` 4.1 wants Node 22 and
 * its 4.0 line does not load with effect 4.1, so the few pieces a CLI without prompts,
 * file flags or child processes uses are given here.
 */
const cliEnvironment = Layer.mergeAll(
  FileSystem.layerNoop({}),
  Path.layer,
  Stdio.layerTest({ args: Effect.succeed(process.argv.slice(2)) }),
  Layer.succeed(
    Terminal.Terminal,
    Terminal.make({
      columns: Effect.sync(() => process.stdout.columns ?? 100),
      rows: Effect.sync(() => process.stdout.rows ?? 24),
      size: Effect.die("no terminal input in this CLI"),
      readInput: Effect.die("no terminal input in this CLI"),
      readLine: Effect.die("no terminal input in this CLI"),
      display: (text) => Effect.sync(() => void process.stdout.write(text)),
    }),
  ),
  Layer.succeed(
    ChildProcessSpawner.ChildProcessSpawner,
    ChildProcessSpawner.make(() => Effect.die("this CLI starts no processes")),
  ),
)

const program = spridning.pipe(
  Command.run({ version: "0.1.0" }),
  Effect.catch((error) =>
    Effect.andThen(
      Console.error(explain(error)),
      Effect.sync(() => {
        process.exitCode = 1
      }),
    ),
  ),
  Effect.provide(cliEnvironment),
)

Effect.runPromise(program).catch((defect: unknown) => {
  console.error(defect)
  process.exitCode = 1
})
