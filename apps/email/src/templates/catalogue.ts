import type { Language, UpdateKind } from "@spridning/core"

/**
 * Mail-only text, Swedish first and English by preference. Everything shared with other
 * channels (roles, update kinds, calls to action, why a reader got a message) comes from
 * core's message catalogue; this holds only what exists in mail: subjects, receipt buttons,
 * unsubscribe lines, reminders, digests and briefings.
 */
export interface MailText {
  readonly networkName: string
  readonly greeting: (name: string) => string
  readonly subjectPrefix: Record<UpdateKind, string>
  readonly receipts: {
    readonly read: string
    readonly passedOn: string
    readonly acted: string
    readonly intro: string
  }
  readonly unsubscribeGroup: (group: string) => string
  readonly unsubscribeAll: string
  readonly unsubscribeDigest: string
  /** The reader's own page: channels, language, how often, groups. */
  readonly preferences: string
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
    readonly joinIntro: string
    readonly proposalIntro: string
    readonly correction: (note: string) => string
    readonly proposalButton: string
    readonly joinButton: string
    readonly cancelled: string
    readonly hourChanged: Record<"moved" | "cancelled", string>
    readonly yourProposal: string
    readonly answer: string
    readonly reason: string
    readonly answerStatus: Record<"accepted" | "merged" | "declined", string>
    readonly answerLead: Record<"accepted" | "merged" | "declined", string>
    readonly answerChanged: (previous: string) => string
  }
  readonly hourSubjectPrefix: Record<"moved" | "cancelled", string>
  readonly changedAnswerSubjectPrefix: string
  readonly correctedNotesSubjectPrefix: string
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
  receipts: {
    intro: "Berätta gärna vad du gjorde med utskicket (ett klick, ingen inloggning):",
    read: "Jag har läst",
    passedOn: "Jag har spridit vidare",
    acted: "Vi har agerat",
  },
  unsubscribeGroup: (group) => `Avsluta utskick från ${group}`,
  unsubscribeAll: "Avsluta e-post från Spridning",
  unsubscribeDigest: "Avsluta sammanfattningen",
  preferences: "Dina inställningar: kanaler, språk, hur ofta, vilka grupper",
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
    joinIntro: "Länken till digitimmen:",
    proposalIntro: "Skicka in er regions förslag direkt, utan inloggning (länken gäller för din region):",
    proposalButton: "Skicka in förslag",
    correction: (note) => `Rättelse i anteckningarna du fick tidigare: ${note}`,
    joinButton: "Anslut till digitimmen",
    cancelled: "inställd",
    hourChanged: {
      moved: "Digitimmen har fått ny tid. Den bifogade kalenderfilen uppdaterar din kalender.",
      cancelled: "Digitimmen är inställd. Den bifogade kalenderfilen tar bort den ur din kalender.",
    },
    yourProposal: "Ert förslag",
    answer: "Svar",
    reason: "Motivering",
    answerStatus: { accepted: "antaget", merged: "sammanslaget med ett annat förslag", declined: "avböjt" },
    answerLead: {
      accepted: "Temagruppen har tagit med ert förslag i arbetet med handlingsplanen. Tack!",
      merged: "Temagruppen har slagit ihop ert förslag med ett annat och arbetar vidare med dem tillsammans.",
      declined: "Temagruppen har inte kunnat ta med ert förslag den här gången. Motiveringen står nedan.",
    },
    answerChanged: (previous) => `Temagruppen har ändrat sitt svar (tidigare: ${previous}).`,
  },
  hourSubjectPrefix: { moved: "Ny tid för digitimme", cancelled: "Inställd digitimme" },
  changedAnswerSubjectPrefix: "Ändrat svar på förslag",
  correctedNotesSubjectPrefix: "Rättelse: minnesanteckningar",
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
  receipts: {
    intro: "Tell us what you did with this mailing (one click, no login):",
    read: "I have read it",
    passedOn: "I have passed it on",
    acted: "We have acted on it",
  },
  unsubscribeGroup: (group) => `Stop mail from ${group}`,
  unsubscribeAll: "Stop email from Spridning",
  unsubscribeDigest: "Stop this digest",
  preferences: "Your settings: channels, language, how often, which groups",
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
    joinIntro: "The link to the digital hour:",
    proposalIntro: "Send in your region's proposal directly, no login needed (the link is for your region):",
    proposalButton: "Send in a proposal",
    correction: (note) => `A correction to the notes you got earlier: ${note}`,
    joinButton: "Join the digital hour",
    cancelled: "cancelled",
    hourChanged: {
      moved: "The digital hour has a new time. The attached calendar file updates your calendar.",
      cancelled: "The digital hour is cancelled. The attached calendar file removes it from your calendar.",
    },
    yourProposal: "Your proposal",
    answer: "Answer",
    reason: "Reason",
    answerStatus: { accepted: "accepted", merged: "merged with another proposal", declined: "declined" },
    answerLead: {
      accepted: "The theme group has taken your proposal into its work on the action plan. Thank you!",
      merged: "The theme group has merged your proposal with another and takes them forward together.",
      declined: "The theme group could not take your proposal this time. The reason is below.",
    },
    answerChanged: (previous) => `The theme group has changed its answer (before: ${previous}).`,
  },
  hourSubjectPrefix: { moved: "New time for digital hour", cancelled: "Digital hour cancelled" },
  changedAnswerSubjectPrefix: "Changed answer to a proposal",
  correctedNotesSubjectPrefix: "Correction: meeting notes",
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
