import { mkdtemp, readdir, readFile } from "node:fs/promises"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Option, Redacted } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { makeMailSenderFromConfig } from "../src/config/email-config.js"
import { makeMailSinkSender } from "../src/sending/mail-sink-sender.js"
import { type MailRecipient, type OutgoingMail, requestsFor } from "../src/sending/outgoing-mail.js"
import { makeSendGridSender } from "../src/sending/sendgrid-sender.js"
import { type LocalSendGrid, startLocalSendGrid } from "../src/testing/sendgrid-server.js"

const from = { email: "spridning@hfs.example", name: "Spridning" }

const recipient = (index: number): MailRecipient => ({
  email: `person${index}@region.example`,
  name: `Person ${index}`,
  substitutions: { name: `Person ${index}`, link: `https://spridning.example/r/${index}` },
  headers: {
    "List-Unsubscribe": `<https://spridning.example/u/${index}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  },
  customArgs: { delivery_id: `delivery-${index}` },
})

const mail = (recipients: ReadonlyArray<MailRecipient>): OutgoingMail => ({
  content: {
    subject: "Minnesanteckningar från Tobaksprevention",
    text: "Hej {{name}}! Läs: {{link}}",
    html: '<p>Hej {{name}}! <a href="{{link}}">Läs</a></p>',
    attachments: [],
    category: "meetingNotes",
  },
  recipients,
})

let sendGrid: LocalSendGrid
beforeAll(async () => {
  sendGrid = await startLocalSendGrid()
})
afterAll(() => sendGrid.close())
beforeEach(() => sendGrid.reset())

const sender = () =>
  makeSendGridSender({ apiKey: Redacted.make(sendGrid.apiKey), baseUrl: sendGrid.url, from })

describe("splitting a content group into SendGrid requests", () => {
  it("puts at most 1,000 recipients in a request", () => {
    const sizes = requestsFor(Array.from({ length: 2500 }, (_, index) => recipient(index))).map(
      (r) => r.length,
    )
    expect(sizes).toEqual([1000, 1000, 500])
  })

  it("never puts one address twice in a request, even when two people share a mailbox", () => {
    const shared = { ...recipient(1), name: "Someone else" }
    const requests = requestsFor([recipient(1), recipient(2), shared])
    expect(requests.map((request) => request.map((r) => r.name))).toEqual([
      ["Person 1", "Person 2"],
      ["Someone else"],
    ])
  })
})

describe("the SendGrid sender", () => {
  it("sends one request with a personalization per recipient, carrying the delivery id", async () => {
    const result = await Effect.runPromise(sender().send(mail([recipient(1), recipient(2)])))
    expect(sendGrid.accepted()).toHaveLength(1)
    const body = sendGrid.accepted()[0]!.body!
    expect(body.personalizations).toHaveLength(2)
    expect(body.personalizations[0]!.custom_args).toEqual({ delivery_id: "delivery-1" })
    expect(body.tracking_settings).toEqual({ subscription_tracking: { enable: false } })
    expect(result.providerMessageId).toMatch(/^local-/)
    const mails = sendGrid.mails()
    expect(mails.map((m) => m.text)).toEqual([
      "Hej Person 1! Läs: https://spridning.example/r/1",
      "Hej Person 2! Läs: https://spridning.example/r/2",
    ])
    expect(mails[1]!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click")
  })

  it("sends only the substitutions the content uses: each is repeated for every recipient", async () => {
    const withUnused: MailRecipient = {
      ...recipient(1),
      substitutions: { ...recipient(1).substitutions, proposal_url: "https://spridning.example/p/1" },
    }
    await Effect.runPromise(sender().send(mail([withUnused])))
    expect(sendGrid.accepted()[0]!.body!.personalizations[0]!.substitutions).toEqual({
      "{{name}}": "Person 1",
      "{{link}}": "https://spridning.example/r/1",
    })
  })

  it("reports a SendGrid that does not answer in time as unavailable, saying so", async () => {
    sendGrid.script({ status: 202, delayMillis: 500 })
    const impatient = makeSendGridSender({
      apiKey: Redacted.make(sendGrid.apiKey),
      baseUrl: sendGrid.url,
      from,
      timeoutMillis: 50,
    })
    const failure = await Effect.runPromise(Effect.flip(impatient.send(mail([recipient(1)]))))
    expect(failure).toEqual(
      expect.objectContaining({
        _tag: "MailProviderUnavailable",
        reason: "SendGrid unreachable: no answer in time",
      }),
    )
  })

  it("reports an answer cut off midway as unavailable instead of waiting for it", async () => {
    const cutting = createServer((request, response) => {
      request.resume()
      request.on("end", () => {
        response.writeHead(202, { "content-length": "100" })
        response.write("{")
        setTimeout(() => response.socket?.destroy(), 20)
      })
    })
    await new Promise<void>((resolve) => cutting.listen(0, "127.0.0.1", resolve))
    const { port } = cutting.address() as AddressInfo
    const sender = makeSendGridSender({
      apiKey: Redacted.make("SG.x"),
      baseUrl: `http://127.0.0.1:${port}`,
      from,
      timeoutMillis: 10_000,
    })
    const failure = await Effect.runPromise(Effect.flip(sender.send(mail([recipient(1)]))))
    cutting.close()
    expect(failure._tag).toBe("MailProviderUnavailable")
    expect((failure as { reason: string }).reason).toMatch(/^SendGrid unreachable: /)
  })

  it("reports 429 as rate limited with SendGrid's Retry-After", async () => {
    sendGrid.script({ status: 429, retryAfterSeconds: 7 })
    const failure = await Effect.runPromise(Effect.flip(sender().send(mail([recipient(1)]))))
    expect(failure).toMatchObject({ _tag: "MailRateLimited", retryAfterMillis: 7000 })
  })

  it("reports 5xx as unavailable and other 4xx as rejected with SendGrid's reason", async () => {
    sendGrid.script({ status: 500 }, { status: 400 })
    const unavailable = await Effect.runPromise(Effect.flip(sender().send(mail([recipient(1)]))))
    expect(unavailable).toMatchObject({ _tag: "MailProviderUnavailable", status: 500 })
    const rejected = await Effect.runPromise(Effect.flip(sender().send(mail([recipient(1)]))))
    expect(rejected._tag).toBe("MailRejected")
    expect(rejected).toMatchObject({ status: 400 })
    expect((rejected as { reason: string }).reason).toContain("verified Sender Identity")
  })

  it("is refused by SendGrid with a wrong key", async () => {
    const wrongKey = makeSendGridSender({ apiKey: Redacted.make("SG.wrong"), baseUrl: sendGrid.url, from })
    const failure = await Effect.runPromise(Effect.flip(wrongKey.send(mail([recipient(1)]))))
    expect(failure).toMatchObject({ _tag: "MailRejected", status: 401 })
  })

  it("reports an unreachable SendGrid as unavailable", async () => {
    const nowhere = makeSendGridSender({ apiKey: Redacted.make("SG.x"), baseUrl: "http://127.0.0.1:9", from })
    const failure = await Effect.runPromise(Effect.flip(nowhere.send(mail([recipient(1)]))))
    expect(failure._tag).toBe("MailProviderUnavailable")
  })
})

