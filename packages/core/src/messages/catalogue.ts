import type { AudienceScope, AudienceTag } from "../audience/model.js"
import type { CoverageStatus } from "../coverage/report.js"
import type { UpdateKind } from "../dissemination/model.js"
import type { ReceiptKind } from "../funnel/model.js"
import type {
  Channel,
  FollowFrequency,
  Language,
  MemberKind,
  PersonFunction,
  RegionalBodyKind,
  Role,
  Sector,
} from "../organisation/model.js"
import type { ChainBreakReason } from "../reporting/chain.js"

/** A noun in both numbers, so lists read naturally ("en processledare", "processledare"). */
export interface Noun {
  readonly one: string
  readonly many: string
}

export type BridgeVia = "contactPerson" | "processLeader"

/**
 * Every piece of text a person reads, in one language. Both languages implement the whole
 * interface, so a missing translation is a type error rather than a blank in a mail.
 */
export interface Catalogue {
  readonly role: Readonly<Record<Role, Noun>>
  readonly function: Readonly<Record<PersonFunction, Noun>>
  readonly sector: Readonly<Record<Sector, string>>
  readonly memberKind: Readonly<Record<MemberKind, string>>
  readonly regionalBodyKind: Readonly<Record<RegionalBodyKind, string>>
  readonly audienceTag: Readonly<Record<AudienceTag, string>>
  /** The people a tag speaks to, as said in "Sprid vidare till: …". */
  readonly audienceTagPeople: Readonly<Record<AudienceTag, string>>
  readonly audienceScope: Readonly<Record<AudienceScope, string>>
  readonly updateKind: Readonly<Record<UpdateKind, string>>
  readonly coverageStatus: Readonly<Record<CoverageStatus, string>>
  /** The coverage spreadsheet (CSV and Excel): sheet names, column headings, "nobody receives". */
  readonly coverageSheet: {
    readonly sheet: string
    readonly gapsSheet: string
    readonly columns: readonly [string, string, string, string, string, string]
    readonly gapColumns: readonly [string, string]
    readonly nobody: string
  }
  readonly receiptKind: Readonly<Record<ReceiptKind, string>>
  /** What the reader is asked to do with each kind of update. */
  readonly callToAction: Readonly<Record<UpdateKind, string>>
  /** The same ask, naming whom to pass it on to: "Läs anteckningarna och sprid dem vidare till …". */
  readonly actionPrompt: Readonly<Record<UpdateKind, (whom: string) => string>>
  readonly passOn: {
    readonly prefix: string
    readonly everyoneInNetwork: string
    readonly everyone: string
    readonly inPlaces: (places: string) => string
    readonly everywhere: string
    readonly healthcareRegion: (name: string) => string
    readonly inOrFollowing: (group: string) => string
    /** Said when the audience's selectors reached nobody: the line never names people it did not reach. */
    readonly nobody: string
  }
  readonly because: {
    readonly prefix: string
    readonly holdsRole: (role: string, place: string) => string
    readonly holdsGroupRole: (role: string, group: string, place: string) => string
    readonly participates: (group: string, place: string) => string
    readonly chairs: (group: string) => string
    readonly contactPersonFor: (group: string, place: string) => string
    readonly holdsBodyRole: (body: string, place: string) => string
    readonly followsGroup: (group: string) => string
    readonly matchesTag: (tag: string) => string
    readonly hasFunction: (fn: string) => string
    readonly inTargetedRegion: (place: string, scope: AudienceScope) => string
    readonly submittedProposal: (place: string) => string
    /** `group` is undefined when the update names no theme group the reader can be told of. */
    readonly bridge: (via: BridgeVia, group: string | undefined, place: string) => string
    /** Said to a bridge after the reasons: what we ask of them. */
    readonly bridgeAsk: string
  }
  /** Joins a list the way the language does: "a, b och c". */
  readonly list: (items: ReadonlyArray<string>) => string
  readonly channel: Readonly<Record<Channel, string>>
  /** Why a delivery was not sent (or went another way), as the office and the reader see it. */
  readonly notSent: {
    readonly optedOutOfAll: string
    readonly optedOutOfThemeGroup: (group: string) => string
    readonly noLongerFollows: (group: string) => string
    readonly channelRemoved: (channel: string) => string
    readonly addressSuppressed: string
    readonly reachesYouElsewhere: (channel: string) => string
    readonly isAuthor: string
    readonly personGone: string
    readonly updateGone: string
    readonly noChannelConfigured: (channel: string) => string
    readonly rerouted: (from: string, to: string) => string
  }
  /** Why a publication is refused; `yours` and `outside` are already joined lists of names. */
  readonly publishRefused: {
    readonly mayNotPublish: string
    readonly notYourThemeGroup: (yours: string, group: string | undefined) => string
    readonly audienceOutsideRegion: (yours: string, outside: string) => string
    readonly audienceNamesNoRegion: (yours: string) => string
  }
  /** Why someone may not choose a theme group's Slack channel; `yours` names the groups they may. */
  readonly channelLinkRefused: (group: string, yours: string | undefined) => string
  /** To a group's editors when Slack says the group's channel is gone (deleted or archived). */
  readonly channelGone: (group: string, channel: string) => string
  /** Why a reporting chain stops, said plainly ("" is the role where it stopped). */
  readonly chainBroken: Readonly<Record<ChainBreakReason, (role: string) => string>>
  /**
   * The facts every copy of an update carries (mail, Slack DM, App Home, channel), so each
   * channel says the same: when, where, how to join, the calendar file, the deadline, where to
   * send a proposal, and the link to read the rest.
   */
  readonly content: {
    readonly when: string
    readonly where: string
    readonly join: string
    readonly calendar: string
    readonly deadline: string
    readonly sendProposal: string
    readonly readMore: string
    readonly whatToDo: string
    readonly openUpdate: string
  }
  /** A theme group that was merged takes nothing new; names where its work went. */
  readonly mergedGroup: (group: string, into: string) => string
  /** How often a follower hears from a group, as said after "Du får …". */
  readonly followFrequency: Readonly<Record<FollowFrequency, string>>
}

