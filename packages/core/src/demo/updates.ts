import type { Update } from "../dissemination/model.js"
import type { HealthcareRegionId, ThemeGroupId, UpdateId } from "../organisation/ids.js"

const id = (value: string) => value as UpdateId
const group = (value: string) => value as ThemeGroupId

/**
 * Example updates over the demo network, one per kind of audience the workshop asked for
 * ("När är det 'bara' för nätverket och när är det för 'alla'?").
 */
export const demoUpdates = {
  /** Network-only notes from Alkoholprevention, to the group and every region: shows bridges. */
  alcoholMeetingNotes: {
    id: id("update-alkohol-minnesanteckningar-2026-11"),
    kind: "meetingNotes",
    themeGroupId: group("tg-alkohol"),
    title: "Minnesanteckningar Alkoholprevention, november 2026",
    audience: { scope: "network", themeGroups: [group("tg-alkohol")] },
  },
  /** A public digital hour for staff and clinicians everywhere. */
  physicalActivityDigitalHour: {
    id: id("update-fysisk-aktivitet-digitimme-2027-01"),
    kind: "digitalHour",
    themeGroupId: group("tg-fysisk-aktivitet"),
    title: "Digitimme: FaR i primärvården – så gjorde vi",
    audience: {
      scope: "public",
      tags: ["tools-for-staff", "clinicians"],
      themeGroups: [group("tg-fysisk-aktivitet")],
    },
  },
  /** An action plan for leadership in Södra, which includes Halland. */
  mentalHealthActionPlan: {
    id: id("update-psykisk-halsa-handlingsplan-2027"),
    kind: "actionPlan",
    themeGroupId: group("tg-psykisk-halsa"),
    title: "Handlingsplan 2027, Psykisk hälsa",
    audience: {
      scope: "network",
      tags: ["governance-and-leadership"],
      healthcareRegions: ["hcr-sodra" as HealthcareRegionId],
      themeGroups: [group("tg-psykisk-halsa")],
    },
  },
  /** A proposal round open to every region, above all those not in the group. */
  promProposalRound: {
    id: id("update-prom-forslag-2027"),
    kind: "proposalRound",
    themeGroupId: group("tg-prom"),
    title: "Skicka in förslag inför PROM:s handlingsplan 2027",
    audience: {
      scope: "network",
      themeGroups: [group("tg-prom")],
      roles: ["processLeader", "contactPerson"],
    },
  },
  /** Everyone in the network, every region: the benchmark's and the demo's widest case. */
  networkNewsletter: {
    id: id("update-nyhetsbrev-2026-12"),
    kind: "briefing",
    title: "Nyheter från HFS-nätverket, december 2026",
    audience: { scope: "network" },
  },
} as const satisfies Record<string, Update>
