import type { Language } from "@spridning/core"

/**
 * The words of the office's pages for people, roles, follows, regional bodies, the roster, the
 * proposals inbox, tokens and the audit log. Both languages implement the whole interface, so a
 * gap does not compile. Kept beside `office-messages.ts` so that pages built in parallel do not
 * edit the same lines.
 */
export interface AdminMessages {
  readonly nav: {
    readonly people: string
    readonly proposals: string
    readonly tokens: string
    readonly audit: string
  }
  readonly refusedTitle: string
  readonly notFoundTitle: string
  readonly notFound: string
  readonly badRequestTitle: string
  readonly mayChangeRegionOnly: (who: string, region: string, yours: string) => string
  readonly mayChangeNothingHere: string
  readonly adminsOnly: string
  readonly saved: string
  readonly fixBelow: (count: number) => string
  /** Links beside the network's issues on the coverage page. */
  readonly issues: {
    readonly fixPerson: (name: string) => string
    readonly fixRegion: (region: string) => string
    readonly fixReporting: string
  }
  readonly people: {
    readonly title: string
    readonly intro: string
    readonly search: string
    readonly searchHint: string
    readonly region: string
    readonly allRegions: string
    readonly find: string
    readonly add: string
    readonly roster: string
    readonly regionalBodies: string
    readonly caption: string
    readonly name: string
    readonly email: string
    readonly function: string
    readonly roles: string
    readonly none: string
    readonly nothingFound: (query: string) => string
    readonly more: string
    readonly addTitle: string
    readonly orgUnit: string
    readonly noOrgUnit: string
    readonly language: string
    readonly firstRole: string
    readonly firstRoleHint: string
    readonly noRole: string
    readonly role: string
    readonly themeGroup: string
    readonly noThemeGroup: string
    readonly regionalBody: string
    readonly noRegionalBody: string
    readonly create: string
    readonly save: string
    readonly editTitle: (name: string) => string
    readonly details: string
    readonly rolesTitle: string
    readonly noRoles: string
    readonly removeRole: string
    readonly removeRoleLabel: (role: string) => string
    readonly addRole: string
    readonly followsTitle: string
    readonly noFollows: string
    readonly frequency: string
    readonly frequencyWord: (frequency: string) => string
    readonly follow: string
    readonly unfollow: string
    readonly unfollowLabel: (group: string) => string
    readonly removeTitle: (name: string) => string
    readonly removeIntro: string
    readonly removeButton: string
    readonly removeConfirm: string
    readonly cancel: string
    readonly removed: (name: string) => string
    readonly blockedByBridge: (name: string, groups: string) => string
    readonly readOnly: string
    readonly errors: {
      readonly name: string
      readonly email: string
      readonly emailTaken: string
      readonly function: string
      readonly region: string
      readonly orgUnit: string
      readonly role: string
      readonly themeGroupNeeded: string
      readonly regionalBodyNeeded: string
      readonly notInGroup: string
      readonly mergedGroup: string
      readonly themeGroup: string
    }
  }
  readonly bodies: {
    readonly title: string
    readonly intro: string
    readonly caption: string
    readonly name: string
    readonly kind: string
    readonly members: string
    readonly add: string
    readonly create: string
    readonly remove: string
    readonly removeLabel: (name: string) => string
    readonly blocked: (name: string, members: number) => string
    readonly none: string
    readonly nameError: string
  }
  readonly roster: {
    readonly title: string
    readonly intro: string
    readonly columns: string
    readonly file: string
    readonly fileHint: string
    readonly check: string
    readonly noFile: string
    readonly notCsv: string
    readonly problemsTitle: (count: number) => string
    readonly problemsIntro: string
    readonly caption: string
    readonly line: string
    readonly column: string
    readonly reason: string
    readonly wholeRow: string
    readonly readyTitle: string
    readonly ready: (people: number, roles: number) => string
    readonly confirm: string
    readonly imported: (people: number, roles: number) => string
  }
  readonly proposals: {
    readonly title: string
    readonly intro: string
    readonly none: string
    readonly roundTitle: (title: string, group: string) => string
    readonly deadline: (date: string) => string
    readonly noProposals: string
    readonly from: (region: string, date: string) => string
    readonly status: {
      readonly open: string
      readonly accepted: string
      readonly merged: string
      readonly declined: string
    }
    readonly answer: string
    readonly answerFor: (region: string) => string
    readonly answerLegend: string
    readonly reason: string
    readonly reasonHint: string
    readonly send: string
    readonly reasonNeeded: string
    readonly statusNeeded: string
    readonly answered: (region: string) => string
    readonly notYours: string
    readonly alreadyAnswered: string
  }
  readonly tokens: {
    readonly title: string
    readonly intro: string
    readonly caption: string
    readonly name: string
    readonly nameHint: string
    readonly role: string
    readonly roleWord: {
      readonly admin: string
      readonly "region-editor": string
      readonly "group-editor": string
      readonly reader: string
    }
    readonly scope: string
    readonly created: string
    readonly state: string
    readonly active: string
    readonly revokedAt: (date: string) => string
    readonly revoke: string
    readonly revokeLabel: (name: string) => string
    readonly none: string
    readonly createTitle: string
    readonly create: string
    readonly regionHint: string
    readonly themeGroupHint: string
    readonly shownOnceTitle: string
    readonly shownOnce: string
    readonly secretLabel: string
    readonly back: string
    readonly revoked: (name: string) => string
    readonly errors: {
      readonly name: string
      readonly role: string
      readonly regionNeeded: string
      readonly themeGroupNeeded: string
      readonly scopeNotAllowed: string
    }
  }
  readonly audit: {
    readonly title: string
    readonly intro: string
    readonly entity: string
    readonly anyEntity: string
    readonly entityId: string
    readonly actor: string
    readonly actorHint: string
    readonly from: string
    readonly to: string
    readonly filter: string
    readonly caption: string
    readonly at: string
    readonly action: string
    readonly change: string
    readonly none: string
    readonly older: string
    readonly newest: string
    readonly badDate: string
    readonly badCursor: string
  }
}

