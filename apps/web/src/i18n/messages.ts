import type { Language } from "@spridning/core"

export type WorkStatus = "planned" | "ongoing" | "done"

/**
 * The words of the web pages, in one language. Both languages implement the whole interface,
 * so a missing translation is a type error rather than a blank on a page. Domain words
 * (update kinds, roles, audience tags) come from core's catalogue.
 */
export interface WebMessages {
  readonly siteName: string
  readonly siteTagline: string
  readonly skipToContent: string
  readonly mainNavigation: string
  readonly nav: { readonly home: string; readonly goodExamples: string; readonly calendar: string }
  readonly switchLanguage: string
  readonly switchLanguageLabel: string
  readonly footer: {
    readonly about: string
    readonly feeds: string
    readonly networkFeed: string
    readonly calendarFeed: string
  }
  readonly home: {
    readonly title: string
    readonly intro: string
    readonly themeGroups: string
    readonly latest: string
    readonly noLatest: string
    readonly upcomingDigitalHours: string
    readonly noDigitalHours: string
    readonly openRounds: string
    readonly noOpenRounds: string
  }
  readonly group: {
    readonly worksOn: (topic: string) => string
    readonly mergedInto: (name: string) => string
    readonly notes: string
    readonly noNotes: string
    readonly workList: string
    readonly noWorkList: string
    readonly goodExamples: string
    readonly noGoodExamples: string
    readonly digitalHours: string
    readonly noDigitalHours: string
    readonly openRounds: string
    readonly noOpenRounds: string
    readonly actionPlans: string
    readonly feed: (group: string) => string
    readonly status: Readonly<Record<WorkStatus, string>>
    readonly due: (date: string) => string
  }
  readonly update: {
    readonly published: (date: string) => string
    readonly group: string
    readonly kind: string
    readonly meetingDate: (date: string) => string
    readonly when: string
    readonly where: string
    readonly join: string
    readonly downloadIcs: string
    readonly deadline: (date: string) => string
    readonly planYear: (year: number) => string
    readonly tags: string
    readonly region: string
    readonly passOn: string
    readonly backToGroup: (group: string) => string
  }
  readonly goodExamples: {
    readonly title: string
    readonly intro: string
    readonly search: string
    readonly searchLabel: string
    readonly tag: string
    readonly allTags: string
    readonly apply: string
    readonly results: (count: number) => string
    readonly none: string
  }
  readonly notFound: { readonly title: string; readonly body: string; readonly home: string }
  readonly failure: { readonly title: string; readonly body: string }
  readonly feedTitle: (name: string) => string
  readonly calendarName: string
}

const sv: WebMessages = {
  siteName: "HFS-nätverket",
  siteTagline: "Hälsofrämjande hälso- och sjukvård – det temagrupperna lär sig, för alla",
  skipToContent: "Hoppa till innehållet",
  mainNavigation: "Huvudmeny",
  nav: { home: "Temagrupper", goodExamples: "Goda exempel", calendar: "Kalender (.ics)" },
  switchLanguage: "English",
  switchLanguageLabel: "Read this site in English",
  footer: {
    about: "Sidorna visar det som nätverkets temagrupper har publicerat för alla.",
    feeds: "Prenumerera",
    networkFeed: "Flöde för hela nätverket (Atom)",
    calendarFeed: "Digitimmar i din kalender (iCalendar)",
  },
  home: {
    title: "HFS-nätverkets temagrupper",
    intro:
      "Temagrupperna samlar regioner kring ett ämne. Här finns deras anteckningar, vad de arbetar med just nu, goda exempel och kommande digitimmar.",
    themeGroups: "Temagrupper",
    latest: "Senast publicerat",
    noLatest: "Inget publicerat ännu.",
    upcomingDigitalHours: "Kommande digitimmar",
    noDigitalHours: "Inga digitimmar inplanerade just nu.",
    openRounds: "Öppna förslagsomgångar",
    noOpenRounds: "Ingen förslagsomgång är öppen just nu.",
  },
  group: {
    worksOn: (topic) => `Arbetar med: ${topic}`,
    mergedInto: (name) => `Gruppen har slagits ihop med ${name}.`,
    notes: "Minnesanteckningar",
    noNotes: "Inga publika anteckningar ännu.",
    workList: "Aktuellt arbete",
    noWorkList: "Arbetslistan är tom.",
    goodExamples: "Goda exempel",
    noGoodExamples: "Inga goda exempel ännu.",
    digitalHours: "Kommande digitimmar",
    noDigitalHours: "Inga digitimmar inplanerade.",
    openRounds: "Öppna förslagsomgångar",
    noOpenRounds: "Ingen förslagsomgång är öppen.",
    actionPlans: "Handlingsplaner",
    feed: (group) => `Flöde för ${group} (Atom)`,
    status: { planned: "Planerat", ongoing: "Pågår", done: "Klart" },
    due: (date) => `klart senast ${date}`,
  },
  update: {
    published: (date) => `Publicerad ${date}`,
    group: "Temagrupp",
    kind: "Typ",
    meetingDate: (date) => `Möte ${date}`,
    when: "När",
    where: "Var",
    join: "Anslut till mötet",
    downloadIcs: "Lägg till i kalendern (.ics)",
    deadline: (date) => `Skicka in senast ${date}`,
    planYear: (year) => `Handlingsplan för ${year}`,
    tags: "Taggar",
    region: "Region",
    passOn: "Sprid vidare",
    backToGroup: (group) => `Tillbaka till ${group}`,
  },
  goodExamples: {
    title: "Goda exempel",
    intro: "Beskrivningar av det som fungerat i regionerna, att låna och bygga vidare på.",
    search: "Sök",
    searchLabel: "Sök bland goda exempel",
    tag: "Tagg",
    allTags: "Alla taggar",
    apply: "Visa",
    results: (count) => (count === 1 ? "1 exempel" : `${count} exempel`),
    none: "Inga exempel matchar. Pröva ett annat ord eller en annan tagg.",
  },
  notFound: {
    title: "Sidan finns inte",
    body: "Här finns inget att visa. Sidan kan ha flyttats, eller så är innehållet bara för nätverkets medlemmar.",
    home: "Till startsidan",
  },
  failure: {
    title: "Något gick fel",
    body: "Sidan kunde inte visas just nu. Försök igen om en stund.",
  },
  feedTitle: (name) => `${name} – HFS-nätverket`,
  calendarName: "HFS-nätverkets digitimmar",
}

