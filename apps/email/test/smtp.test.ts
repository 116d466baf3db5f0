import { createServer, type Server } from "node:net"
import { Effect, Option, Redacted } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { makeMailSenderFromConfig } from "../src/config/email-config.js"
import { makeSmtpSender } from "../src/sending/smtp-sender.js"

/** The few SMTP verbs a client uses to hand over a message, as Mailpit answers them. */
interface Received {
  readonly from: string
  readonly to: ReadonlyArray<string>
  readonly data: string
}
const received: Array<Received> = []
let server: Server
let port = 0
beforeAll(async () => {
  server = createServer((socket) => {
    let buffer = ""
    let inData = false
    let current: { from: string; to: Array<string> } = { from: "", to: [] }
    socket.write("220 fake ESMTP\r\n")
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8")
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n")
          if (end < 0) return
          received.push({ ...current, data: buffer.slice(0, end) })
          buffer = buffer.slice(end + 5)
          inData = false
          current = { from: "", to: [] }
          socket.write("250 queued\r\n")
          continue
        }
        const end = buffer.indexOf("\r\n")
        if (end < 0) return
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === "EHLO" || verb === "HELO") socket.write("250 fake\r\n")
        else if (verb === "MAIL") {
          current.from = /<(.*)>/.exec(line)?.[1] ?? ""
          socket.write("250 ok\r\n")
        } else if (verb === "RCPT") {
          current.to.push(/<(.*)>/.exec(line)?.[1] ?? "")
          socket.write("250 ok\r\n")
        } else if (verb === "DATA") {
          inData = true
          socket.write("354 go on\r\n")
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n")
        } else socket.write("250 ok\r\n")
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  port = (server.address() as { port: number }).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const from = { email: "spridning@hfs.example", name: "Spridning" }
const recipient = (n: number) => ({
  email: `person${n}@region.example`,
  name: `Person ${n}`,
  substitutions: { link: `https://spridning.example/r/${n}` },
  headers: {},
  customArgs: { delivery_id: `delivery-${n}` },
})

it("hands each recipient its own message over SMTP, as the mail sink would write it", async () => {
  const sender = makeSmtpSender({ url: `smtp://127.0.0.1:${port}`, from })
  const sent = await Effect.runPromise(
    sender.send({
      content: {
        subject: "Nytt från temagruppen",
        text: "Läs: {{link}}",
        html: "<p>{{link}}</p>",
        attachments: [],
        category: "update",
      },
      recipients: [recipient(1), recipient(2)],
    }),
  )
  expect(sent.providerMessageId).toMatch(/^smtp-/)
  expect(received.map((mail) => [mail.from, mail.to])).toEqual([
    ["spridning@hfs.example", ["person1@region.example"]],
    ["spridning@hfs.example", ["person2@region.example"]],
  ])
  expect(received[0]?.data).toMatch(/^To: Person 1 <person1@region\.example>$/m)
  expect(received[0]?.data).toMatch(/^X-Spridning-Delivery-Id: delivery-1$/im)
  expect(received[1]?.data).toContain("https://spridning.example/r/2")
})

it("is chosen when SPRIDNING_SMTP_URL is set and SendGrid is not", () => {
  const config = {
    sendGridBaseUrl: Option.none(),
    from,
    mailSinkDirectory: ".data/mail",
    publicUrl: "http://localhost:3000",
    linkSecret: Redacted.make("0123456789abcdef"),
    webhookPublicKey: Option.none(),
    smtpUrl: Option.some("smtp://mailpit:1025"),
  }
  expect(makeMailSenderFromConfig({ ...config, sendGridApiKey: Option.none() }).kind).toBe("smtp")
  expect(
    makeMailSenderFromConfig({ ...config, sendGridApiKey: Option.some(Redacted.make("SG.k")) }).kind,
  ).toBe("sendgrid")
})

it("says the server is unavailable (worth a retry) when nothing listens", async () => {
  const sender = makeSmtpSender({ url: "smtp://127.0.0.1:9", from })
  const failure = await Effect.runPromise(
    Effect.flip(
      sender.send({
        content: { subject: "x", text: "x", html: "x", attachments: [], category: "update" },
        recipients: [recipient(3)],
      }),
    ),
  )
  expect(failure._tag).toBe("MailProviderUnavailable")
})
