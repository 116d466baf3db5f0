import type { InclusionReason, Language, Network, ReceiptKind, Role } from "@spridning/core"
import { indexNetwork } from "@spridning/core"

/**
 * Names of domain things in people's language. These belong to core's message catalogue;
 * this module is the one place the Slack app reads them from.
 */
const roleLabels: Record<Language, Record<Role, string>> = {
  sv: {
    participant: "temagruppsdeltagare",
    chair: "ordförande",
    contactPerson: "kontaktperson",
    processLeader: "processledare",
    presidiumMember: "presidieledamot",
    management: "ledning",
    bodyMember: "ledamot i regionalt forum",
  },
  en: {
    participant: "theme group participant",
    chair: "chair",
    contactPerson: "contact person",
    processLeader: "process leader",
    presidiumMember: "presidium member",
    management: "management",
    bodyMember: "member of a regional body",
  },
}

export const roleLabel = (language: Language, role: Role): string => roleLabels[language][role]

const receiptLabels: Record<Language, Record<ReceiptKind, string>> = {
  sv: { read: "Läst", passedOn: "Delat vidare", acted: "Omsatt i handling" },
  en: { read: "Read", passedOn: "Passed on", acted: "Put into action" },
}

export const receiptLabel = (language: Language, kind: ReceiptKind): string => receiptLabels[language][kind]

export const coverageStatusLabel = (
  language: Language,
  status: "represented" | "bridged" | "uncovered",
): string =>
  language === "sv"
    ? { represented: "med", bridged: "via kontaktperson", uncovered: "saknas" }[status]
    : { represented: "in the group", bridged: "through a contact person", uncovered: "missing" }[status]

/** "Du får detta eftersom du är processledare i Region Skåne." */
export const reasonLine = (language: Language, network: Network, reason: InclusionReason): string => {
  const index = indexNetwork(network)
  const regionName = (id: string) => index.regionById.get(id as never)?.name ?? id
  const groupName = (id: string) => index.themeGroupById.get(id as never)?.name ?? id
  switch (reason._tag) {
    case "HoldsRole": {
      const where = reason.themeGroupId === undefined ? "" : ` (${groupName(reason.themeGroupId)})`
      return language === "sv"
        ? `du är ${roleLabel("sv", reason.role)} i ${regionName(reason.regionId)}${where}`
        : `you are ${roleLabel("en", reason.role)} in ${regionName(reason.regionId)}${where}`
    }
    case "FollowsThemeGroup":
      return language === "sv"
        ? `du följer ${groupName(reason.themeGroupId)}`
        : `you follow ${groupName(reason.themeGroupId)}`
    case "MatchesTag":
      return language === "sv" ? `det riktar sig till ${reason.tag}` : `it is meant for ${reason.tag}`
    case "HasFunction":
      return language === "sv" ? `din funktion är ${reason.function}` : `your function is ${reason.function}`
    case "InTargetedRegion":
      return language === "sv"
        ? `det gäller alla i ${regionName(reason.regionId)}`
        : `it is for everyone in ${regionName(reason.regionId)}`
  }
}
