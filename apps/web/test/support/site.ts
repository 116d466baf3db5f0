import { mkdtempSync, rmSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type ServerType, serve } from "@hono/node-server"
import { type Audience, planDissemination, ThemeGroupId, UpdateId } from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import {
  type Database,
  layerPglite,
  layerPostgres,
  layerRepositories,
  type NewUpdate,
  Organisation,
  type Repositories,
  Updates,
} from "@spridning/db"
import { freshPostgresDatabase } from "@spridning/db/testing"
import { layerMailSink } from "@spridning/email"
import { Effect, Layer, ManagedRuntime } from "effect"
import { type WebServices, webRoutes } from "../../src/index.js"

/** The moment the tests call "now": digital hours after it are upcoming, rounds open. */
export const now = new Date("2026-11-30T12:00:00Z")

/** A phrase only network-only (or unpublished) content carries; the public must never see it. */
export const secret = "ENDAST-NÄTVERKET"

const group = (id: string) => ThemeGroupId.make(id)
const publicTo = (groupId: string): Audience => ({ scope: "public", themeGroups: [group(groupId)] })
const networkTo = (groupId: string): Audience => ({ scope: "network", themeGroups: [group(groupId)] })

/** What the site holds in every test: public content of each kind, and network-only twins. */
export const published: ReadonlyArray<NewUpdate> = [
  {
    id: "notes-tobak-2026-11",
    themeGroupId: "tg-tobak",
    title: "Minnesanteckningar Tobaksprevention, november 2026",
    body: "Vi gick igenom läget för tobaksfri arbetstid i regionerna.\nNästa möte i februari.",
    audience: publicTo("tg-tobak"),
    details: { kind: "meetingNotes", meetingDate: "2026-11-12" },
  },
  {
    id: "work-tobak-kartlaggning",
    themeGroupId: "tg-tobak",
    title: "Kartläggning av tobaksfri arbetstid",
    body: "",
    audience: publicTo("tg-tobak"),
    details: { kind: "workListItem", status: "ongoing", dueDate: "2027-03-31" },
  },
  {
    id: "work-tobak-snus",
    themeGroupId: "tg-tobak",
    title: "Webbinarium om snus bland unga",
    body: "",
    audience: publicTo("tg-tobak"),
    details: { kind: "workListItem", status: "planned" },
  },
  {
    id: "work-tobak-material",
    themeGroupId: "tg-tobak",
    title: "Material för rökfri operation",
    body: "",
    audience: publicTo("tg-tobak"),
    details: { kind: "workListItem", status: "done" },
  },
  {
    id: "digitimme-far-2027-01",
    themeGroupId: "tg-fysisk-aktivitet",
    title: "Digitimme: FaR i primärvården – så gjorde vi",
    body: "Fysisk aktivitet på recept, från förskrivning till uppföljning.",
    audience: { scope: "public", tags: ["tools-for-staff"], themeGroups: [group("tg-fysisk-aktivitet")] },
    details: {
      kind: "digitalHour",
      startsAt: new Date("2027-01-20T08:00:00Z"),
      endsAt: new Date("2027-01-20T09:00:00Z"),
      location: "Microsoft Teams",
    },
  },
  {
    id: "exempel-regionalt-natverk",
    themeGroupId: "tg-tobak",
    title: "Hur få till ett regionalt nätverk?",
    body: "Region Skåne samlade vård, folkhälsa och kommuner i ett råd som träffas fyra gånger om året.",
    audience: publicTo("tg-tobak"),
    details: { kind: "goodExample", tags: ["regional organisation", "nätverk"], regionId: "region-skane" },
  },
  {
    id: "exempel-levnadsvanesamtal",
    themeGroupId: "tg-matvanor",
    title: "Levnadsvanesamtal i primärvården",
    body: "Strukturerade samtal om matvanor och fysisk aktivitet vid varje hälsokontroll.",
    audience: publicTo("tg-matvanor"),
    details: { kind: "goodExample", tags: ["levnadsvanor", "primärvård"] },
  },
  {
    id: "forslag-matvanor-2027",
    themeGroupId: "tg-matvanor",
    title: "Skicka in förslag inför Matvanors handlingsplan 2027",
    body: "Alla regioner är välkomna, även de som inte är med i gruppen.",
    audience: publicTo("tg-matvanor"),
    details: { kind: "proposalRound", deadline: new Date("2027-02-01T16:00:00Z"), planYear: 2027 },
  },
  {
    id: "internt-anteckningar-tobak",
    themeGroupId: "tg-tobak",
    title: `Interna anteckningar ${secret}`,
    body: `Bara för nätverket: ${secret}`,
    audience: networkTo("tg-tobak"),
    details: { kind: "meetingNotes", meetingDate: "2026-11-13" },
  },
  {
    id: "internt-exempel",
    themeGroupId: "tg-tobak",
    title: `Internt exempel ${secret}`,
    body: secret,
    audience: networkTo("tg-tobak"),
    details: { kind: "goodExample", tags: ["nätverk", "internt"] },
  },
  {
    id: "intern-digitimme",
    themeGroupId: "tg-tobak",
    title: `Intern digitimme ${secret}`,
    body: secret,
    audience: networkTo("tg-tobak"),
    details: {
      kind: "digitalHour",
      startsAt: new Date("2027-01-10T08:00:00Z"),
      endsAt: new Date("2027-01-10T09:00:00Z"),
    },
  },
  {
    id: "intern-arbetspunkt",
    themeGroupId: "tg-tobak",
    title: `Intern arbetspunkt ${secret}`,
    body: "",
    audience: networkTo("tg-tobak"),
    details: { kind: "workListItem", status: "ongoing" },
  },
  {
    id: "intern-forslagsomgang",
    themeGroupId: "tg-matvanor",
    title: `Intern förslagsomgång ${secret}`,
    body: "",
    audience: networkTo("tg-matvanor"),
    details: { kind: "proposalRound", deadline: new Date("2027-01-15T16:00:00Z") },
  },
]

