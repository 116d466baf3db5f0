import type { Language, Role, UpdateKind } from "@spridning/core"

/**
 * Mail-only text, Swedish first and English by preference. Labels shared with other channels
 * (roles, update kinds) should come from core's message catalogue once it lands; until then
 * they live here so every mail says who sent it, why the reader got it and what to do.
 */
export interface MailText {
  readonly networkName: string
  readonly greeting: (name: string) => string
  readonly kindLabel: Record<UpdateKind, string>
  readonly subjectPrefix: Record<UpdateKind, string>
  readonly whatToDo: Record<UpdateKind, string>
  readonly roleLabel: Record<Role, string>
  readonly whyPrefix: string
  readonly whyJoin: string
  readonly reasons: {
    readonly holdsRoleInGroup: (role: string, group: string, region: string) => string
    readonly holdsRoleInBody: (role: string, body: string, region: string) => string
    readonly holdsRole: (role: string, region: string) => string
    readonly followsGroup: (group: string) => string
    readonly matchesTag: (tag: string) => string
    readonly hasFunction: (fn: string) => string
    readonly inTargetedRegion: (region: string) => string
    readonly bridgeContactPerson: (region: string) => string
    readonly bridgeProcessLeader: (region: string) => string
  }
  readonly tagLabel: Record<string, string>
  readonly functionLabel: Record<string, string>
  readonly receipts: {
    readonly read: string
    readonly passedOn: string
    readonly acted: string
    readonly intro: string
  }
  readonly unsubscribeGroup: (group: string) => string
  readonly unsubscribeAll: string
  readonly unsubscribeDigest: string
  readonly openInBrowserHint: string
  readonly details: {
    readonly meetingDate: string
    readonly when: string
    readonly where: string
    readonly join: string
    readonly deadline: string
    readonly planYear: string
    readonly status: string
    readonly dueDate: string
    readonly tags: string
    readonly workStatus: Record<"planned" | "ongoing" | "done", string>
    readonly calendarAttached: string
  }
  readonly reminders: {
    readonly proposalSubject: (days: number, title: string) => string
    readonly proposalLead: (days: number, deadline: string) => string
    readonly digitalHourSubject: (title: string) => string
    readonly digitalHourLead: (when: string) => string
  }
  readonly digest: {
    readonly subject: (cadence: "daily" | "weekly", count: number) => string
    readonly lead: (cadence: "daily" | "weekly", count: number) => string
    readonly why: (groups: string) => string
    readonly changeFrequency: string
  }
  readonly briefing: {
    readonly subject: (region: string, month: string) => string
    readonly lead: (region: string, month: string) => string
    readonly recentWork: string
    readonly noRecentWork: string
    readonly uncovered: string
    readonly noUncovered: string
    readonly uncoveredFallback: (person: string) => string
    readonly uncoveredNoFallback: string
    readonly missingRoles: string
    readonly waiting: string
    readonly noWaiting: string
    readonly waitingItem: (title: string, deadline: string) => string
    readonly why: (region: string) => string
    readonly whatToDo: string
  }
  readonly locale: string
}

