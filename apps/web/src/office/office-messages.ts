import type { DeliveryState, Language } from "@spridning/core"

/** The office's words; both languages implement the whole interface, so a gap does not compile. */
export interface OfficeMessages {
  readonly workspace: string
  readonly failedTitle: string
  readonly failed: string
  readonly nav: {
    readonly label: string
    readonly home: string
    readonly coverage: string
    readonly updates: string
    readonly signOut: string
  }
  readonly signIn: {
    readonly title: string
    readonly intro: string
    readonly email: string
    readonly emailHint: string
    readonly send: string
    readonly sentTitle: string
    readonly sent: (email: string) => string
    readonly missingEmail: string
    readonly confirmTitle: string
    readonly confirm: string
    readonly confirmButton: string
    readonly refusedTitle: string
    readonly refused: string
    readonly again: string
    readonly mailSubject: string
    readonly mailText: (name: string, link: string) => string
    readonly mailFailed: string
    readonly forbiddenTitle: string
    readonly forbidden: string
  }
  readonly updates: {
    readonly listTitle: string
    readonly listIntro: string
    readonly none: string
    readonly back: string
    readonly planTitle: string
    readonly noPlan: string
    readonly planSummary: (deliveries: number, unreachable: number) => string
    readonly unreachable: (regions: string) => string
    readonly statesTitle: string
    readonly statesCaption: string
    readonly region: string
    readonly total: string
    readonly state: { readonly [S in DeliveryState]: string }
    readonly funnelTitle: string
    readonly nothingDelivered: string
    readonly funnelChartTitle: string
    readonly funnelCaption: string
    readonly delivered: string
    readonly read: string
    readonly passedOn: string
    readonly acted: string
    readonly deliveriesTitle: string
    readonly deliveriesCaption: string
    readonly person: string
    readonly channel: string
    readonly stateColumn: string
    readonly lastError: string
    readonly email: string
    readonly retry: string
    readonly retryFor: (name: string) => string
    readonly notAllowedTitle: string
    readonly notAllowed: string
    readonly retryRefused: string
    readonly updatesLink: string
  }
  readonly home: {
    readonly title: string
    readonly signedInAs: (name: string) => string
    readonly youMay: string
    readonly admin: string
    readonly regionEditor: (region: string) => string
    readonly groupEditor: (group: string) => string
    readonly nothingTitle: string
    readonly nothing: string
    readonly nothingWhatToDo: string
    readonly coverageLink: string
    readonly publicPages: string
  }
  readonly coverage: {
    readonly title: string
    readonly intro: string
    readonly matrixCaption: string
    readonly region: string
    readonly legend: string
    readonly people: string
    readonly nobody: string
    readonly andMore: (count: number) => string
    readonly fallback: (name: string) => string
    readonly noFallback: string
    readonly tileMapTitle: string
    readonly tileMapDescription: string
    readonly tileTableCaption: string
    readonly groupsTakenPartIn: string
    readonly share: string
    readonly tileLabel: (region: string, share: string) => string
    readonly roleGaps: string
    readonly noRoleGaps: string
    readonly missingFunctions: string
    readonly noMissingFunctions: string
    readonly missingSectors: string
    readonly noMissingSectors: string
    readonly lacks: (what: string) => string
    /** For a network too large for one table: one summary row per healthcare region, a page for each. */
    readonly summaryNotice: (regions: number, groups: number) => string
    readonly summaryCaption: string
    readonly healthcareRegion: string
    readonly regionCount: (count: number) => string
    readonly summaryCell: (
      healthcareRegion: string,
      group: string,
      represented: number,
      bridged: number,
      uncovered: number,
    ) => string
    readonly perHealthcareRegion: string
    readonly perHealthcareRegionCaption: string
    readonly regionsColumn: string
    readonly roleGapsColumn: string
    readonly sectorsColumn: string
    readonly issuesColumn: string
    readonly open: (healthcareRegion: string) => string
    readonly healthcareRegionTitle: (healthcareRegion: string) => string
    readonly healthcareRegionIntro: string
    readonly backToNetwork: string
    readonly networkWideIssues: string
    readonly unknownHealthcareRegion: string
  }
  readonly issues: {
    readonly title: string
    readonly none: string
    readonly reportingCycle: (region: string, roles: string) => string
    readonly nobodyToReportTo: (person: string, role: string, region: string) => string
    readonly missingRole: (region: string, role: string) => string
    readonly danglingReference: (entity: string, id: string, field: string, missing: string) => string
    readonly incompleteRole: (person: string, role: string) => string
  }
}

