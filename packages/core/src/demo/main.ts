/**
 * `pnpm demo`: the demo network's coverage report and the dissemination plan for
 * Alkoholprevention's meeting notes, printed for the terminal in Swedish.
 */
import { Effect } from "effect"
import { coverage, planDissemination, validateNetwork } from "../index.js"
import { demoNetwork, demoUpdates } from "./index.js"
import { renderCoverageReport, renderPlan } from "./report.js"

const update = demoUpdates.alcoholMeetingNotes

const program = Effect.gen(function* () {
  const report = coverage(demoNetwork)
  const problems = validateNetwork(demoNetwork)
  const plan = yield* planDissemination(demoNetwork, update)
  return `${renderCoverageReport(demoNetwork, report, problems)}\n\n${renderPlan(demoNetwork, update, plan)}\n`
})

Effect.runPromise(program).then(
  (text) => process.stdout.write(text),
  (error: unknown) => {
    process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
