import type { Language, UnreachableRegion } from "@spridning/core"

/** The kinds of update the office composes here (answers and briefings are written elsewhere). */
export type ComposeKind = "meetingNotes" | "workListItem" | "digitalHour" | "goodExample" | "proposalRound"

/** The compose page's words; both languages implement the whole interface, so a gap does not compile. */
export interface ComposeMessages {
  readonly navLabel: string
  readonly title: string
  readonly intro: string
  readonly kindsLabel: string
  readonly kindTitle: { readonly [K in ComposeKind]: string }
  readonly contentLegend: string
  readonly themeGroup: string
  readonly noThemeGroup: string
  readonly titleLabel: string
  readonly bodyLabel: string
  readonly bodyHint: string
  readonly meetingDate: string
  readonly status: string
  readonly statusName: { readonly planned: string; readonly ongoing: string; readonly done: string }
  readonly dueDate: string
  readonly startsAt: string
  readonly endsAt: string
  readonly timeHint: string
  readonly location: string
  readonly url: string
  readonly tags: string
  readonly tagsHint: string
  readonly exampleRegion: string
  readonly noRegion: string
  readonly deadline: string
  readonly planYear: string
  readonly audienceLegend: string
  readonly audienceIntro: string
  readonly scope: string
  readonly scopeNetwork: string
  readonly scopePublic: string
  readonly whoLegend: string
  readonly whoHint: string
  readonly audienceTags: string
  readonly roles: string
  readonly functions: string
  readonly themeGroups: string
  readonly whereLegend: string
  readonly whereHint: string
  readonly whereOnlyYours: (region: string) => string
  readonly regions: string
  readonly healthcareRegions: string
  readonly previewButton: string
  readonly publishButton: string
  readonly publishHint: string
  readonly previewTitle: string
  readonly previewNotYet: string
  readonly reachSummary: (people: number, regions: number, deliveries: number) => string
  readonly authorNotCounted: string
  readonly previewCaption: string
  readonly region: string
  readonly people: string
  readonly bridge: string
  readonly bridgeVia: (via: "contactPerson" | "processLeader", names: string) => string
  readonly noBridgeNeeded: string
  readonly unreachableTitle: string
  readonly unreachableNone: string
  readonly unreachableReason: (reason: UnreachableRegion["reason"]) => string
  readonly fallback: (scope: "network" | "public") => string
  readonly fixCoverage: string
  readonly passOnTitle: string
  readonly skipped: (count: number) => string
  readonly refusedTitle: string
  readonly errorsTitle: string
  readonly required: string
  readonly badDate: string
  readonly badDateTime: string
  readonly endsBeforeStart: string
  readonly mustLieAhead: string
  readonly badUrl: string
  readonly badYear: string
  readonly unknownChoice: (value: string) => string
  readonly notOffered: string
  readonly mayNotCompose: string
  readonly failed: string
  readonly alreadyPublished: string
  readonly switchLanguage: string
}