const sv: OfficeMessages = {
  workspace: "Kansliet",
  failedTitle: "Något gick fel",
  failed:
    "Sidan kunde inte visas just nu. Försök igen om en stund; händer det igen, hör av dig till kansliet.",
  nav: {
    label: "Kansliets meny",
    home: "Översikt",
    coverage: "Täckning",
    updates: "Uppdateringar",
    signOut: "Logga ut",
  },
  signIn: {
    title: "Logga in",
    intro:
      "Kansliets arbetsyta är för nätverkets kansli, processledare, presidieledamöter och temagruppernas ordförande. Skriv din e-postadress så skickar vi en inloggningslänk.",
    email: "E-postadress",
    emailHint: "Den adress nätverket har till dig.",
    send: "Skicka inloggningslänk",
    sentTitle: "Titta i din e-post",
    sent: (email) =>
      `Om ${email} hör till någon i nätverket har vi skickat en inloggningslänk dit. Länken fungerar en gång i 15 minuter.`,
    missingEmail: "Skriv din e-postadress.",
    confirmTitle: "Logga in i kansliets arbetsyta",
    confirm: "Tryck på knappen för att logga in. Länken fungerar bara en gång.",
    confirmButton: "Logga in",
    refusedTitle: "Länken fungerar inte",
    refused:
      "Inloggningslänken är redan använd, för gammal (den gäller i 15 minuter) eller okänd. Be om en ny länk.",
    again: "Be om en ny inloggningslänk",
    mailSubject: "Din inloggningslänk till kansliets arbetsyta",
    mailText: (name, link) =>
      `Hej ${name}!\n\nNågon (förhoppningsvis du) bad om att logga in i Spridnings arbetsyta för kansliet. Öppna länken för att logga in:\n\n${link}\n\nLänken fungerar en gång i 15 minuter. Bad du inte om den kan du strunta i det här brevet.`,
    mailFailed: "Inloggningslänken kunde inte skickas just nu. Försök igen om en stund.",
    forbiddenTitle: "Formuläret kunde inte tas emot",
    forbidden:
      "Formuläret saknade sin säkerhetskod eller kom från en annan sida. Ladda om sidan och försök igen.",
  },
  updates: {
    listTitle: "Uppdateringar",
    listIntro: "Publicerade uppdateringar du får följa: deras plan, leveranser och räckvidd.",
    none: "Det finns inga publicerade uppdateringar du får följa.",
    back: "Alla uppdateringar",
    planTitle: "Sparad plan",
    noPlan: "Uppdateringen har ingen sparad plan (den publicerades innan planer sparades).",
    planSummary: (deliveries, unreachable) =>
      `Planen har ${deliveries} leveranser; ${unreachable === 0 ? "alla berörda regioner nås" : `${unreachable} regioner nås inte`}.`,
    unreachable: (regions) => `Nås inte: ${regions}.`,
    statesTitle: "Leveransernas läge per region",
    statesCaption: "Antal leveranser i varje läge, per region",
    region: "Region",
    total: "Totalt",
    state: {
      pending: "väntar",
      held: "hålls (sammandrag)",
      sending: "skickas",
      uncertain: "osäker",
      sent: "skickad",
      failed: "misslyckad, försöker igen",
      dead: "gav upp",
      suppressed: "spärrad adress",
      rerouted: "via annan kanal",
    },
    funnelTitle: "Räckvidd per region",
    nothingDelivered: "Ingen leverans har nått fram än; räckvidden visas när de första är skickade.",
    funnelChartTitle:
      "Levererade, lästa, spridda vidare och åtgärdade per region (samma siffror som tabellen)",
    funnelCaption: "Räckvidd per region",
    delivered: "Levererade",
    read: "Lästa",
    passedOn: "Spridda vidare",
    acted: "Åtgärdade",
    deliveriesTitle: "Leveranser",
    deliveriesCaption: "Varje leverans med mottagare, kanal, läge och senaste fel",
    person: "Mottagare",
    channel: "Kanal",
    stateColumn: "Läge",
    lastError: "Senaste fel",
    email: "e-post",
    retry: "Skicka igen",
    retryFor: (name) => `Skicka igen till ${name}`,
    notAllowedTitle: "Du får inte se den här uppdateringen",
    notAllowed:
      "Bara kansliet och de redaktörer som får publicera uppdateringen (gruppens ordförande, eller regionens redaktör när den bara når regionen) följer dess leveranser.",
    retryRefused: "Bara kansliet får skicka en leverans igen.",
    updatesLink: "Uppdateringar: plan, leveranser och räckvidd",
  },
  home: {
    title: "Översikt",
    signedInAs: (name) => `Inloggad som ${name}.`,
    youMay: "Det här får du göra:",
    admin: "allt, som nätverkets kansli",
    regionEditor: (region) => `publicera till och följa utskick i ${region}`,
    groupEditor: (group) => `publicera och följa utskick för temagruppen ${group}`,
    nothingTitle: "Du har inga uppgifter här",
    nothing:
      "Arbetsytan är för nätverkets kansli, processledare, presidieledamöter och temagruppernas ordförande. Du har ingen av de rollerna i nätverket just nu, så det finns inget här du kan göra.",
    nothingWhatToDo:
      "Tror du att det är fel? Be din processledare eller kansliet att lägga in din roll. Nätverkets offentliga sidor kan du alltid läsa.",
    coverageLink: "Täckning: vilka regioner som är med i vilka temagrupper",
    publicPages: "Till nätverkets offentliga sidor",
  },
  coverage: {
    title: "Täckning",
    intro:
      "Vilka regioner som är med i vilka temagrupper, och hur utskick når de regioner som inte är med. Öppna en ruta för att se personerna bakom den.",
    matrixCaption: "Regioner per sjukvårdsregion × temagrupper",
    region: "Region",
    legend: "Teckenförklaring",
    people: "Personer",
    nobody: "Ingen i gruppen eller som kontaktperson.",
    andMore: (count) => `och ${count} till`,
    fallback: (name) => `Reserv: processledaren ${name} får gruppens utskick.`,
    noFallback: "Ingen reserv: regionen saknar processledare och nås inte.",
    tileMapTitle: "Regionernas deltagande",
    tileMapDescription: "Andel av de aktiva temagrupperna där regionen har en deltagare.",
    tileTableCaption: "Deltagande per region",
    groupsTakenPartIn: "Temagrupper med deltagare",
    share: "Andel",
    tileLabel: (region, share) => `${region}: ${share}`,
    roleGaps: "Roller som saknas",
    noRoleGaps: "Alla regioner har processledare, presidieledamot och ledningskontakt.",
    missingFunctions: "Funktioner som temagrupperna söker",
    noMissingFunctions: "Alla efterfrågade funktioner finns i grupperna.",
    missingSectors: "Sektorer som saknas i regionala arenor",
    noMissingSectors: "Alla regionala arenor har bred representation.",
    lacks: (what) => `saknar ${what}`,
    summaryNotice: (regions, groups) =>
      `Nätverket har ${regions} medlemmar och ${groups} aktiva temagrupper, för många för en tabell. Här räknas regionerna per sjukvårdsregion och temagrupp; öppna en sjukvårdsregion för att se dess regioner och personerna bakom varje ruta.`,
    summaryCaption: "Antal regioner per sjukvårdsregion × temagrupper",
    healthcareRegion: "Sjukvårdsregion",
    regionCount: (count) => (count === 1 ? "1 region" : `${count} regioner`),
    summaryCell: (healthcareRegion, group, represented, bridged, uncovered) =>
      `${healthcareRegion}, ${group}: ${represented} representerade, ${bridged} med brygga via kontaktperson, ${uncovered} utan kanal`,
    perHealthcareRegion: "Per sjukvårdsregion",
    perHealthcareRegionCaption: "Luckor och problem per sjukvårdsregion",
    regionsColumn: "Regioner",
    roleGapsColumn: "Regioner som saknar roller",
    sectorsColumn: "Arenor som saknar sektorer",
    issuesColumn: "Problem",
    open: (healthcareRegion) => `Öppna ${healthcareRegion}`,
    healthcareRegionTitle: (healthcareRegion) => `Täckning: ${healthcareRegion}`,
    healthcareRegionIntro:
      "Regionerna i sjukvårdsregionen × temagrupperna, med luckorna och problemen i just dessa regioner. Öppna en ruta för att se personerna bakom den.",
    backToNetwork: "Tillbaka till hela nätverket",
    networkWideIssues: "Problem som inte hör till någon region",
    unknownHealthcareRegion: "Det finns ingen sjukvårdsregion med den adressen. Välj en från täckningssidan.",
  },
  issues: {
    title: "Nätverkets problem",
    none: "Inga problem hittades.",
    reportingCycle: (region, roles) => `${region}: rapporteringen går i cirkel (${roles}).`,
    nobodyToReportTo: (person, role, region) =>
      `${person} (${role}, ${region}) har ingen att rapportera till.`,
    missingRole: (region, role) => `${region} saknar ${role}.`,
    danglingReference: (entity, id, field, missing) =>
      `${entity} ${id}: ${field} pekar på ${missing}, som inte finns.`,
    incompleteRole: (person, role) => `${person}: rollen ${role} saknar temagrupp eller arena.`,
  },
}