describe("the local SendGrid checks requests as SendGrid does", () => {
  const post = (body: unknown, key = sendGrid.apiKey) =>
    fetch(`${sendGrid.url}/v3/mail/send`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    })
  const valid = {
    personalizations: [{ to: [{ email: "a@x.se" }] }],
    from: { email: "s@x.se" },
    subject: "s",
    content: [{ type: "text/plain", value: "t" }],
  }

  it("accepts a valid request with 202 and an X-Message-Id", async () => {
    const response = await post(valid)
    expect(response.status).toBe(202)
    expect(response.headers.get("x-message-id")).toBeTruthy()
  })

  it.each([
    ["no personalizations", { ...valid, personalizations: [] }, "personalizations"],
    ["no from", { ...valid, from: undefined }, "from.email"],
    ["no subject", { ...valid, subject: undefined }, "subject"],
    ["no content", { ...valid, content: undefined }, "content"],
    [
      "1,001 personalizations",
      {
        ...valid,
        personalizations: Array.from({ length: 1001 }, (_, i) => ({ to: [{ email: `p${i}@x.se` }] })),
      },
      "personalizations",
    ],
    [
      "an address twice",
      { ...valid, personalizations: [{ to: [{ email: "a@x.se" }] }, { to: [{ email: "A@x.se" }] }] },
      "personalizations.1.to.0",
    ],
    ["a reserved header", { ...valid, headers: { Subject: "x" } }, "headers.Subject"],
    [
      "a number in custom_args",
      { ...valid, personalizations: [{ to: [{ email: "a@x.se" }], custom_args: { delivery_id: 5 } }] },
      "personalizations.0.custom_args.delivery_id",
    ],
    [
      "text/html before text/plain",
      {
        ...valid,
        content: [
          { type: "text/html", value: "h" },
          { type: "text/plain", value: "t" },
        ],
      },
      "content.1.type",
    ],
  ])("answers 400 with SendGrid's error shape for %s", async (_, body, field) => {
    const response = await post(body)
    expect(response.status).toBe(400)
    const answer = (await response.json()) as { errors: Array<{ field: string | null; message: string }> }
    expect(answer.errors.map((error) => error.field)).toContain(field)
  })

  it("answers 401 without the right key", async () => {
    expect((await post(valid, "SG.nope")).status).toBe(401)
  })
})

describe("the mail sink", () => {
  it("writes one RFC 5322 .eml file per recipient, placeholders filled and headers kept", async () => {
    const directory = await mkdtemp(join(tmpdir(), "spridning-mail-"))
    const sink = makeMailSinkSender({ directory, from })
    await Effect.runPromise(sink.send(mail([recipient(1), recipient(2)])))
    const files = (await readdir(directory)).sort()
    expect(files).toHaveLength(2)
    const eml = await readFile(join(directory, files[0]!), "utf8")
    expect(eml).toMatch(/^From: Spridning <spridning@hfs\.example>$/m)
    expect(eml).toMatch(/^To: Person 1 <person1@region\.example>$/m)
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
    expect(eml).toMatch(/^X-Spridning-Delivery-Id: delivery-1$/im)
    expect(eml).toContain("multipart/alternative")
    expect(eml).toContain("https://spridning.example/r/1")
  })
})

describe("choosing where mail goes", () => {
  const config = {
    sendGridBaseUrl: Option.none(),
    from,
    mailSinkDirectory: ".data/mail",
    publicUrl: "http://localhost:3000",
    linkSecret: Redacted.make("0123456789abcdef"),
    webhookPublicKey: Option.none(),
  }

  it("writes to the mail sink when there is no SendGrid key, so a new user sees every mail", () => {
    expect(makeMailSenderFromConfig({ ...config, sendGridApiKey: Option.none() }).kind).toBe("mailSink")
  })

  it("sends through SendGrid when SENDGRID_API_KEY is set", () => {
    expect(
      makeMailSenderFromConfig({ ...config, sendGridApiKey: Option.some(Redacted.make("SG.key")) }).kind,
    ).toBe("sendgrid")
  })
})
