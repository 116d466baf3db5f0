import type { Language } from "@spridning/core"

/** The office's words; both languages implement the whole interface, so a gap does not compile. */
export interface OfficeMessages {
  readonly workspace: string
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