const sv: MailText = {
  locale: "sv-SE",
  networkName: "HFS-nätverket",
  greeting: (name) => `Hej ${name}!`,
  kindLabel: {
    meetingNotes: "Minnesanteckningar",
    workListItem: "Aktuellt arbete",
    digitalHour: "Inbjudan till digitimme",
    goodExample: "Gott exempel",
    proposalRound: "Förslagsrunda",
    proposalAnswer: "Svar på förslag",
    actionPlan: "Handlingsplan",
    briefing: "Lägesrapport till ledningen",
  },
  subjectPrefix: {
    meetingNotes: "Minnesanteckningar",
    workListItem: "Arbetslistan uppdaterad",
    digitalHour: "Inbjudan till digitimme",
    goodExample: "Gott exempel",
    proposalRound: "Skicka in förslag",
    proposalAnswer: "Svar på förslag",
    actionPlan: "Ny handlingsplan",
    briefing: "Lägesrapport",
  },
  whatToDo: {
    meetingNotes: "Läs anteckningarna och sprid det som berör din verksamhet vidare.",
    workListItem: "Se vad temagruppen arbetar med och hör av dig om din region vill bidra.",
    digitalHour:
      "Lägg in digitimmen i din kalender (bifogad fil) och bjud in kollegor som berörs – se raden om vem den ska spridas till.",
    goodExample: "Läs exemplet och fundera på om det kan användas i din region.",
    proposalRound:
      "Samla in förslag i din region och skicka in dem före sista dag – även om ni inte är med i temagruppen.",
    proposalAnswer: "Läs svaret och återkoppla till dem i din region som lämnade förslaget.",
    actionPlan: "Läs handlingsplanen och se vad den innebär för din region det kommande året.",
    briefing: "Gå igenom läget och ta upp det som väntar på beslut på nästa ledningsmöte.",
  },
  roleLabel: {
    participant: "temagruppsdeltagare",
    chair: "ordförande",
    contactPerson: "kontaktperson",
    processLeader: "processledare",
    presidiumMember: "presidieledamot",
    management: "ledning",
    bodyMember: "ledamot",
  },
  whyPrefix: "Du får detta eftersom du",
  whyJoin: " och ",
  reasons: {
    holdsRoleInGroup: (role, group, region) => `är ${role} i ${group} för ${region}`,
    holdsRoleInBody: (role, body, region) => `är ${role} i ${body} i ${region}`,
    holdsRole: (role, region) => `är ${role} i ${region}`,
    followsGroup: (group) => `följer ${group}`,
    matchesTag: (tag) => `hör till målgruppen ${tag}`,
    hasFunction: (fn) => `arbetar som ${fn}`,
    inTargetedRegion: (region) => `finns i ${region}, som utskicket riktar sig till`,
    bridgeContactPerson: (region) =>
      `är kontaktperson för ${region}, som inte har någon deltagare i gruppen – du är regionens kanal in`,
    bridgeProcessLeader: (region) =>
      `är processledare i ${region}, som inte har någon deltagare eller kontaktperson i gruppen – sprid gärna vidare`,
  },
  tagLabel: {
    "governance-and-leadership": "styrning och ledning",
    "tools-for-staff": "verktyg för medarbetare",
    clinicians: "kliniker",
    strategists: "strateger",
    "public-health": "folkhälsa",
  },
  functionLabel: {
    clinician: "kliniker",
    strategist: "strateg",
    manager: "chef",
    publicHealthOfficer: "folkhälsoplanerare",
    coordinator: "samordnare",
    director: "direktör",
    researcher: "forskare",
    other: "annan funktion",
  },
  receipts: {
    intro: "Berätta gärna vad du gjorde med utskicket (ett klick, ingen inloggning):",
    read: "Jag har läst",
    passedOn: "Jag har spridit vidare",
    acted: "Vi har agerat",
  },
  unsubscribeGroup: (group) => `Avsluta utskick från ${group}`,
  unsubscribeAll: "Avsluta e-post från Spridning",
  unsubscribeDigest: "Avsluta sammanfattningen",
  openInBrowserHint: "Länkarna fungerar utan inloggning och gäller i 60 dagar.",
  details: {
    meetingDate: "Mötesdatum",
    when: "När",
    where: "Var",
    join: "Anslut",
    deadline: "Sista dag",
    planYear: "Gäller år",
    status: "Status",
    dueDate: "Klart senast",
    tags: "Taggar",
    workStatus: { planned: "planerat", ongoing: "pågår", done: "klart" },
    calendarAttached: "Kalenderfil bifogad (.ics).",
  },
  reminders: {
    proposalSubject: (days, title) =>
      days === 1 ? `Påminnelse: sista dag i morgon – ${title}` : `Påminnelse: en vecka kvar – ${title}`,
    proposalLead: (days, deadline) =>
      days === 1
        ? `I morgon, ${deadline}, är sista dagen att skicka in förslag.`
        : `Om en vecka, ${deadline}, är sista dagen att skicka in förslag.`,
    digitalHourSubject: (title) => `Påminnelse: digitimme i morgon – ${title}`,
    digitalHourLead: (when) => `Digitimmen är i morgon, ${when}.`,
  },
  digest: {
    subject: (cadence, count) =>
      `${cadence === "daily" ? "Dagens" : "Veckans"} sammanfattning: ${count} ${count === 1 ? "nyhet" : "nyheter"} från temagrupperna`,
    lead: (cadence, count) =>
      `Här är ${count === 1 ? "det som" : `de ${count} utskick som`} kommit från dina temagrupper ${cadence === "daily" ? "det senaste dygnet" : "den senaste veckan"}.`,
    why: (groups) => `Du får detta eftersom du följer ${groups} och har valt att få en sammanfattning`,
    changeFrequency:
      "Vill du hellre få varje utskick direkt, eller mer sällan? Ändra det i dina inställningar.",
  },
  briefing: {
    subject: (region, month) => `Lägesrapport för ${region}, ${month}`,
    lead: (region, month) => `Så här ser HFS-arbetet ut för ${region} i ${month}.`,
    recentWork: "Vad temagrupperna gjort",
    noRecentWork: "Inga utskick till regionen den här perioden.",
    uncovered: "Temagrupper där regionen saknar deltagare",
    noUncovered: "Regionen är med i alla aktiva temagrupper.",
    uncoveredFallback: (person) => `utskicken går till ${person}`,
    uncoveredNoFallback: "ingen i regionen tar emot utskicken",
    missingRoles: "Roller som saknas i regionen",
    waiting: "Väntar på er",
    noWaiting: "Inget väntar på beslut just nu.",
    waitingItem: (title, deadline) => `${title} – förslag senast ${deadline}`,
    why: (region) => `Du får detta eftersom du är med i ledningen för ${region}`,
    whatToDo: "Gå igenom läget och ta upp det som väntar på beslut på nästa ledningsmöte.",
  },
}

