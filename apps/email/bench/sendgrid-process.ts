/**
 * The local SendGrid in its own process, so the benchmark measures the worker and not the
 * fake server sharing its event loop (SendGrid is another machine in production).
 */
import { startLocalSendGrid } from "../src/testing/sendgrid-server.js"

const server = await startLocalSendGrid({ keepBodies: false })
process.send?.({ type: "ready", url: server.url, apiKey: server.apiKey })
process.on("message", (message: { type: string }) => {
  if (message.type === "stats") {
    process.send?.({
      type: "stats",
      requests: server.requests.length,
      accepted: server.accepted().length,
      recipients: server.acceptedRecipients(),
      cpuMicros: process.cpuUsage().user + process.cpuUsage().system,
    })
  }
  if (message.type === "stop") void server.close().then(() => process.exit(0))
})