const sv: ComposeMessages = {
  navLabel: "Skriv och skicka",
  title: "Skriv och skicka",
  intro:
    "Skriv uppdateringen, välj vilka den ska nå och se i förhandsgranskningen hur många personer den når i varje region innan något skickas.",
  kindsLabel: "Vad vill du skicka?",
  kindTitle: {
    meetingNotes: "Minnesanteckningar",
    workListItem: "Ändring i arbetslistan",
    digitalHour: "Digitimme",
    goodExample: "Gott exempel",
    proposalRound: "Förslagsomgång",
  },
  contentLegend: "Innehåll",
  themeGroup: "Temagrupp",
  noThemeGroup: "Ingen temagrupp (nätverket)",
  titleLabel: "Rubrik",
  bodyLabel: "Text",
  bodyHint: "Skriv så att den som inte var med förstår: vad hände, vad betyder det, vad ska göras.",
  meetingDate: "Mötesdatum",
  status: "Läge",
  statusName: { planned: "planerad", ongoing: "pågår", done: "klar" },
  dueDate: "Klar senast (frivilligt)",
  startsAt: "Börjar",
  endsAt: "Slutar",
  timeHint: "Svensk tid.",
  location: "Plats (frivilligt)",
  url: "Länk till mötet (frivilligt)",
  tags: "Taggar",
  tagsHint: "Skilj taggarna åt med kommatecken, till exempel: regional organisation, nätverk",
  exampleRegion: "Exemplet kommer från",
  noRegion: "Ingen särskild region",
  deadline: "Sista dag för förslag",
  planYear: "Handlingsplan för år (frivilligt)",
  audienceLegend: "Målgrupp",
  audienceIntro:
    "Vem ska nå den? Val under ”Vem” lägger till personer; val under ”Var” begränsar till de regionerna.",
  scope: "Räckvidd",
  scopeNetwork: "Bara nätverket (de som har en roll eller följer en grupp)",
  scopePublic: "Alla (även de som bara prenumererar; syns på den öppna webbplatsen)",
  whoLegend: "Vem",
  whoHint: "Inget val: alla inom räckvidden.",
  audienceTags: "Målgruppstaggar",
  roles: "Roller",
  functions: "Funktioner",
  themeGroups: "Temagruppernas deltagare och följare",
  whereLegend: "Var",
  whereHint: "Inget val: alla regioner.",
  whereOnlyYours: (region) => `Du får skicka till personer i ${region}.`,
  regions: "Regioner",
  healthcareRegions: "Sjukvårdsregioner",
  previewButton: "Förhandsgranska",
  publishButton: "Publicera och skicka",
  publishHint: "Utskicket går iväg direkt när du publicerar.",
  previewTitle: "Förhandsgranskning",
  previewNotYet: "Fyll i rubrik och målgrupp och välj Förhandsgranska.",
  reachSummary: (people, regions, deliveries) =>
    `Når ${people} ${people === 1 ? "person" : "personer"} i ${regions} ${regions === 1 ? "region" : "regioner"} (${deliveries} ${deliveries === 1 ? "leverans" : "leveranser"} med e-post och Slack).`,
  authorNotCounted: "Du själv räknas inte: du får inte ditt eget utskick.",
  previewCaption: "Personer per region, och vem som för det vidare där gruppen saknar deltagare",
  region: "Region",
  people: "Personer",
  bridge: "Kanal in",
  bridgeVia: (via, names) =>
    via === "contactPerson"
      ? `via kontaktpersonen ${names}`
      : `via processledaren ${names} (ingen kontaktperson)`,
  noBridgeNeeded: "–",
  unreachableTitle: "Regioner som inte nås",
  unreachableNone: "Alla regioner som målgruppen gäller nås.",
  unreachableReason: (reason) =>
    reason === "bridgeOptedOut"
      ? "kontaktpersonen eller processledaren har avstått från utskick"
      : "varken kontaktperson eller processledare finns",
  fallback: (scope) =>
    scope === "public"
      ? "Uppdateringen syns ändå på den öppna webbplatsen och i flödet."
      : "Ingen i regionen får den. Utse en kontaktperson för gruppen i regionen, eller skicka till alla.",
  fixCoverage: "Se täckningen",
  passOnTitle: "Raden i utskicket",
  skipped: (count) =>
    `${count} ${count === 1 ? "person" : "personer"} hoppas över: de har avstått från utskick eller saknar kanal.`,
  refusedTitle: "Det här får du inte skicka",
  errorsTitle: "Rätta det här först",
  required: "Fyll i fältet.",
  badDate: "Skriv ett datum som 2026-12-15.",
  badDateTime: "Skriv datum och tid som 2027-01-20 09:00.",
  endsBeforeStart: "Sluttiden måste vara efter starttiden.",
  mustLieAhead: "Tiden har redan passerat; välj en tid framåt.",
  badUrl: "Skriv en webbadress som börjar med https://.",
  badYear: "Skriv ett årtal som 2027.",
  unknownChoice: (value) => `”${value}” finns inte bland valen.`,
  notOffered: "Välj bland alternativen på sidan.",
  mayNotCompose:
    "Du har ingen roll som får skicka uppdateringar. Kansliet, regionens processledare eller presidieledamot och gruppens ordförande kan göra det.",
  failed: "Uppdateringen kunde inte publiceras just nu. Ingenting skickades. Försök igen om en stund.",
  alreadyPublished: "Uppdateringen var redan publicerad; här är den.",
  switchLanguage: "In English",
}