const en: MailText = {
  locale: "en-GB",
  networkName: "the HFS network",
  greeting: (name) => `Hello ${name},`,
  kindLabel: {
    meetingNotes: "Meeting notes",
    workListItem: "Current work",
    digitalHour: "Digital hour invitation",
    goodExample: "Good example",
    proposalRound: "Proposal round",
    proposalAnswer: "Answer to a proposal",
    actionPlan: "Action plan",
    briefing: "Management briefing",
  },
  subjectPrefix: {
    meetingNotes: "Meeting notes",
    workListItem: "Work list updated",
    digitalHour: "Invitation to a digital hour",
    goodExample: "Good example",
    proposalRound: "Send in proposals",
    proposalAnswer: "Answer to a proposal",
    actionPlan: "New action plan",
    briefing: "Briefing",
  },
  whatToDo: {
    meetingNotes: "Read the notes and pass on what concerns your organisation.",
    workListItem:
      "See what the theme group is working on and get in touch if your region wants to contribute.",
    digitalHour:
      "Add the digital hour to your calendar (attached file) and invite colleagues it concerns – see the line on whom to pass it on to.",
    goodExample: "Read the example and consider whether it could work in your region.",
    proposalRound:
      "Gather proposals in your region and send them in before the deadline – even if your region is not in the theme group.",
    proposalAnswer: "Read the answer and let the people in your region who made the proposal know.",
    actionPlan: "Read the action plan and see what it means for your region in the coming year.",
    briefing: "Go through the situation and raise what awaits a decision at your next management meeting.",
  },
  roleLabel: {
    participant: "theme group participant",
    chair: "chair",
    contactPerson: "contact person",
    processLeader: "process leader",
    presidiumMember: "presidium member",
    management: "management",
    bodyMember: "member",
  },
  whyPrefix: "You are receiving this because you",
  whyJoin: " and ",
  reasons: {
    holdsRoleInGroup: (role, group, region) => `are ${role} in ${group} for ${region}`,
    holdsRoleInBody: (role, body, region) => `are ${role} of ${body} in ${region}`,
    holdsRole: (role, region) => `are ${role} in ${region}`,
    followsGroup: (group) => `follow ${group}`,
    matchesTag: (tag) => `belong to the audience ${tag}`,
    hasFunction: (fn) => `work as ${fn}`,
    inTargetedRegion: (region) => `are in ${region}, which this mailing targets`,
    bridgeContactPerson: (region) =>
      `are the contact person for ${region}, which has no participant in the group – you are the region's channel in`,
    bridgeProcessLeader: (region) =>
      `are process leader in ${region}, which has no participant or contact person in the group – please pass it on`,
  },
  tagLabel: {
    "governance-and-leadership": "governance and leadership",
    "tools-for-staff": "tools for staff",
    clinicians: "clinicians",
    strategists: "strategists",
    "public-health": "public health",
  },
  functionLabel: {
    clinician: "clinician",
    strategist: "strategist",
    manager: "manager",
    publicHealthOfficer: "public health officer",
    coordinator: "coordinator",
    director: "director",
    researcher: "researcher",
    other: "another function",
  },
  receipts: {
    intro: "Tell us what you did with this mailing (one click, no login):",
    read: "I have read it",
    passedOn: "I have passed it on",
    acted: "We have acted on it",
  },
  unsubscribeGroup: (group) => `Stop mail from ${group}`,
  unsubscribeAll: "Stop email from Spridning",
  unsubscribeDigest: "Stop this digest",
  openInBrowserHint: "The links work without logging in and are valid for 60 days.",
  details: {
    meetingDate: "Meeting date",
    when: "When",
    where: "Where",
    join: "Join",
    deadline: "Deadline",
    planYear: "For the year",
    status: "Status",
    dueDate: "Due",
    tags: "Tags",
    workStatus: { planned: "planned", ongoing: "ongoing", done: "done" },
    calendarAttached: "Calendar file attached (.ics).",
  },
  reminders: {
    proposalSubject: (days, title) =>
      days === 1 ? `Reminder: deadline tomorrow – ${title}` : `Reminder: one week left – ${title}`,
    proposalLead: (days, deadline) =>
      days === 1
        ? `Tomorrow, ${deadline}, is the last day to send in proposals.`
        : `In one week, ${deadline}, is the last day to send in proposals.`,
    digitalHourSubject: (title) => `Reminder: digital hour tomorrow – ${title}`,
    digitalHourLead: (when) => `The digital hour is tomorrow, ${when}.`,
  },
  digest: {
    subject: (cadence, count) =>
      `Your ${cadence === "daily" ? "daily" : "weekly"} digest: ${count} ${count === 1 ? "update" : "updates"} from the theme groups`,
    lead: (cadence, count) =>
      `Here ${count === 1 ? "is the mailing" : `are the ${count} mailings`} from your theme groups over the ${cadence === "daily" ? "last day" : "last week"}.`,
    why: (groups) => `You are receiving this because you follow ${groups} and chose a digest`,
    changeFrequency: "Prefer every mailing at once, or less often? Change it in your settings.",
  },
  briefing: {
    subject: (region, month) => `Briefing for ${region}, ${month}`,
    lead: (region, month) => `This is where HFS work stands for ${region} in ${month}.`,
    recentWork: "What the theme groups did",
    noRecentWork: "No mailings reached the region this period.",
    uncovered: "Theme groups where the region has no participant",
    noUncovered: "The region takes part in every active theme group.",
    uncoveredFallback: (person) => `mailings go to ${person}`,
    uncoveredNoFallback: "nobody in the region receives the mailings",
    missingRoles: "Roles missing in the region",
    waiting: "Waiting for you",
    noWaiting: "Nothing awaits a decision right now.",
    waitingItem: (title, deadline) => `${title} – proposals by ${deadline}`,
    why: (region) => `You are receiving this because you are part of the management of ${region}`,
    whatToDo: "Go through the situation and raise what awaits a decision at your next management meeting.",
  },
}

export const mailText: Record<Language, MailText> = { sv, en }

export const formatDate = (language: Language, date: Date | string): string =>
  new Intl.DateTimeFormat(mailText[language].locale, {
    dateStyle: "long",
    timeZone: "Europe/Stockholm",
  }).format(typeof date === "string" ? new Date(date) : date)

export const formatDateTime = (language: Language, date: Date): string =>
  new Intl.DateTimeFormat(mailText[language].locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(date)

export const formatMonth = (language: Language, date: Date): string =>
  new Intl.DateTimeFormat(mailText[language].locale, {
    month: "long",
    year: "numeric",
    timeZone: "Europe/Stockholm",
  }).format(date)