const en: WebMessages = {
  siteName: "The HFS network",
  siteTagline: "Health-promoting health care – what the theme groups learn, for everyone",
  skipToContent: "Skip to content",
  mainNavigation: "Main menu",
  nav: { home: "Theme groups", goodExamples: "Good examples", calendar: "Calendar (.ics)" },
  switchLanguage: "Svenska",
  switchLanguageLabel: "Läs webbplatsen på svenska",
  footer: {
    about: "These pages show what the network's theme groups have published for everyone.",
    feeds: "Subscribe",
    networkFeed: "Feed for the whole network (Atom)",
    calendarFeed: "Digital hours in your calendar (iCalendar)",
  },
  home: {
    title: "The HFS network's theme groups",
    intro:
      "The theme groups bring regions together around one topic. Here are their notes, what they are working on now, good examples and upcoming digital hours.",
    themeGroups: "Theme groups",
    latest: "Latest",
    noLatest: "Nothing published yet.",
    upcomingDigitalHours: "Upcoming digital hours",
    noDigitalHours: "No digital hours planned right now.",
    openRounds: "Open proposal rounds",
    noOpenRounds: "No proposal round is open right now.",
  },
  group: {
    worksOn: (topic) => `Works on: ${topic}`,
    mergedInto: (name) => `The group has merged with ${name}.`,
    notes: "Meeting notes",
    noNotes: "No public notes yet.",
    workList: "Current work",
    noWorkList: "The work list is empty.",
    goodExamples: "Good examples",
    noGoodExamples: "No good examples yet.",
    digitalHours: "Upcoming digital hours",
    noDigitalHours: "No digital hours planned.",
    openRounds: "Open proposal rounds",
    noOpenRounds: "No proposal round is open.",
    actionPlans: "Action plans",
    feed: (group) => `Feed for ${group} (Atom)`,
    status: { planned: "Planned", ongoing: "Ongoing", done: "Done" },
    due: (date) => `due ${date}`,
  },
  update: {
    published: (date) => `Published ${date}`,
    group: "Theme group",
    kind: "Kind",
    meetingDate: (date) => `Meeting on ${date}`,
    when: "When",
    where: "Where",
    join: "Join the meeting",
    downloadIcs: "Add to your calendar (.ics)",
    deadline: (date) => `Send in by ${date}`,
    planYear: (year) => `Action plan for ${year}`,
    tags: "Tags",
    region: "Region",
    passOn: "Pass on",
    backToGroup: (group) => `Back to ${group}`,
  },
  goodExamples: {
    title: "Good examples",
    intro: "Descriptions of what worked in the regions, to borrow and build on.",
    search: "Search",
    searchLabel: "Search the good examples",
    tag: "Tag",
    allTags: "All tags",
    apply: "Show",
    results: (count) => (count === 1 ? "1 example" : `${count} examples`),
    none: "No example matches. Try another word or tag.",
  },
  notFound: {
    title: "Page not found",
    body: "There is nothing to show here. The page may have moved, or its content is for the network's members only.",
    home: "To the home page",
  },
  failure: {
    title: "Something went wrong",
    body: "The page could not be shown just now. Please try again shortly.",
  },
  feedTitle: (name) => `${name} – the HFS network`,
  calendarName: "The HFS network's digital hours",
}

export const webMessages: Readonly<Record<Language, WebMessages>> = { sv, en }
