/**
 * Headings of the demo program's terminal report. Domain words (roles, functions, sectors,
 * coverage statuses, reasons) come from the message catalogue in `messages/`.
 */
export const headings = {
  coverage: "Täckning: regioner × temagrupper",
  roleGaps: "Roller som saknas per region",
  missingFunctions: "Önskade funktioner som saknas i temagrupperna",
  missingSectors: "Sektorer som saknas i regionala organ",
  problems: "Problem i nätverket",
  plan: "Spridningsplan",
  deliveries: "Utskick",
  people: "personer",
  bridges: "Bryggor in i regioner utan deltagare",
  unreachable: "Regioner som inte kan nås",
  skipped: "Hoppas över",
  none: "Inga",
  region: "Region",
  lacks: "saknar",
  noWayIn: "Ej täckta och utan processledare att gå via",
} as const

export const problemTexts = {
  reportingCycle: "rapporteringsvägarna går i cirkel",
  nobodyToReportTo: {
    noRuleForRole: "har ingen regel för vem rollen rapporterar till",
    nobodyHoldsTargetRole: "har ingen att rapportera till (rollen saknas i regionen)",
  },
  danglingReference: "hänvisar till något som inte finns",
  incompleteRole: "saknar",
  unreachable: {
    noContactPersonOrProcessLeader: "ingen deltagare, kontaktperson eller processledare",
    bridgeOptedOut: "kontaktpersonen och processledaren har avböjt utskick",
  },
  skipped: {
    optedOutOfAll: "har avböjt alla utskick",
    optedOutOfThemeGroup: "har avböjt utskick från gruppen",
    noChannel: "har ingen kanal vald",
  },
  channel: { email: "e-post", slack: "Slack" },
} as const
