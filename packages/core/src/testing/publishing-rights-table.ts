/**
 * The one publishing-rights table, run against core, the API (tokens) and Slack (people in
 * modal submissions) alike, on the demo network. Each "who" is both a token and a person who
 * holds the same role, so every row means the same thing on both sides.
 */
export interface RightsWho {
  readonly label: string
  /** The API token's role and binding. */
  readonly token:
    | { readonly role: "admin" }
    | { readonly role: "group-editor"; readonly themeGroupId: string }
    | { readonly role: "region-editor"; readonly regionId: string }
    | { readonly role: "reader" }
  /** A person of the demo network with the same right in Slack. */
  readonly person: { readonly id: string; readonly email: string; readonly slackId: string }
  /** Named as the network office in Slack's configuration. */
  readonly slackAdmin: boolean
}

export const rightsWho = {
  admin: {
    label: "the network office",
    token: { role: "admin" },
    person: { id: "person-0012", email: "sara.ahmed@regionnorrbotten.example", slackId: "U0OFFICE" },
    slackAdmin: true,
  },
  groupEditor: {
    label: "the chair of Hälsofrämjande arbetsplats",
    token: { role: "group-editor", themeGroupId: "tg-halsoframjande-arbetsplats" },
    person: { id: "person-0025", email: "hakan.sjoberg@regionvasterbotten.example", slackId: "U0CHAIR" },
    slackAdmin: false,
  },
  processLeader: {
    label: "Region Skåne's process leader",
    token: { role: "region-editor", regionId: "region-skane" },
    person: { id: "person-0306", email: "karl.henriksson@regionskane.example", slackId: "U0SKANEPL" },
    slackAdmin: false,
  },
  presidiumMember: {
    label: "Region Skåne's presidium member",
    token: { role: "region-editor", regionId: "region-skane" },
    person: { id: "person-0305", email: "viktor.sjogren@regionskane.example", slackId: "U0SKANEPRES" },
    slackAdmin: false,
  },
  reader: {
    label: "a participant (reads only)",
    token: { role: "reader" },
    person: { id: "person-0004", email: "helena.holm@regionnorrbotten.example", slackId: "U0HELENA" },
    slackAdmin: false,
  },
} as const satisfies Record<string, RightsWho>

export interface RightsRow {
  readonly who: RightsWho
  /** The update's theme group, if it has one. */
  readonly themeGroupId?: string
  /** The regions the audience names; none means the whole network. */
  readonly regions: ReadonlyArray<string>
  readonly expected: "allowed" | "MayNotPublish" | "NotYourThemeGroup" | "AudienceOutsideRegion"
}

export const publishingRightsTable: ReadonlyArray<RightsRow> = [
  { who: rightsWho.admin, themeGroupId: "tg-tobak", regions: [], expected: "allowed" },
  { who: rightsWho.admin, regions: [], expected: "allowed" },
  {
    who: rightsWho.groupEditor,
    themeGroupId: "tg-halsoframjande-arbetsplats",
    regions: [],
    expected: "allowed",
  },
  {
    who: rightsWho.groupEditor,
    themeGroupId: "tg-halsoframjande-arbetsplats",
    regions: ["region-kalmar-lan"],
    expected: "allowed",
  },
  { who: rightsWho.groupEditor, themeGroupId: "tg-tobak", regions: [], expected: "NotYourThemeGroup" },
  { who: rightsWho.groupEditor, regions: ["region-vasterbotten"], expected: "NotYourThemeGroup" },
  {
    who: rightsWho.processLeader,
    themeGroupId: "tg-alkohol",
    regions: ["region-skane"],
    expected: "allowed",
  },
  { who: rightsWho.processLeader, regions: ["region-skane"], expected: "allowed" },
  { who: rightsWho.processLeader, themeGroupId: "tg-tobak", regions: [], expected: "AudienceOutsideRegion" },
  {
    who: rightsWho.processLeader,
    themeGroupId: "tg-tobak",
    regions: ["region-blekinge"],
    expected: "AudienceOutsideRegion",
  },
  {
    who: rightsWho.processLeader,
    regions: ["region-skane", "region-blekinge"],
    expected: "AudienceOutsideRegion",
  },
  { who: rightsWho.presidiumMember, themeGroupId: "tg-prom", regions: ["region-skane"], expected: "allowed" },
  {
    who: rightsWho.reader,
    themeGroupId: "tg-tobak",
    regions: ["region-norrbotten"],
    expected: "MayNotPublish",
  },
]

/** "who · group · audience → expected", for test names. */
export const describeRightsRow = (row: RightsRow): string =>
  `${row.who.label} · ${row.themeGroupId ?? "no group"} · ${row.regions.length === 0 ? "the whole network" : row.regions.join(" + ")} → ${row.expected}`
