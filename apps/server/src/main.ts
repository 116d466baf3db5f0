import { ensureLinkSecret } from "./config.js"
import { makeLog } from "./logging.js"
import { startServer } from "./server.js"

/**
 * `pnpm start`: the whole of Spridning in one process. Without DATABASE_URL it runs on
 * embedded PGlite in SPRIDNING_DATA_DIR, seeded with the demo network on the first start.
 */
ensureLinkSecret(process.env)

try {
  const running = await startServer()
  // Before anything is printed: whoever reads the output may stop us at once.
  let signals = 0
  const shutdown = () => {
    if (++signals > 1) process.exit(1)
    void running.stop().then(() => process.exit(0))
  }
  process.on("SIGTERM", shutdown)
  process.on("SIGINT", shutdown)
  const { config, port } = running
  const base = `http://localhost:${port}`
  const say = (line: string) => process.stdout.write(`${line}\n`)
  say("")
  say(`Spridning körs på ${base}`)
  say(`  API-referens:   ${base}/docs   (OpenAPI: ${base}/openapi.json)`)
  say(`  Hälsa:          ${base}/healthz och ${base}/readyz`)
  if (config.email.sendGridApiKey._tag === "None") {
    say(
      `  E-post:         skrivs som .eml-filer i ${config.email.mailSinkDirectory} (ingen SENDGRID_API_KEY satt)`,
    )
  } else {
    say("  E-post:         skickas via SendGrid")
  }
  say(
    config.slack._tag === "Some"
      ? `  Slack:          POST ${base}/slack/events (signerade anrop från Slack)`
      : "  Slack:          av. Sätt SLACK_SIGNING_SECRET m.fl. (se .env.example) för att prova /slack/events",
  )
  if (running.adminToken !== undefined) {
    say("")
    say("Första start: en administratörsnyckel har skapats. Den visas bara nu, spara den:")
    say(`Admin token: ${running.adminToken}`)
  }
  say("")
} catch (error) {
  const log = makeLog(process.env.NODE_ENV === "production" ? "json" : "pretty")
  log("error", "Spridning could not start", error instanceof Error ? error.message : error)
  // The log line is written by a fiber: let it out before the process ends.
  setTimeout(() => process.exit(1), 50)
}
