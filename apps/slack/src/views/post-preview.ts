import type { KnownBlock } from "@slack/types"
import type { Language } from "@spridning/core"
import { divider, section } from "./blocks.js"

/** What the post modal shows under its fields: core's plan for what is filled in so far. */
export interface PostPreview {
  readonly people: number
  /** Region names with how many people there, in the network's order. */
  readonly byRegion: ReadonlyArray<{ readonly region: string; readonly people: number }>
  /** Regions without anyone in the group, reached through one person each. */
  readonly bridges: ReadonlyArray<{
    readonly region: string
    readonly person: string
    readonly via: "contactPerson" | "processLeader"
  }>
  readonly unreachable: ReadonlyArray<{
    readonly region: string
    readonly reason: "noContactPersonOrProcessLeader" | "bridgeOptedOut"
  }>
  readonly passOnLine: string
}

export const postPreviewBlockId = "preview"

const sv = {
  title: "*Så här går det ut*",
  people: (people: number, regions: number) =>
    people === 0
      ? "Går ut till *ingen* med det som är ifyllt nu."
      : `Går ut till *${people} ${people === 1 ? "person" : "personer"}* i ${regions} ${regions === 1 ? "region" : "regioner"} (du själv räknas inte).`,
  byRegion: (lines: string) => `Per region: ${lines}`,
  bridgesTitle: "Kanal in där ingen sitter med i gruppen:",
  bridge: (region: string, person: string, via: "contactPerson" | "processLeader") =>
    via === "contactPerson"
      ? `${region}: kontaktpersonen ${person}`
      : `${region}: processledaren ${person} (ingen kontaktperson för gruppen)`,
  unreachableTitle: "Nås inte:",
  unreachable: (region: string, reason: "noContactPersonOrProcessLeader" | "bridgeOptedOut") =>
    reason === "bridgeOptedOut"
      ? `${region}: kontaktpersonen har tackat nej till gruppens utskick och regionen har ingen annan väg in`
      : `${region}: ingen deltagare, ingen kontaktperson och ingen processledare`,
  unreachableFallback:
    "Vill du nå dem ändå: skicka det själv till regionen, eller be nätverkskansliet utse en kontaktperson för gruppen där.",
  refused: (why: string) => `Så här kan det inte publiceras: ${why}`,
  pageLink: "Uppdateringens sida",
}

type PreviewTexts = { readonly [K in keyof typeof sv]: (typeof sv)[K] }

const en: PreviewTexts = {
  title: "*What will happen*",
  people: (people, regions) =>
    people === 0
      ? "Goes out to *nobody* with what is filled in now."
      : `Goes out to *${people} ${people === 1 ? "person" : "people"}* in ${regions} ${regions === 1 ? "region" : "regions"} (not counting you).`,
  byRegion: (lines) => `By region: ${lines}`,
  bridgesTitle: "The way in where nobody is in the group:",
  bridge: (region, person, via) =>
    via === "contactPerson"
      ? `${region}: the contact person ${person}`
      : `${region}: the process leader ${person} (no contact person for the group)`,
  unreachableTitle: "Not reached:",
  unreachable: (region, reason) =>
    reason === "bridgeOptedOut"
      ? `${region}: the contact person declined the group's mailings and the region has no other way in`
      : `${region}: no participant, no contact person and no process leader`,
  unreachableFallback:
    "To reach them anyway: send it to the region yourself, or ask the network office to name a contact person for the group there.",
  refused: (why) => `This cannot be published like this: ${why}`,
  pageLink: "The update's page",
}

export const previewTextsFor = (language: Language): PreviewTexts => (language === "en" ? en : sv)

/** The preview as lines of mrkdwn: the modal shows them, and the confirmation repeats them. */
export const previewLines = (language: Language, preview: PostPreview): ReadonlyArray<string> => {
  const texts = previewTextsFor(language)
  return [
    texts.people(preview.people, preview.byRegion.length),
    ...(preview.byRegion.length === 0
      ? []
      : [texts.byRegion(preview.byRegion.map((entry) => `${entry.region} ${entry.people}`).join(" · "))]),
    ...(preview.bridges.length === 0
      ? []
      : [
          `${texts.bridgesTitle} ${preview.bridges
            .map((bridge) => texts.bridge(bridge.region, bridge.person, bridge.via))
            .join("; ")}.`,
        ]),
    ...(preview.unreachable.length === 0
      ? []
      : [
          `${texts.unreachableTitle} ${preview.unreachable
            .map((entry) => texts.unreachable(entry.region, entry.reason))
            .join("; ")}. ${texts.unreachableFallback}`,
        ]),
    preview.passOnLine,
  ]
}

/** The modal's preview blocks, under a divider; each has a block id so updates replace them. */
export const previewBlocks = (
  language: Language,
  preview: PostPreview | { readonly refused: string },
): ReadonlyArray<KnownBlock> => {
  const texts = previewTextsFor(language)
  const lines = "refused" in preview ? [texts.refused(preview.refused)] : previewLines(language, preview)
  return [divider(), { ...section(`${texts.title}\n${lines.join("\n")}`), block_id: postPreviewBlockId }]
}