const joinWith =
  (and: string) =>
  (items: ReadonlyArray<string>): string =>
    items.length <= 1
      ? (items[0] ?? "")
      : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`

const sv: Catalogue = {
  role: {
    participant: { one: "temagruppsdeltagare", many: "temagruppsdeltagare" },
    chair: { one: "ordförande", many: "ordförande" },
    contactPerson: { one: "kontaktperson", many: "kontaktpersoner" },
    processLeader: { one: "processledare", many: "processledare" },
    presidiumMember: { one: "presidieledamot", many: "presidieledamöter" },
    management: { one: "ledning", many: "ledningen" },
    bodyMember: { one: "ledamot i regionalt forum", many: "ledamöter i regionala forum" },
  },
  function: {
    clinician: { one: "kliniker", many: "kliniker" },
    strategist: { one: "strateg", many: "strateger" },
    manager: { one: "chef", many: "chefer" },
    publicHealthOfficer: { one: "folkhälsoplanerare", many: "folkhälsoplanerare" },
    coordinator: { one: "samordnare", many: "samordnare" },
    director: { one: "direktör", many: "direktörer" },
    researcher: { one: "forskare", many: "forskare" },
    other: { one: "medarbetare", many: "medarbetare" },
  },
  sector: {
    care: "vården",
    publicHealth: "folkhälsa",
    regionalDevelopment: "regional utveckling",
    municipality: "kommun",
    school: "skola",
    other: "annan verksamhet",
  },
  memberKind: { region: "region", municipality: "kommun", hospital: "sjukhus", careProvider: "vårdgivare" },
  regionalBodyKind: {
    referenceGroup: "referensgrupp",
    council: "regionalt råd",
    network: "regionalt nätverk",
  },
  audienceTag: {
    "governance-and-leadership": "styrning och ledning",
    "tools-for-staff": "verktyg för medarbetare",
    clinicians: "kliniker",
    strategists: "strateger",
    "public-health": "folkhälsoarbete",
  },
  // Why: each tag names the people of audience/tags.ts, so the pass-on line says whom, not what.
  audienceTagPeople: {
    "governance-and-leadership": "ledning och chefer",
    "tools-for-staff": "medarbetare som möter patienter och invånare",
    clinicians: "kliniker",
    strategists: "strateger och samordnare",
    "public-health": "folkhälsoplanerare",
  },
  audienceScope: { network: "för nätverket", public: "för alla" },
  updateKind: {
    meetingNotes: "Minnesanteckningar",
    workListItem: "Aktuellt arbete",
    digitalHour: "Digitimme",
    goodExample: "Gott exempel",
    proposalRound: "Förslagsomgång",
    proposalAnswer: "Svar på förslag",
    actionPlan: "Handlingsplan",
    briefing: "Lägesbild för ledningen",
  },
  coverageStatus: {
    represented: "representerad",
    bridged: "brygga via kontaktperson",
    uncovered: "saknar kanal",
  },
  coverageSheet: {
    sheet: "Täckning",
    gapsSheet: "Rollgap",
    columns: ["Region", "Temagrupp", "Status", "Personer", "Tar emot i stället", "Saknade roller i regionen"],
    gapColumns: ["Region", "Saknade roller"],
    nobody: "ingen",
  },
  receiptKind: { read: "Läst", passedOn: "Delat vidare", acted: "Omsatt i handling" },
  callToAction: {
    meetingNotes: "Läs anteckningarna och sprid det som berör din verksamhet vidare.",
    workListItem: "Se vad gruppen arbetar med nu och hör av dig om ni gör något liknande.",
    digitalHour: "Anmäl dig och bjud in kollegor som har nytta av ämnet.",
    goodExample: "Läs exemplet och fundera på om det kan prövas hos er.",
    proposalRound: "Skicka in er regions förslag före sista dagen, även om ni inte är med i gruppen.",
    proposalAnswer: "Läs svaret och återkoppla till dem som stod bakom förslaget.",
    actionPlan: "Läs handlingsplanen och förankra den hos er ledning.",
    briefing: "Gå igenom läget och besluta vad regionen ska göra härnäst.",
  },
  actionPrompt: {
    meetingNotes: (whom) => `Läs anteckningarna och sprid vidare till ${whom}.`,
    workListItem: (whom) => `Se vad gruppen arbetar med nu och berätta om det för ${whom}.`,
    digitalHour: (whom) => `Anmäl dig och bjud in ${whom}.`,
    goodExample: (whom) => `Läs exemplet och visa det för ${whom}.`,
    proposalRound: (whom) => `Samla förslag från ${whom} och skicka in dem före sista dagen.`,
    proposalAnswer: (whom) => `Läs svaret och återkoppla till ${whom}.`,
    actionPlan: (whom) => `Läs handlingsplanen och förankra den hos ${whom}.`,
    briefing: (whom) => `Gå igenom läget och ta det vidare till ${whom}.`,
  },
  passOn: {
    prefix: "Sprid vidare till",
    everyoneInNetwork: "alla i HFS-nätverket",
    everyone: "alla som kan ha nytta av det",
    inPlaces: (places) => `i ${places}`,
    everywhere: "i alla regioner",
    healthcareRegion: (name) => `sjukvårdsregion ${name}`,
    inOrFollowing: (group) => `alla som deltar i eller följer ${group}`,
    nobody: "ingen – målgruppen når ingen som är registrerad i dag",
  },
  because: {
    prefix: "Du får detta eftersom",
    holdsRole: (role, place) => `du är ${role} i ${place}`,
    holdsGroupRole: (role, group, place) => `du är ${role} i temagruppen ${group} för ${place}`,
    participates: (group, place) => `du är med i temagruppen ${group} för ${place}`,
    chairs: (group) => `du är ordförande i temagruppen ${group}`,
    contactPersonFor: (group, place) => `du är kontaktperson för ${group} i ${place}`,
    holdsBodyRole: (body, place) => `du sitter i ${body} i ${place}`,
    followsGroup: (group) => `du följer temagruppen ${group}`,
    matchesTag: (tag) => `det handlar om ${tag}, som berör dig`,
    hasFunction: (fn) => `det riktar sig till dig som ${fn}`,
    inTargetedRegion: (place, scope) =>
      scope === "public" ? `det är öppet för alla i ${place}` : `du är med i HFS-nätverket i ${place}`,
    submittedProposal: (place) => `du skickade in förslaget för ${place}`,
    bridge: (via, group, place) =>
      `${place} saknar deltagare i ${group === undefined ? "temagruppen" : `temagruppen ${group}`} och du är regionens ${
        via === "contactPerson" ? "kontaktperson för gruppen" : "processledare"
      }`,
    bridgeAsk: "Du är regionens kanal in: sprid det vidare till dem i regionen som berörs.",
  },
  list: joinWith("och"),
  channel: { email: "e-post", slack: "Slack" },
  notSent: {
    optedOutOfAll: "Personen har valt att inte få några utskick.",
    optedOutOfThemeGroup: (group) => `Personen har valt bort utskick från temagruppen ${group}.`,
    noLongerFollows: (group) => `Personen följer inte längre temagruppen ${group}.`,
    channelRemoved: (channel) => `Personen har tagit bort ${channel} som kanal.`,
    addressSuppressed: "E-postadressen är spärrad (studsade, anmäldes som skräppost eller avregistrerades).",
    reachesYouElsewhere: (channel) => `Når personen via ${channel}.`,
    isAuthor: "Personen publicerade själv nyheten.",
    personGone: "Personen finns inte längre i nätverket.",
    updateGone: "Nyheten finns inte längre.",
    noChannelConfigured: (channel) => `${channel} är inte konfigurerat och ingen annan kanal är i gång.`,
    rerouted: (from, to) => `${from} är inte konfigurerat, så det skickas med ${to} i stället.`,
  },
  publishRefused: {
    mayNotPublish: "Du har ingen roll som får publicera.",
    notYourThemeGroup: (yours, group) =>
      group === undefined
        ? `Som gruppredaktör publicerar du nyheter från ${yours}; välj gruppen.`
        : `Som gruppredaktör publicerar du nyheter från ${yours}, inte från ${group}.`,
    audienceOutsideRegion: (yours, outside) =>
      `Som regionredaktör publicerar du bara till mottagare i ${yours}; mottagarna finns också i ${outside}.`,
    audienceNamesNoRegion: (yours) =>
      `Som regionredaktör publicerar du bara till mottagare i ${yours}; ange regionen som mottagare.`,
  },
  channelLinkRefused: (group, yours) =>
    `Bara nätverkskansliet och ordföranden i ${group} kan välja gruppens kanal i Slack.` +
    (yours === undefined ? " Be kansliet om hjälp." : ` Du kan välja kanal för ${yours}.`),
  channelGone: (group, channel) =>
    `Kanalen ${channel} för ${group} finns inte längre i Slack (borttagen eller arkiverad), så gruppens nyheter publiceras inte där. Nätverkskansliet har fått veta det. Välj en ny kanal: skriv \`/spridning kanal ${group}\` i den kanal som ska få nyheterna.`,
  chainBroken: {
    holdsNoRole: (role) =>
      `Personen har ingen roll i sin region, så det finns ingen att rapportera till (${role}).`,
    noRuleForRole: (role) => `Regionen har inte bestämt vem en ${role} rapporterar till.`,
    nobodyHoldsTargetRole: (role) => `Ingen i regionen har rollen som en ${role} ska rapportera till.`,
    cycle: (role) => `Regionens rapporteringsvägar går runt i en cirkel tillbaka till ${role}.`,
  },
  content: {
    when: "När",
    where: "Var",
    join: "Anslut",
    calendar: "Lägg in i kalendern (.ics)",
    deadline: "Sista dag för förslag",
    sendProposal: "Skicka in förslag",
    readMore: "Läs mer",
    whatToDo: "Att göra",
    openUpdate: "Öppna nyheten",
  },
  mergedGroup: (group, into) => `${group} har slagits ihop med ${into}; gruppens arbete fortsätter där.`,
  followFrequency: {
    immediate: "varje nyhet direkt",
    daily: "en sammanfattning per dag",
    weekly: "en sammanfattning per vecka",
  },
}

