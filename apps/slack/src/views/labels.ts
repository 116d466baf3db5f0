import {
  type Bridge,
  catalogue,
  type InclusionReason,
  type Language,
  type Network,
  type ReceiptKind,
  type Role,
  type ThemeGroup,
  whyYouGetThis,
} from "@spridning/core"

/** Names of domain things in people's language, from core's one message catalogue. */
export const roleLabel = (language: Language, role: Role): string => catalogue(language).role[role].one

export const receiptLabel = (language: Language, kind: ReceiptKind): string =>
  catalogue(language).receiptKind[kind]

export const coverageStatusLabel = (
  language: Language,
  status: "represented" | "bridged" | "uncovered",
): string => catalogue(language).coverageStatus[status]

/** "Du får detta eftersom du är processledare i Region Skåne." */
export const whyLine = (
  language: Language,
  network: Network,
  reasons: ReadonlyArray<InclusionReason>,
  bridge?: { readonly bridge: Bridge; readonly themeGroup: ThemeGroup | undefined },
): string => whyYouGetThis(network, reasons, language, bridge)