/** A public draft: not published, so not public either. */
export const draft: NewUpdate = {
  id: "utkast-tobak",
  themeGroupId: "tg-tobak",
  title: `Utkast ${secret}`,
  body: secret,
  audience: publicTo("tg-tobak"),
  details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
}

const seed = Effect.gen(function* () {
  yield* (yield* Organisation).importNetwork(demoNetwork, "test")
  const updates = yield* Updates
  let minute = 0
  for (const update of published) {
    const plan = yield* planDissemination(demoNetwork, {
      id: UpdateId.make(update.id),
      kind: update.details.kind,
      ...(update.themeGroupId === undefined ? {} : { themeGroupId: group(update.themeGroupId) }),
      title: update.title,
      audience: update.audience,
    })
    minute += 1
    yield* updates.publish(
      update,
      plan,
      "test",
      new Date(now.getTime() - (published.length - minute) * 60_000 - 86_400_000),
    )
  }
  yield* updates.createDraft(draft, "test")
})

const sender = { email: "spridning@example.se", name: "Spridning" }

/** Named in the office's admin list: Hans Jonsson, also Norrbotten's process leader in the demo network. */
export const officeAdmin = { name: "Hans Jonsson", email: "hans.jonsson@regionnorrbotten.example" }
/** Norrbotten's presidium member: a region editor, not an admin. */
export const regionEditor = { name: "Camilla Forsberg", email: "camilla.forsberg@regionnorrbotten.example" }
/** A participant in two groups: signed in, she may do nothing in the workspace. */
export const participant = { name: "Helena Holm", email: "helena.holm@regionnorrbotten.example" }

export interface Site {
  readonly baseUrl: string
  readonly app: ReturnType<typeof webRoutes>
  readonly errors: Array<string>
  /** The local mail sink's folder: every mail the site sent, as `.eml` files. */
  readonly mailDirectory: string
  /** Runs a repository effect against the site's database (to set up what a page cannot). */
  readonly run: <A, E>(effect: Effect.Effect<A, E, WebServices | Repositories | Database>) => Promise<A>
  readonly stop: () => Promise<void>
}

/** The web pages over a fresh database with the demo network and {@link published}, served on a free port. */
export const startSite = async (): Promise<Site> => {
  const postgres =
    process.env.DATABASE_URL === undefined || process.env.DATABASE_URL === ""
      ? undefined
      : await freshPostgresDatabase(process.env.DATABASE_URL, "spridning_web")
  const mailDirectory = mkdtempSync(join(tmpdir(), "spridning-web-mail-"))
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(layerRepositories, layerMailSink({ directory: mailDirectory, from: sender })).pipe(
      Layer.provideMerge(postgres === undefined ? layerPglite() : layerPostgres(postgres.url, { max: 4 })),
    ),
  )
  await runtime.runPromise(seed)
  const errors: Array<string> = []
  const app = webRoutes({
    run: (effect) => runtime.runPromise(effect),
    now: () => now,
    logError: (message) => errors.push(message),
    officeAdmins: [officeAdmin.email],
  })
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    )
  })
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    errors,
    mailDirectory,
    run: (effect) => runtime.runPromise(effect),
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await runtime.dispose()
      await postgres?.drop()
      rmSync(mailDirectory, { recursive: true, force: true })
    },
  }
}
