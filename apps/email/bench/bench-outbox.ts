/**
 * The benchmark's outbox: a network of N people in one region and one theme group, and an
 * update published to all of them by email. Used by the set-up process (PostgreSQL) and, on
 * PGlite, inside the benchmark's own process (PGlite lives in the process that opens it).
 */
import type { DisseminationPlan, Network, PlannedDelivery } from "@spridning/core"
import { Organisation, Updates } from "@spridning/db"
import { Effect } from "effect"

export const benchNetwork = (count: number): Network =>
  ({
    healthcareRegions: [{ id: "sodra", name: "Södra" }],
    regions: [{ id: "skane", name: "Region Skåne", kind: "region", healthcareRegionIds: ["sodra"] }],
    orgUnits: [],
    themeGroups: [
      { id: "tobak", name: "Tobaksprevention", topic: "Tobak", status: "active", wantedFunctions: [] },
    ],
    people: Array.from({ length: count }, (_, index) => ({
      id: `p${index}`,
      name: `Person ${index}`,
      email: `p${index}@skane.example`,
      function: "clinician",
      regionId: "skane",
      preferences: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
    })),
    // The dispatcher reads the reasons stored with each delivery, not the roles.
    roles: [],
    regionalBodies: [],
    reportingRules: [],
    follows: [],
  }) as unknown as Network

export const importBenchNetwork = (network: Network) =>
  Organisation.use((organisation) => organisation.importNetwork(network, "bench"))

/** Publishes one update with a delivery by email to every person of the network. */
export const publishBenchUpdate = (network: Network, updateId: string, now: Date) => {
  const deliveries = network.people.map(
    (person): PlannedDelivery =>
      ({
        updateId,
        personId: person.id,
        regionId: person.regionId,
        channel: "email",
        reasons: [{ _tag: "HoldsRole", role: "participant", regionId: "skane", themeGroupId: "tobak" }],
      }) as unknown as PlannedDelivery,
  )
  const plan = {
    updateId,
    deliveries,
    unreachableRegions: [],
    skipped: [],
    passOnLine: {
      sv: "Sprid vidare till: kliniker i Region Skåne",
      en: "Pass on to: clinicians in Region Skåne",
    },
  } as unknown as DisseminationPlan
  return Updates.use((updates) =>
    updates.publish(
      {
        id: updateId,
        themeGroupId: "tobak",
        title: "Minnesanteckningar november",
        body: "Vi gick igenom tobaksavvänjning i primärvården.",
        audience: { scope: "network", themeGroups: ["tobak"] } as never,
        details: { kind: "meetingNotes", meetingDate: "2026-11-12" },
      },
      plan,
      "bench",
      now,
    ),
  ).pipe(Effect.asVoid)
}