const sv: AdminMessages = {
  nav: { people: "Personer", proposals: "Förslag", tokens: "API-nycklar", audit: "Ändringslogg" },
  refusedTitle: "Det får du inte ändra",
  notFoundTitle: "Finns inte",
  notFound: "Det du letar efter finns inte, eller har tagits bort. Gå tillbaka och sök igen.",
  badRequestTitle: "Något i formuläret stämmer inte",
  mayChangeRegionOnly: (who, region, yours) =>
    `${who} hör till ${region}. Du kan ändra ${yours}. Be ${region}s processledare eller nätverkets kansli göra ändringen.`,
  mayChangeNothingHere:
    "Du har ingen roll som låter dig ändra här. Processledare och presidieledamöter ändrar sin region, ordförande sin temagrupp, kansliet allt.",
  adminsOnly: "Bara nätverkets kansli kan göra detta. Hör av dig till kansliet om något behöver ändras.",
  saved: "Ändringen är sparad.",
  fixBelow: (count) =>
    count === 1
      ? "En uppgift behöver rättas; se fältet nedan."
      : `${count} uppgifter behöver rättas; se fälten nedan.`,
  issues: {
    fixPerson: (name) => `Rätta ${name}`,
    fixRegion: (region) => `Utse någon i ${region}`,
    fixReporting: "Rapporteringsreglerna ändras i API:t (/v1/reporting-rules).",
  },
  people: {
    title: "Personer",
    intro:
      "Personerna i nätverket som du kan ändra: deras uppgifter, roller och vilka temagrupper de följer.",
    search: "Sök på namn eller e-post",
    searchHint: "En del av namnet eller adressen räcker.",
    region: "Region",
    allRegions: "Alla regioner",
    find: "Sök",
    add: "Lägg till en person",
    roster: "Läs in en personlista (CSV)",
    regionalBodies: "Regionala forum",
    caption: "Personer",
    name: "Namn",
    email: "E-postadress",
    function: "Funktion",
    roles: "Roller",
    none: "–",
    nothingFound: (query) => (query === "" ? "Inga personer att visa." : `Ingen person matchar ”${query}”.`),
    more: "Visa fler",
    addTitle: "Lägg till en person",
    orgUnit: "Verksamhet",
    noOrgUnit: "Ingen vald",
    language: "Språk i utskick",
    firstRole: "Roll",
    firstRoleHint:
      "Valfri. Temagruppsdeltagare, ordförande och kontaktperson hör till en temagrupp; ledamot till ett regionalt forum.",
    noRole: "Ingen roll nu",
    role: "Roll",
    themeGroup: "Temagrupp",
    noThemeGroup: "Ingen temagrupp",
    regionalBody: "Regionalt forum",
    noRegionalBody: "Inget forum",
    create: "Lägg till",
    save: "Spara",
    editTitle: (name) => name,
    details: "Uppgifter",
    rolesTitle: "Roller",
    noRoles: "Inga roller.",
    removeRole: "Ta bort",
    removeRoleLabel: (role) => `Ta bort rollen ${role}`,
    addRole: "Lägg till roll",
    followsTitle: "Följer temagrupper",
    noFollows: "Följer ingen temagrupp.",
    frequency: "Hur ofta",
    frequencyWord: (frequency) =>
      ({ immediate: "direkt", daily: "dagligen", weekly: "veckovis" })[frequency] ?? frequency,
    follow: "Följ",
    unfollow: "Sluta följa",
    unfollowLabel: (group) => `Sluta följa ${group}`,
    removeTitle: (name) => `Ta bort ${name}?`,
    removeIntro:
      "Personen tas bort ur nätverket med sina roller och följningar. Det som redan skickats räknas kvar, utan namn och adress. Ändringen loggas.",
    removeButton: "Ta bort personen",
    removeConfirm: "Ja, ta bort",
    cancel: "Avbryt",
    removed: (name) => `${name} är borttagen.`,
    blockedByBridge: (name, groups) =>
      `${name} är regionens enda länk till ${groups}. Utse någon annan först, eller ta bort rollen medvetet här nedan.`,
    readOnly:
      "Du kan se personen men inte ändra uppgifterna; de ändras av regionens processledare eller kansliet.",
    errors: {
      name: "Skriv personens namn.",
      email: "Skriv en e-postadress, till exempel namn@region.se.",
      emailTaken: "Någon annan i nätverket har redan den adressen. Ändra den personen i stället.",
      function: "Välj en funktion.",
      region: "Välj en region du kan ändra.",
      orgUnit: "Välj en verksamhet i personens region, eller ingen.",
      role: "Välj en roll i listan.",
      themeGroupNeeded: "Den rollen hör till en temagrupp: välj temagruppen.",
      regionalBodyNeeded: "Ledamot hör till ett regionalt forum: välj forumet.",
      notInGroup: "Den rollen hör inte till en temagrupp eller ett forum: lämna dem tomma.",
      mergedGroup: "Temagruppen är sammanslagen med en annan; välj den gruppen i stället.",
      themeGroup: "Välj en temagrupp du kan ändra.",
    },
  },
  bodies: {
    title: "Regionala forum",
    intro: "Referensgrupper, regionala råd och regionala nätverk: forum med bred representation i regionen.",
    caption: "Regionala forum",
    name: "Namn",
    kind: "Slag",
    members: "Ledamöter",
    add: "Lägg till ett forum",
    create: "Lägg till",
    remove: "Ta bort",
    removeLabel: (name) => `Ta bort ${name}`,
    blocked: (name, members) =>
      `${name} har ${members} ${members === 1 ? "ledamot" : "ledamöter"} kvar. Ta bort deras roller först.`,
    none: "Inga forum än.",
    nameError: "Skriv forumets namn.",
  },
  roster: {
    title: "Läs in en personlista",
    intro:
      "Ladda upp en CSV-fil (komma eller semikolon, som Excel sparar den). Filen kontrolleras först; inget sparas förrän du bekräftar.",
    columns: "Kolumner",
    file: "Fil",
    fileHint: "En rad per person och roll. Spara kalkylark som CSV (UTF-8).",
    check: "Kontrollera filen",
    noFile: "Välj en fil att läsa in.",
    notCsv: "Filen går inte att läsa som text. Spara den som CSV (UTF-8) och försök igen.",
    problemsTitle: (count) => (count === 1 ? "1 fel i filen" : `${count} fel i filen`),
    problemsIntro: "Inget har sparats. Rätta raderna nedan i filen och ladda upp den igen.",
    caption: "Fel per rad",
    line: "Rad",
    column: "Kolumn",
    reason: "Vad som är fel",
    wholeRow: "(hela raden)",
    readyTitle: "Filen ser bra ut",
    ready: (people, roles) =>
      `Filen innehåller ${people} ${people === 1 ? "person" : "personer"} och ${roles} ${roles === 1 ? "roll" : "roller"}. Inget är sparat än.`,
    confirm: "Spara i nätverket",
    imported: (people, roles) =>
      `Inläst: ${people} ${people === 1 ? "person" : "personer"} och ${roles} ${roles === 1 ? "roll" : "roller"}.`,
  },
  proposals: {
    title: "Förslag",
    intro:
      "Förslag som regionerna skickat till temagrupperna inför handlingsplanerna. Varje förslag får ett svar.",
    none: "Det finns inga förslagsomgångar i dina temagrupper.",
    roundTitle: (title, group) => `${title} (${group})`,
    deadline: (date) => `Sista dag: ${date}`,
    noProposals: "Inga förslag har kommit in.",
    from: (region, date) => `Från ${region}, ${date}`,
    status: { open: "Obesvarat", accepted: "Antaget", merged: "Sammanfört", declined: "Avböjt" },
    answer: "Svara",
    answerFor: (region) => `Svar till ${region}`,
    answerLegend: "Svar",
    reason: "Motivering",
    reasonHint: "Behövs när förslaget sammanförs eller avböjs; regionen får läsa den.",
    send: "Skicka svaret",
    reasonNeeded: "Skriv varför; regionen får läsa motiveringen.",
    statusNeeded: "Välj ett svar.",
    answered: (region) => `Svaret är sparat och skickas till ${region}.`,
    notYours:
      "Förslag besvaras av temagruppens ordförande eller nätverkets kansli. Du är inte ordförande i den här gruppen.",
    alreadyAnswered: "Förslaget är redan besvarat.",
  },
  tokens: {
    title: "API-nycklar",
    intro:
      "Nycklar som låter system och skript använda Spridnings API. En nyckel visas en gång när den skapas.",
    caption: "Nycklar",
    name: "Namn",
    nameHint: "Vem eller vad som använder nyckeln, till exempel ”Region Skånes intranät”.",
    role: "Behörighet",
    roleWord: {
      admin: "kansliet (allt)",
      "region-editor": "regionredaktör",
      "group-editor": "temagruppsredaktör",
      reader: "bara läsa",
    },
    scope: "Gäller",
    created: "Skapad",
    state: "Läge",
    active: "Aktiv",
    revokedAt: (date) => `Återkallad ${date}`,
    revoke: "Återkalla",
    revokeLabel: (name) => `Återkalla ${name}`,
    none: "Inga nycklar än.",
    createTitle: "Skapa en nyckel",
    create: "Skapa nyckel",
    regionHint: "Bara för regionredaktör.",
    themeGroupHint: "Bara för temagruppsredaktör.",
    shownOnceTitle: "Nyckeln är skapad",
    shownOnce:
      "Kopiera nyckeln nu och förvara den säkert. Den visas bara den här gången; tappar du bort den, återkalla den och skapa en ny.",
    secretLabel: "Nyckel",
    back: "Tillbaka till nycklarna",
    revoked: (name) => `${name} är återkallad; API:t tar inte längre emot den.`,
    errors: {
      name: "Skriv ett namn på nyckeln.",
      role: "Välj en behörighet.",
      regionNeeded: "En regionredaktör behöver en region.",
      themeGroupNeeded: "En temagruppsredaktör behöver en temagrupp.",
      scopeNotAllowed: "Region anges bara för regionredaktör, temagrupp bara för temagruppsredaktör.",
    },
  },
  audit: {
    title: "Ändringslogg",
    intro: "Varje ändring i nätverket: vem, när, vad, och posten före och efter. Nyast först.",
    entity: "Slag av post",
    anyEntity: "Alla slag",
    entityId: "Postens id",
    actor: "Vem",
    actorHint: "Till exempel office:person-0003 eller token:… som i tabellen.",
    from: "Från och med dag",
    to: "Till och med dag",
    filter: "Visa",
    caption: "Ändringar",
    at: "När",
    action: "Vad",
    change: "Före → efter",
    none: "Inga ändringar matchar.",
    older: "Äldre ändringar",
    newest: "Till de nyaste",
    badDate: "Skriv dagen som ÅÅÅÅ-MM-DD.",
    badCursor: "Länken till sidan gäller inte längre. Börja om från de nyaste.",
  },
}