const en: Catalogue = {
  role: {
    participant: { one: "theme group participant", many: "theme group participants" },
    chair: { one: "chair", many: "chairs" },
    contactPerson: { one: "contact person", many: "contact persons" },
    processLeader: { one: "process leader", many: "process leaders" },
    presidiumMember: { one: "presidium member", many: "presidium members" },
    management: { one: "management", many: "management" },
    bodyMember: { one: "member of a regional body", many: "members of regional bodies" },
  },
  function: {
    clinician: { one: "clinician", many: "clinicians" },
    strategist: { one: "strategist", many: "strategists" },
    manager: { one: "manager", many: "managers" },
    publicHealthOfficer: { one: "public health officer", many: "public health officers" },
    coordinator: { one: "coordinator", many: "coordinators" },
    director: { one: "director", many: "directors" },
    researcher: { one: "researcher", many: "researchers" },
    other: { one: "staff member", many: "staff" },
  },
  sector: {
    care: "health care",
    publicHealth: "public health",
    regionalDevelopment: "regional development",
    municipality: "municipality",
    school: "school",
    other: "other",
  },
  memberKind: {
    region: "region",
    municipality: "municipality",
    hospital: "hospital",
    careProvider: "care provider",
  },
  regionalBodyKind: {
    referenceGroup: "reference group",
    council: "regional council",
    network: "regional network",
  },
  audienceTag: {
    "governance-and-leadership": "governance and leadership",
    "tools-for-staff": "tools for staff",
    clinicians: "clinicians",
    strategists: "strategists",
    "public-health": "public health work",
  },
  audienceTagPeople: {
    "governance-and-leadership": "management and managers",
    "tools-for-staff": "staff who meet patients and citizens",
    clinicians: "clinicians",
    strategists: "strategists and coordinators",
    "public-health": "public health officers",
  },
  audienceScope: { network: "for the network", public: "for everyone" },
  updateKind: {
    meetingNotes: "Meeting notes",
    workListItem: "Current work",
    digitalHour: "Digital hour",
    goodExample: "Good example",
    proposalRound: "Proposal round",
    proposalAnswer: "Answer to a proposal",
    actionPlan: "Action plan",
    briefing: "Briefing for management",
  },
  coverageStatus: {
    represented: "represented",
    bridged: "bridged by a contact person",
    uncovered: "no channel",
  },
  coverageSheet: {
    sheet: "Coverage",
    gapsSheet: "Role gaps",
    columns: ["Region", "Theme group", "Status", "People", "Receives instead", "Roles the region lacks"],
    gapColumns: ["Region", "Missing roles"],
    nobody: "nobody",
  },
  receiptKind: { read: "Read", passedOn: "Passed on", acted: "Acted on" },
  callToAction: {
    meetingNotes: "Read the notes and pass on what concerns your organisation.",
    workListItem: "See what the group is working on now and get in touch if you do something similar.",
    digitalHour: "Sign up and invite colleagues who will benefit from the topic.",
    goodExample: "Read the example and consider whether it could be tried where you work.",
    proposalRound: "Send in your region's proposals before the deadline, even if you are not in the group.",
    proposalAnswer: "Read the answer and report back to those behind the proposal.",
    actionPlan: "Read the action plan and anchor it with your management.",
    briefing: "Review the situation and decide what the region should do next.",
  },
  actionPrompt: {
    meetingNotes: (whom) => `Read the notes and pass them on to ${whom}.`,
    workListItem: (whom) => `See what the group is working on now and tell ${whom} about it.`,
    digitalHour: (whom) => `Sign up and invite ${whom}.`,
    goodExample: (whom) => `Read the example and show it to ${whom}.`,
    proposalRound: (whom) => `Gather proposals from ${whom} and send them in before the deadline.`,
    proposalAnswer: (whom) => `Read the answer and report back to ${whom}.`,
    actionPlan: (whom) => `Read the action plan and anchor it with ${whom}.`,
    briefing: (whom) => `Review the situation and take it on to ${whom}.`,
  },
  passOn: {
    prefix: "Pass on to",
    everyoneInNetwork: "everyone in the HFS network",
    everyone: "everyone who may benefit",
    inPlaces: (places) => `in ${places}`,
    everywhere: "in all regions",
    healthcareRegion: (name) => `the ${name} healthcare region`,
    inOrFollowing: (group) => `everyone in or following ${group}`,
    nobody: "nobody – the audience reaches no one registered today",
  },
  because: {
    prefix: "You are receiving this because",
    holdsRole: (role, place) => `you are ${role} in ${place}`,
    holdsGroupRole: (role, group, place) => `you are ${role} in the theme group ${group} for ${place}`,
    participates: (group, place) => `you take part in the theme group ${group} for ${place}`,
    chairs: (group) => `you chair the theme group ${group}`,
    contactPersonFor: (group, place) => `you are the contact person for ${group} in ${place}`,
    holdsBodyRole: (body, place) => `you sit on ${body} in ${place}`,
    followsGroup: (group) => `you follow the theme group ${group}`,
    matchesTag: (tag) => `it concerns ${tag}, which is relevant to you`,
    hasFunction: (fn) => `it is addressed to you as a ${fn}`,
    inTargetedRegion: (place, scope) =>
      scope === "public"
        ? `it is open to everyone in ${place}`
        : `you are part of the HFS network in ${place}`,
    submittedProposal: (place) => `you sent in the proposal for ${place}`,
    bridge: (via, group, place) =>
      `${place} has no participant in ${group === undefined ? "the theme group" : `the theme group ${group}`} and you are the region's ${
        via === "contactPerson" ? "contact person for the group" : "process leader"
      }`,
    bridgeAsk: "You are the region's channel in: please pass it on to those in the region it concerns.",
  },
  list: joinWith("and"),
  channel: { email: "email", slack: "Slack" },
  notSent: {
    optedOutOfAll: "The person chose to receive nothing.",
    optedOutOfThemeGroup: (group) => `The person opted out of the theme group ${group}.`,
    noLongerFollows: (group) => `The person no longer follows the theme group ${group}.`,
    channelRemoved: (channel) => `The person removed ${channel} as a channel.`,
    addressSuppressed: "The email address is suppressed (bounced, reported as spam or unsubscribed).",
    reachesYouElsewhere: (channel) => `Reaches the person by ${channel}.`,
    isAuthor: "The person published the update.",
    personGone: "The person is no longer in the network.",
    updateGone: "The update no longer exists.",
    noChannelConfigured: (channel) => `${channel} is not configured and no other channel is running.`,
    rerouted: (from, to) => `${from} is not configured, so it goes by ${to} instead.`,
  },
  publishRefused: {
    mayNotPublish: "You hold no role that may publish.",
    notYourThemeGroup: (yours, group) =>
      group === undefined
        ? `As a group editor you publish the updates of ${yours}; choose the group.`
        : `As a group editor you publish the updates of ${yours}, not of ${group}.`,
    audienceOutsideRegion: (yours, outside) =>
      `As a region editor you publish only to recipients in ${yours}; this audience also reaches ${outside}.`,
    audienceNamesNoRegion: (yours) =>
      `As a region editor you publish only to recipients in ${yours}; name the region in the audience.`,
  },
  channelLinkRefused: (group, yours) =>
    `Only the network office and the chair of ${group} can choose the group's Slack channel.` +
    (yours === undefined ? " Ask the office for help." : ` You can choose the channel of ${yours}.`),
  channelGone: (group, channel) =>
    `The channel ${channel} of ${group} is gone from Slack (deleted or archived), so the group's updates are not posted there. The network office has been told. Choose a new channel: type \`/spridning channel ${group}\` in the channel that should get the updates.`,
  chainBroken: {
    holdsNoRole: (role) =>
      `The person holds no role in their region, so there is nobody to report to (${role}).`,
    noRuleForRole: (role) => `The region has not decided whom a ${role} reports to.`,
    nobodyHoldsTargetRole: (role) => `Nobody in the region holds the role a ${role} reports to.`,
    cycle: (role) => `The region's reporting lines go round in a circle back to ${role}.`,
  },
  content: {
    when: "When",
    where: "Where",
    join: "Join",
    calendar: "Add to your calendar (.ics)",
    deadline: "Last day for proposals",
    sendProposal: "Send a proposal",
    readMore: "Read more",
    whatToDo: "What to do",
    openUpdate: "Open the update",
  },
  mergedGroup: (group, into) => `${group} has been merged into ${into}; its work goes on there.`,
  followFrequency: {
    immediate: "each update at once",
    daily: "one digest a day",
    weekly: "one digest a week",
  },
}

/** The message catalogue: Swedish by default, English by preference. */
export const messages: Readonly<Record<Language, Catalogue>> = { sv, en }

/** The catalogue for a language (Swedish when none is given). */
export const catalogue = (language: Language = "sv"): Catalogue => messages[language]
