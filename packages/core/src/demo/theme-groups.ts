import type { ThemeGroupId } from "../organisation/ids.js"
import type { PersonFunction, ThemeGroup } from "../organisation/model.js"

/**
 * How one demo theme group is staffed. Every region not listed in `uncovered` sends
 * participants; of the uncovered regions, those in `contactPersonIn` have a named contact
 * person ("en kanal in"), the others fall back to their process leader, if they have one.
 */
export interface DemoThemeGroupPlan {
  readonly group: ThemeGroup
  /** Region slugs ("gotland") with no participant in the group. */
  readonly uncovered: ReadonlyArray<string>
  readonly contactPersonIn: ReadonlyArray<string>
  /**
   * The functions its participants actually have. A wanted function missing here is the
   * group's recruiting gap ("lättare att rekrytera deltagare om temagruppen vet vilka/vilken
   * funktion som önskas").
   */
  readonly participantFunctions: ReadonlyArray<PersonFunction>
  /** The region whose participant chairs the group. */
  readonly chairFrom: string
}

const group = (
  slug: string,
  name: string,
  topic: string,
  wantedFunctions: ReadonlyArray<PersonFunction>,
  knowledgeGovernance?: ThemeGroup["knowledgeGovernance"],
): ThemeGroup => ({
  id: `tg-${slug}` as ThemeGroupId,
  name,
  topic,
  status: "active",
  wantedFunctions,
  ...(knowledgeGovernance === undefined ? {} : { knowledgeGovernance }),
})

const levnadsvanor = { level: "NPO", area: "Levnadsvanor" } as const

/** Small regions with few people to send; they sit out most of the narrower groups. */
const smallRegionGaps = ["jamtland-harjedalen", "gotland"]

export const demoThemeGroupPlans: ReadonlyArray<DemoThemeGroupPlan> = [
  {
    group: group(
      "tobak",
      "Tobaksprevention",
      "Tobaksprevention och tobaksavvänjning i vården",
      ["clinician", "publicHealthOfficer"],
      levnadsvanor,
    ),
    uncovered: ["gotland", "blekinge", "vasternorrland"],
    contactPersonIn: ["gotland", "blekinge"],
    participantFunctions: ["clinician", "publicHealthOfficer", "strategist"],
    chairFrom: "stockholm",
  },
  {
    group: group(
      "alkohol",
      "Alkoholprevention",
      "Alkoholprevention och riskbruk",
      ["clinician", "publicHealthOfficer"],
      levnadsvanor,
    ),
    uncovered: ["jamtland-harjedalen", "kronoberg", "vasternorrland", "gotland"],
    contactPersonIn: ["kronoberg"],
    participantFunctions: ["clinician", "publicHealthOfficer"],
    chairFrom: "skane",
  },
  {
    group: group(
      "matvanor",
      "Matvanor",
      "Goda matvanor i vården",
      ["clinician", "publicHealthOfficer", "strategist"],
      levnadsvanor,
    ),
    uncovered: ["norrbotten", "sormland"],
    contactPersonIn: ["norrbotten"],
    participantFunctions: ["clinician", "publicHealthOfficer", "strategist"],
    chairFrom: "vastra-gotaland",
  },
  {
    group: group(
      "fysisk-aktivitet",
      "Fysisk aktivitet",
      "Fysisk aktivitet på recept och rörelse i vardagen",
      ["clinician", "publicHealthOfficer"],
      { level: "RPO", area: "Levnadsvanor" },
    ),
    uncovered: ["jamtland-harjedalen", "gotland"],
    contactPersonIn: ["jamtland-harjedalen"],
    participantFunctions: ["clinician", "publicHealthOfficer"],
    chairFrom: "orebro-lan",
  },
  {
    group: group(
      "psykisk-halsa",
      "Psykisk hälsa",
      "Främjande av psykisk hälsa",
      ["clinician", "strategist"],
      { level: "NPO", area: "Psykisk hälsa" },
    ),
    uncovered: ["jamtland-harjedalen", "kalmar-lan", "dalarna"],
    contactPersonIn: ["kalmar-lan"],
    participantFunctions: ["clinician", "strategist", "researcher"],
    chairFrom: "uppsala",
  },
  {
    group: group(
      "barn-och-unga",
      "Barn och unga",
      "Hälsofrämjande arbete för barn och unga",
      ["clinician", "publicHealthOfficer"],
      { level: "NPO", area: "Barn och ungdomars hälsa" },
    ),
    uncovered: [...smallRegionGaps, "vastmanland", "halland"],
    contactPersonIn: ["vastmanland"],
    participantFunctions: ["clinician", "publicHealthOfficer"],
    chairFrom: "ostergotland",
  },
  {
    group: group("jamlik-vard", "Jämlik vård", "Jämlik vård, migration och mångfald", [
      "strategist",
      "researcher",
    ]),
    uncovered: [...smallRegionGaps, "norrbotten", "vasterbotten", "blekinge", "orebro-lan", "varmland"],
    contactPersonIn: ["blekinge", "orebro-lan"],
    participantFunctions: ["strategist", "researcher"],
    chairFrom: "skane",
  },
  {
    group: group("prom", "PROM", "Patientrapporterade utfallsmått för levnadsvanor", [
      "clinician",
      "researcher",
      "strategist",
    ]),
    uncovered: [...smallRegionGaps, "kronoberg", "kalmar-lan", "gavleborg", "uppsala", "sormland"],
    contactPersonIn: ["kalmar-lan", "uppsala"],
    // Nobody doing research has joined yet: coverage reports "researcher" as missing.
    participantFunctions: ["clinician", "strategist"],
    chairFrom: "vastra-gotaland",
  },
  {
    group: group(
      "halsoframjande-arbetsplats",
      "Hälsofrämjande arbetsplats",
      "Hälsofrämjande arbetsplats för vårdens medarbetare",
      ["manager", "strategist"],
    ),
    uncovered: [...smallRegionGaps, "vasternorrland", "jonkopings-lan"],
    contactPersonIn: ["vasternorrland"],
    // No manager has joined: coverage reports "manager" as missing.
    participantFunctions: ["strategist", "publicHealthOfficer"],
    chairFrom: "vasterbotten",
  },
  {
    group: group(
      "halsoframjande-primarvard",
      "Hälsofrämjande primärvård",
      "Levnadsvanor och hälsofrämjande i primärvården",
      ["clinician", "manager"],
      { level: "NPO", area: "Primärvård" },
    ),
    uncovered: ["jamtland-harjedalen", "blekinge", "ostergotland"],
    contactPersonIn: ["ostergotland"],
    participantFunctions: ["clinician", "manager"],
    chairFrom: "jonkopings-lan",
  },
]

/** A group merged away years ago: kept for its history, no longer a column in coverage. */
export const demoMergedThemeGroup: ThemeGroup = {
  id: "tg-avtal-och-ersattning" as ThemeGroupId,
  name: "Avtal och ersättning",
  topic: "Hälsofrämjande i avtal och ersättningsmodeller",
  status: "merged",
  mergedInto: "tg-halsoframjande-primarvard" as ThemeGroupId,
  wantedFunctions: ["strategist"],
}