const en: ComposeMessages = {
  navLabel: "Compose",
  title: "Compose and publish",
  intro:
    "Write the update, choose whom it should reach and see in the preview how many people it reaches in each region before anything is sent.",
  kindsLabel: "What do you want to send?",
  kindTitle: {
    meetingNotes: "Meeting notes",
    workListItem: "Work-list change",
    digitalHour: "Digital hour",
    goodExample: "Good example",
    proposalRound: "Proposal round",
  },
  contentLegend: "Content",
  themeGroup: "Theme group",
  noThemeGroup: "No theme group (the network)",
  titleLabel: "Title",
  bodyLabel: "Text",
  bodyHint: "Write for someone who was not there: what happened, what it means, what to do.",
  meetingDate: "Meeting date",
  status: "Status",
  statusName: { planned: "planned", ongoing: "ongoing", done: "done" },
  dueDate: "Due (optional)",
  startsAt: "Starts",
  endsAt: "Ends",
  timeHint: "Swedish time.",
  location: "Place (optional)",
  url: "Link to the meeting (optional)",
  tags: "Tags",
  tagsHint: "Separate tags with commas, for example: regional organisation, network",
  exampleRegion: "The example comes from",
  noRegion: "No particular region",
  deadline: "Last day for proposals",
  planYear: "Action plan for the year (optional)",
  audienceLegend: "Audience",
  audienceIntro:
    "Whom should it reach? Choices under “Who” add people; choices under “Where” narrow to those regions.",
  scope: "Scope",
  scopeNetwork: "The network only (people with a role or following a group)",
  scopePublic: "Everyone (subscribers too; shown on the public site)",
  whoLegend: "Who",
  whoHint: "No choice: everyone in scope.",
  audienceTags: "Audience tags",
  roles: "Roles",
  functions: "Functions",
  themeGroups: "Theme groups' participants and followers",
  whereLegend: "Where",
  whereHint: "No choice: every region.",
  whereOnlyYours: (region) => `You may send to people in ${region}.`,
  regions: "Regions",
  healthcareRegions: "Healthcare regions",
  previewButton: "Preview",
  publishButton: "Publish and send",
  publishHint: "The mailing goes out as soon as you publish.",
  previewTitle: "Preview",
  previewNotYet: "Fill in a title and an audience and choose Preview.",
  reachSummary: (people, regions, deliveries) =>
    `Reaches ${people} ${people === 1 ? "person" : "people"} in ${regions} ${regions === 1 ? "region" : "regions"} (${deliveries} ${deliveries === 1 ? "delivery" : "deliveries"} by email and Slack).`,
  authorNotCounted: "You are not counted: you are not sent your own update.",
  previewCaption: "People per region, and who carries it in where the group has no participant",
  region: "Region",
  people: "People",
  bridge: "Channel in",
  bridgeVia: (via, names) =>
    via === "contactPerson"
      ? `through the contact person ${names}`
      : `through the process leader ${names} (no contact person)`,
  noBridgeNeeded: "–",
  unreachableTitle: "Regions not reached",
  unreachableNone: "Every region the audience concerns is reached.",
  unreachableReason: (reason) =>
    reason === "bridgeOptedOut"
      ? "the contact person or process leader opted out of mailings"
      : "there is neither a contact person nor a process leader",
  fallback: (scope) =>
    scope === "public"
      ? "The update is still shown on the public site and in the feed."
      : "Nobody in the region gets it. Name a contact person for the group in the region, or send to everyone.",
  fixCoverage: "See coverage",
  passOnTitle: "The line in the mailing",
  skipped: (count) =>
    `${count} ${count === 1 ? "person is" : "people are"} skipped: they opted out of mailings or have no channel.`,
  refusedTitle: "You may not send this",
  errorsTitle: "Correct this first",
  required: "Fill in the field.",
  badDate: "Write a date such as 2026-12-15.",
  badDateTime: "Write a date and time such as 2027-01-20 09:00.",
  endsBeforeStart: "The end must be after the start.",
  mustLieAhead: "That time has passed; choose a time ahead.",
  badUrl: "Write a web address starting with https://.",
  badYear: "Write a year such as 2027.",
  unknownChoice: (value) => `“${value}” is not among the choices.`,
  notOffered: "Choose among the options on the page.",
  mayNotCompose:
    "You hold no role that may send updates. The office, the region's process leader or presidium member, and a group's chair can.",
  failed: "The update could not be published just now. Nothing was sent. Please try again shortly.",
  alreadyPublished: "The update was already published; here it is.",
  switchLanguage: "På svenska",
}

export const composeMessages: Readonly<Record<Language, ComposeMessages>> = { sv, en }
