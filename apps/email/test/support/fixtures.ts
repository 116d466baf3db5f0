import type { Network } from "@spridning/core"
import type { NewUpdate } from "@spridning/db"
import { Redacted } from "effect"
import { makeLinkSigner } from "../../src/links/signed-links.js"

const preferences = (language: "sv" | "en" = "sv") => ({
  channels: ["email" as const],
  language,
  optedOutOfAll: false,
  optedOutOfThemeGroups: [],
})

/**
 * A small network: Skåne is in the tobacco group, Gotland is not (its process leader is the
 * bridge), and two followers chose a daily and a weekly digest.
 */
export const network = {
  healthcareRegions: [
    { id: "sodra", name: "Södra" },
    { id: "stockholm-gotland", name: "Stockholm-Gotland" },
  ],
  regions: [
    { id: "skane", name: "Region Skåne", kind: "region", healthcareRegionIds: ["sodra"] },
    { id: "gotland", name: "Region Gotland", kind: "region", healthcareRegionIds: ["stockholm-gotland"] },
  ],
  orgUnits: [],
  themeGroups: [
    { id: "tobak", name: "Tobaksprevention", topic: "Tobak", status: "active", wantedFunctions: [] },
    { id: "matvanor", name: "Matvanor", topic: "Mat", status: "active", wantedFunctions: [] },
  ],
  people: [
    {
      id: "anna",
      name: "Anna Berg",
      email: "anna@skane.example",
      function: "clinician",
      regionId: "skane",
      preferences: preferences(),
    },
    {
      id: "bo",
      name: "Bo Ek",
      email: "bo@gotland.example",
      function: "coordinator",
      regionId: "gotland",
      preferences: preferences(),
    },
    {
      id: "cleo",
      name: "Cleo Smith",
      email: "cleo@skane.example",
      function: "strategist",
      regionId: "skane",
      preferences: preferences("en"),
    },
    {
      id: "dag",
      name: "Dag Dagsson",
      email: "dag@skane.example",
      function: "strategist",
      regionId: "skane",
      preferences: preferences(),
    },
    {
      id: "eva",
      name: "Eva Veckosdotter",
      email: "eva@gotland.example",
      function: "manager",
      regionId: "gotland",
      preferences: preferences(),
    },
    {
      id: "fia",
      name: "Fia Ledning",
      email: "fia@skane.example",
      function: "director",
      regionId: "skane",
      preferences: preferences(),
    },
  ],
  roles: [
    { id: "r1", personId: "anna", role: "participant", regionId: "skane", themeGroupId: "tobak" },
    { id: "r2", personId: "bo", role: "processLeader", regionId: "gotland" },
    { id: "r3", personId: "cleo", role: "participant", regionId: "skane", themeGroupId: "tobak" },
    { id: "r4", personId: "fia", role: "management", regionId: "skane" },
    { id: "r5", personId: "anna", role: "processLeader", regionId: "skane" },
  ],
  regionalBodies: [],
  reportingRules: [],
  follows: [
    { personId: "dag", themeGroupId: "tobak", frequency: "daily" },
    { personId: "eva", themeGroupId: "tobak", frequency: "weekly" },
    { personId: "cleo", themeGroupId: "matvanor", frequency: "immediate" },
  ],
} as unknown as Network

export const audience = {
  scope: "network" as const,
  themeGroups: ["tobak"],
} as unknown as NewUpdate["audience"]

export const passOnLine = {
  sv: "Sprid vidare till: kliniker och strateger i Region Skåne och Region Gotland",
  en: "Pass on to: clinicians and strategists in Region Skåne and Region Gotland",
}

/** One update of every kind the mail templates cover. */
export const updatesOfEveryKind: ReadonlyArray<NewUpdate> = [
  {
    id: "notes-1",
    themeGroupId: "tobak",
    title: "Möte 12 november",
    body: "Vi gick igenom tobaksavvänjning i primärvården.\n\nNästa steg: enkät till regionerna & uppföljning <snart>.",
    audience,
    details: { kind: "meetingNotes", meetingDate: "2026-11-12" },
  },
  {
    id: "work-1",
    themeGroupId: "tobak",
    title: "Kartläggning av rökfria arbetsplatser",
    body: "Vi samlar in hur regionerna arbetar med rökfri arbetstid.",
    audience,
    details: { kind: "workListItem", status: "ongoing", dueDate: "2027-02-01" },
  },
  {
    id: "hour-1",
    themeGroupId: "tobak",
    title: "Digitimme: Tobaksprevention presenterar sig",
    body: "En timme om vad gruppen gör och hur din region kan bidra.",
    audience,
    details: {
      kind: "digitalHour",
      startsAt: new Date("2026-12-03T13:00:00Z"),
      endsAt: new Date("2026-12-03T14:00:00Z"),
      url: "https://meet.example/hfs-tobak",
    },
  },
  {
    id: "round-1",
    themeGroupId: "tobak",
    title: "Förslag inför handlingsplan 2027",
    body: "Vad ska gruppen arbeta med nästa år?",
    audience,
    details: { kind: "proposalRound", deadline: new Date("2026-12-15T22:59:00Z"), planYear: 2027 },
  },
  {
    id: "answer-1",
    themeGroupId: "tobak",
    title: "Svar på Region Gotlands förslag",
    body: "Förslaget om snusprevention i skolan tas med i handlingsplanen.",
    audience,
    details: { kind: "proposalAnswer" },
  },
  {
    id: "example-1",
    themeGroupId: "tobak",
    title: "Hur få till ett regionalt nätverk?",
    body: "Region Skåne berättar hur de byggde sitt regionala råd.",
    audience,
    details: { kind: "goodExample", tags: ["regional organisation", "nätverk"], regionId: "skane" },
  },
  {
    id: "plan-1",
    themeGroupId: "tobak",
    title: "Handlingsplan 2027",
    body: "Tre fokusområden: primärvård, skola, arbetsplats.",
    audience,
    details: { kind: "actionPlan", planYear: 2027 },
  },
  {
    id: "briefing-1",
    title: "Lägesrapport november",
    body: "Region Skåne saknar deltagare i Matvanor.",
    audience: { scope: "network", roles: ["management"] } as unknown as NewUpdate["audience"],
    details: { kind: "briefing", regionId: "skane", periodKey: "2026-11" },
  },
]

export const linkSecret = Redacted.make("a-test-secret-of-enough-length")
export const publicUrl = "https://spridning.example"
export const links = makeLinkSigner(linkSecret, publicUrl)
export const organizer = { name: "Spridning", email: "spridning@hfs.example" }