const en: AdminMessages = {
  nav: { people: "People", proposals: "Proposals", tokens: "API tokens", audit: "Audit log" },
  refusedTitle: "You may not change this",
  notFoundTitle: "Not found",
  notFound: "What you are looking for does not exist, or has been removed. Go back and search again.",
  badRequestTitle: "Something in the form is wrong",
  mayChangeRegionOnly: (who, region, yours) =>
    `${who} belongs to ${region}. You may change ${yours}. Ask ${region}'s process leader or the network office to make the change.`,
  mayChangeNothingHere:
    "You hold no role that lets you change this. Process leaders and presidium members change their region, chairs their theme group, the office everything.",
  adminsOnly: "Only the network office can do this. Contact the office if something needs changing.",
  saved: "The change is saved.",
  fixBelow: (count) =>
    count === 1 ? "One field needs correcting; see below." : `${count} fields need correcting; see below.`,
  issues: {
    fixPerson: (name) => `Correct ${name}`,
    fixRegion: (region) => `Appoint someone in ${region}`,
    fixReporting: "Reporting rules are changed in the API (/v1/reporting-rules).",
  },
  people: {
    title: "People",
    intro: "The people in the network you may change: their details, roles and the theme groups they follow.",
    search: "Search by name or email",
    searchHint: "Part of the name or address is enough.",
    region: "Region",
    allRegions: "All regions",
    find: "Search",
    add: "Add a person",
    roster: "Upload a roster (CSV)",
    regionalBodies: "Regional bodies",
    caption: "People",
    name: "Name",
    email: "Email address",
    function: "Function",
    roles: "Roles",
    none: "–",
    nothingFound: (query) => (query === "" ? "No people to show." : `Nobody matches “${query}”.`),
    more: "Show more",
    addTitle: "Add a person",
    orgUnit: "Organisational unit",
    noOrgUnit: "None chosen",
    language: "Language of mailings",
    firstRole: "Role",
    firstRoleHint:
      "Optional. Participant, chair and contact person belong to a theme group; body member to a regional body.",
    noRole: "No role now",
    role: "Role",
    themeGroup: "Theme group",
    noThemeGroup: "No theme group",
    regionalBody: "Regional body",
    noRegionalBody: "No body",
    create: "Add",
    save: "Save",
    editTitle: (name) => name,
    details: "Details",
    rolesTitle: "Roles",
    noRoles: "No roles.",
    removeRole: "Remove",
    removeRoleLabel: (role) => `Remove the role ${role}`,
    addRole: "Add role",
    followsTitle: "Follows theme groups",
    noFollows: "Follows no theme group.",
    frequency: "How often",
    frequencyWord: (frequency) =>
      ({ immediate: "at once", daily: "daily", weekly: "weekly" })[frequency] ?? frequency,
    follow: "Follow",
    unfollow: "Stop following",
    unfollowLabel: (group) => `Stop following ${group}`,
    removeTitle: (name) => `Remove ${name}?`,
    removeIntro:
      "The person is removed from the network with their roles and follows. What was already sent stays counted, without name and address. The change is logged.",
    removeButton: "Remove the person",
    removeConfirm: "Yes, remove",
    cancel: "Cancel",
    removed: (name) => `${name} is removed.`,
    blockedByBridge: (name, groups) =>
      `${name} is the region's only link to ${groups}. Appoint someone else first, or remove the role on purpose below.`,
    readOnly:
      "You may see this person but not change their details; the region's process leader or the office does.",
    errors: {
      name: "Write the person's name.",
      email: "Write an email address, for example name@region.se.",
      emailTaken: "Someone else in the network already has that address. Change that person instead.",
      function: "Choose a function.",
      region: "Choose a region you may change.",
      orgUnit: "Choose a unit in the person's region, or none.",
      role: "Choose a role from the list.",
      themeGroupNeeded: "That role belongs to a theme group: choose the group.",
      regionalBodyNeeded: "A body member belongs to a regional body: choose the body.",
      notInGroup: "That role belongs to neither a theme group nor a body: leave them empty.",
      mergedGroup: "The theme group was merged into another; choose that group instead.",
      themeGroup: "Choose a theme group you may change.",
    },
  },
  bodies: {
    title: "Regional bodies",
    intro:
      "Reference groups, regional councils and regional networks: arenas with broad representation in the region.",
    caption: "Regional bodies",
    name: "Name",
    kind: "Kind",
    members: "Members",
    add: "Add a body",
    create: "Add",
    remove: "Remove",
    removeLabel: (name) => `Remove ${name}`,
    blocked: (name, members) =>
      `${name} still has ${members} ${members === 1 ? "member" : "members"}. Remove their roles first.`,
    none: "No bodies yet.",
    nameError: "Write the body's name.",
  },
  roster: {
    title: "Upload a roster",
    intro:
      "Upload a CSV file (comma or semicolon, as Excel saves it). The file is checked first; nothing is saved until you confirm.",
    columns: "Columns",
    file: "File",
    fileHint: "One row per person and role. Save spreadsheets as CSV (UTF-8).",
    check: "Check the file",
    noFile: "Choose a file to upload.",
    notCsv: "The file cannot be read as text. Save it as CSV (UTF-8) and try again.",
    problemsTitle: (count) => (count === 1 ? "1 problem in the file" : `${count} problems in the file`),
    problemsIntro: "Nothing was saved. Correct the rows below in the file and upload it again.",
    caption: "Problems by row",
    line: "Row",
    column: "Column",
    reason: "What is wrong",
    wholeRow: "(the whole row)",
    readyTitle: "The file looks right",
    ready: (people, roles) =>
      `The file holds ${people} ${people === 1 ? "person" : "people"} and ${roles} ${roles === 1 ? "role" : "roles"}. Nothing is saved yet.`,
    confirm: "Save to the network",
    imported: (people, roles) =>
      `Imported: ${people} ${people === 1 ? "person" : "people"} and ${roles} ${roles === 1 ? "role" : "roles"}.`,
  },
  proposals: {
    title: "Proposals",
    intro:
      "Proposals the regions sent to the theme groups before the action plans. Every proposal gets an answer.",
    none: "There are no proposal rounds in your theme groups.",
    roundTitle: (title, group) => `${title} (${group})`,
    deadline: (date) => `Deadline: ${date}`,
    noProposals: "No proposals have come in.",
    from: (region, date) => `From ${region}, ${date}`,
    status: { open: "Unanswered", accepted: "Accepted", merged: "Merged", declined: "Declined" },
    answer: "Answer",
    answerFor: (region) => `Answer to ${region}`,
    answerLegend: "Answer",
    reason: "Reason",
    reasonHint: "Needed when the proposal is merged or declined; the region will read it.",
    send: "Send the answer",
    reasonNeeded: "Write why; the region will read the reason.",
    statusNeeded: "Choose an answer.",
    answered: (region) => `The answer is saved and sent to ${region}.`,
    notYours:
      "Proposals are answered by the theme group's chair or the network office. You do not chair this group.",
    alreadyAnswered: "The proposal has already been answered.",
  },
  tokens: {
    title: "API tokens",
    intro: "Tokens let systems and scripts use Spridning's API. A token is shown once, when it is created.",
    caption: "Tokens",
    name: "Name",
    nameHint: "Who or what uses the token, for example “Region Skåne's intranet”.",
    role: "Rights",
    roleWord: {
      admin: "the office (everything)",
      "region-editor": "region editor",
      "group-editor": "theme-group editor",
      reader: "read only",
    },
    scope: "For",
    created: "Created",
    state: "State",
    active: "Active",
    revokedAt: (date) => `Revoked ${date}`,
    revoke: "Revoke",
    revokeLabel: (name) => `Revoke ${name}`,
    none: "No tokens yet.",
    createTitle: "Create a token",
    create: "Create token",
    regionHint: "Region editors only.",
    themeGroupHint: "Theme-group editors only.",
    shownOnceTitle: "The token is created",
    shownOnce:
      "Copy the token now and keep it safe. It is shown only this once; if you lose it, revoke it and create a new one.",
    secretLabel: "Token",
    back: "Back to the tokens",
    revoked: (name) => `${name} is revoked; the API no longer accepts it.`,
    errors: {
      name: "Write a name for the token.",
      role: "Choose the rights.",
      regionNeeded: "A region editor needs a region.",
      themeGroupNeeded: "A theme-group editor needs a theme group.",
      scopeNotAllowed: "A region is only for region editors, a theme group only for theme-group editors.",
    },
  },
  audit: {
    title: "Audit log",
    intro: "Every change in the network: who, when, what, and the record before and after. Newest first.",
    entity: "Kind of record",
    anyEntity: "All kinds",
    entityId: "Record id",
    actor: "Who",
    actorHint: "For example office:person-0003 or token:… as in the table.",
    from: "From day",
    to: "Up to and including day",
    filter: "Show",
    caption: "Changes",
    at: "When",
    action: "What",
    change: "Before → after",
    none: "No changes match.",
    older: "Older changes",
    newest: "Back to the newest",
    badDate: "Write the day as YYYY-MM-DD.",
    badCursor: "The link to that page no longer works. Start again from the newest.",
  },
}

export const adminMessages: Readonly<Record<Language, AdminMessages>> = { sv, en }