const en: OfficeMessages = {
  workspace: "Network office",
  failedTitle: "Something went wrong",
  failed: "The page could not be shown just now. Try again in a while; if it happens again, tell the office.",
  nav: {
    label: "Office menu",
    home: "Overview",
    coverage: "Coverage",
    updates: "Updates",
    signOut: "Sign out",
  },
  signIn: {
    title: "Sign in",
    intro:
      "The office workspace is for the network office, process leaders, presidium members and theme group chairs. Enter your email address and we will send you a sign-in link.",
    email: "Email address",
    emailHint: "The address the network has for you.",
    send: "Send sign-in link",
    sentTitle: "Check your email",
    sent: (email) =>
      `If ${email} belongs to someone in the network, we have sent a sign-in link there. It works once, for 15 minutes.`,
    missingEmail: "Enter your email address.",
    confirmTitle: "Sign in to the office workspace",
    confirm: "Press the button to sign in. The link works only once.",
    confirmButton: "Sign in",
    refusedTitle: "The link does not work",
    refused:
      "The sign-in link has been used, is too old (it lasts 15 minutes) or is unknown. Ask for a new one.",
    again: "Ask for a new sign-in link",
    mailSubject: "Your sign-in link to the office workspace",
    mailText: (name, link) =>
      `Hello ${name},\n\nSomeone (hopefully you) asked to sign in to Spridning's office workspace. Open this link to sign in:\n\n${link}\n\nThe link works once, for 15 minutes. If you did not ask for it, ignore this mail.`,
    mailFailed: "The sign-in link could not be sent just now. Try again in a while.",
    forbiddenTitle: "The form could not be accepted",
    forbidden: "The form lacked its security code or came from another page. Reload the page and try again.",
  },
  updates: {
    listTitle: "Updates",
    listIntro: "Published updates you may follow: their plan, deliveries and reach.",
    none: "There are no published updates you may follow.",
    back: "All updates",
    planTitle: "Stored plan",
    noPlan: "The update has no stored plan (it was published before plans were stored).",
    planSummary: (deliveries, unreachable) =>
      `The plan has ${deliveries} deliveries; ${unreachable === 0 ? "every region concerned is reached" : `${unreachable} regions are not reached`}.`,
    unreachable: (regions) => `Not reached: ${regions}.`,
    statesTitle: "Delivery states per region",
    statesCaption: "Deliveries in each state, per region",
    region: "Region",
    total: "Total",
    state: {
      pending: "pending",
      held: "held (digest)",
      sending: "sending",
      uncertain: "uncertain",
      sent: "sent",
      failed: "failed, retrying",
      dead: "gave up",
      suppressed: "suppressed address",
      rerouted: "on another channel",
    },
    funnelTitle: "Reach per region",
    nothingDelivered: "No delivery has arrived yet; the reach shows once the first ones are sent.",
    funnelChartTitle: "Delivered, read, passed on and acted on per region (the same figures as the table)",
    funnelCaption: "Reach per region",
    delivered: "Delivered",
    read: "Read",
    passedOn: "Passed on",
    acted: "Acted on",
    deliveriesTitle: "Deliveries",
    deliveriesCaption: "Every delivery with recipient, channel, state and last error",
    person: "Recipient",
    channel: "Channel",
    stateColumn: "State",
    lastError: "Last error",
    email: "email",
    retry: "Send again",
    retryFor: (name) => `Send again to ${name}`,
    notAllowedTitle: "You may not see this update",
    notAllowed:
      "Only the office and the editors who may publish the update (its group's chair, or the region's editor when it reaches only that region) follow its deliveries.",
    retryRefused: "Only the network office may send a delivery again.",
    updatesLink: "Updates: plan, deliveries and reach",
  },
  home: {
    title: "Overview",
    signedInAs: (name) => `Signed in as ${name}.`,
    youMay: "What you may do:",
    admin: "everything, as the network office",
    regionEditor: (region) => `publish to and follow mailings in ${region}`,
    groupEditor: (group) => `publish and follow mailings for the theme group ${group}`,
    nothingTitle: "You have no tasks here",
    nothing:
      "The workspace is for the network office, process leaders, presidium members and theme group chairs. You hold none of these roles in the network just now, so there is nothing here for you to do.",
    nothingWhatToDo:
      "Think this is wrong? Ask your process leader or the office to add your role. The network's public pages are always open to you.",
    coverageLink: "Coverage: which regions take part in which theme groups",
    publicPages: "To the network's public pages",
  },
  coverage: {
    title: "Coverage",
    intro:
      "Which regions take part in which theme groups, and how mailings reach the regions that do not. Open a cell to see the people behind it.",
    matrixCaption: "Regions by healthcare region × theme groups",
    region: "Region",
    legend: "Legend",
    people: "People",
    nobody: "Nobody in the group or as its contact person.",
    andMore: (count) => `and ${count} more`,
    fallback: (name) => `Fallback: the process leader ${name} gets the group's mailings.`,
    noFallback: "No fallback: the region has no process leader and is not reached.",
    tileMapTitle: "How the regions take part",
    tileMapDescription: "Share of the active theme groups in which the region has a participant.",
    tileTableCaption: "Participation per region",
    groupsTakenPartIn: "Theme groups with a participant",
    share: "Share",
    tileLabel: (region, share) => `${region}: ${share}`,
    roleGaps: "Missing roles",
    noRoleGaps: "Every region has a process leader, a presidium member and a management contact.",
    missingFunctions: "Functions the theme groups are looking for",
    noMissingFunctions: "Every wanted function is in the groups.",
    missingSectors: "Sectors missing from regional arenas",
    noMissingSectors: "Every regional arena has broad representation.",
    lacks: (what) => `lacks ${what}`,
    summaryNotice: (regions, groups) =>
      `The network has ${regions} members and ${groups} active theme groups, too many for one table. Here the regions are counted per healthcare region and theme group; open a healthcare region to see its regions and the people behind each cell.`,
    summaryCaption: "Number of regions per healthcare region × theme groups",
    healthcareRegion: "Healthcare region",
    regionCount: (count) => (count === 1 ? "1 region" : `${count} regions`),
    summaryCell: (healthcareRegion, group, represented, bridged, uncovered) =>
      `${healthcareRegion}, ${group}: ${represented} represented, ${bridged} bridged by a contact person, ${uncovered} with no channel`,
    perHealthcareRegion: "Per healthcare region",
    perHealthcareRegionCaption: "Gaps and issues per healthcare region",
    regionsColumn: "Regions",
    roleGapsColumn: "Regions missing roles",
    sectorsColumn: "Arenas missing sectors",
    issuesColumn: "Issues",
    open: (healthcareRegion) => `Open ${healthcareRegion}`,
    healthcareRegionTitle: (healthcareRegion) => `Coverage: ${healthcareRegion}`,
    healthcareRegionIntro:
      "The healthcare region's regions × the theme groups, with the gaps and issues of these regions. Open a cell to see the people behind it.",
    backToNetwork: "Back to the whole network",
    networkWideIssues: "Issues that belong to no region",
    unknownHealthcareRegion:
      "There is no healthcare region at that address. Choose one on the coverage page.",
  },
  issues: {
    title: "Network issues",
    none: "No issues found.",
    reportingCycle: (region, roles) => `${region}: reporting goes round in a circle (${roles}).`,
    nobodyToReportTo: (person, role, region) => `${person} (${role}, ${region}) has nobody to report to.`,
    missingRole: (region, role) => `${region} has no ${role}.`,
    danglingReference: (entity, id, field, missing) =>
      `${entity} ${id}: ${field} points at ${missing}, which does not exist.`,
    incompleteRole: (person, role) => `${person}: the ${role} role names no theme group or arena.`,
  },
}

export const officeMessages: Readonly<Record<Language, OfficeMessages>> = { sv, en }
