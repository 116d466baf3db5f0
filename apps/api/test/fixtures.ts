import type { Network } from "@spridning/core"
import { decodeNetwork } from "@spridning/core"
import { Effect } from "effect"

/**
 * A small network with the shapes the rules care about: Halland in two healthcare regions,
 * Skåne with nobody in the tobacco group but a contact person, a process leader, a chain up
 * to management in Västra Götaland.
 */
export const testNetwork: Network = Effect.runSync(
  decodeNetwork({
    healthcareRegions: [
      { id: "hr-vast", name: "Västra" },
      { id: "hr-sodra", name: "Södra" },
    ],
    regions: [
      { id: "r-vg", name: "Västra Götalandsregionen", kind: "region", healthcareRegionIds: ["hr-vast"] },
      {
        id: "r-halland",
        name: "Region Halland",
        kind: "region",
        healthcareRegionIds: ["hr-vast", "hr-sodra"],
      },
      { id: "r-skane", name: "Region Skåne", kind: "region", healthcareRegionIds: ["hr-sodra"] },
    ],
    orgUnits: [
      { id: "ou-vg", regionId: "r-vg", name: "Folkhälsa VG", sector: "publicHealth" },
      { id: "ou-skane", regionId: "r-skane", name: "Vårdcentral Skåne", sector: "care" },
    ],
    themeGroups: [
      {
        id: "tg-tobak",
        name: "Tobaksprevention",
        topic: "tobak",
        status: "active",
        wantedFunctions: ["clinician"],
      },
      {
        id: "tg-alkohol",
        name: "Alkoholprevention",
        topic: "alkohol",
        status: "active",
        wantedFunctions: [],
      },
    ],
    people: [
      person("p-anna", "Anna Andersson", "r-vg", "clinician"),
      person("p-bo", "Bo Berg", "r-vg", "coordinator"),
      person("p-chair", "Cecilia Ek", "r-vg", "strategist"),
      person("p-vgdir", "Gun Direktör", "r-vg", "director"),
      person("p-cia", "Cia Carlsson", "r-skane", "publicHealthOfficer"),
      person("p-dan", "Dan Dahl", "r-skane", "coordinator"),
      person("p-eva", "Eva Ek", "r-halland", "strategist"),
    ],
    roles: [
      { id: "ra-anna", personId: "p-anna", role: "participant", regionId: "r-vg", themeGroupId: "tg-tobak" },
      { id: "ra-chair", personId: "p-chair", role: "chair", regionId: "r-vg", themeGroupId: "tg-tobak" },
      { id: "ra-bo", personId: "p-bo", role: "processLeader", regionId: "r-vg" },
      { id: "ra-vgdir", personId: "p-vgdir", role: "management", regionId: "r-vg" },
      {
        id: "ra-cia",
        personId: "p-cia",
        role: "contactPerson",
        regionId: "r-skane",
        themeGroupId: "tg-tobak",
      },
      {
        id: "ra-cia-alk",
        personId: "p-cia",
        role: "participant",
        regionId: "r-skane",
        themeGroupId: "tg-alkohol",
      },
      { id: "ra-dan", personId: "p-dan", role: "processLeader", regionId: "r-skane" },
      { id: "ra-eva", personId: "p-eva", role: "presidiumMember", regionId: "r-halland" },
    ],
    regionalBodies: [
      {
        id: "rb-vg",
        regionId: "r-vg",
        kind: "council",
        name: "Regionalt råd VG",
        wantedSectors: ["care", "school"],
      },
      {
        id: "rb-skane",
        regionId: "r-skane",
        kind: "network",
        name: "Nätverk Skåne",
        wantedSectors: ["care"],
      },
    ],
    reportingRules: [
      { id: "rr-participant", from: "participant", to: "processLeader", relation: "reportsTo" },
      { id: "rr-chair", from: "chair", to: "processLeader", relation: "reportsTo" },
      { id: "rr-contact", from: "contactPerson", to: "processLeader", relation: "reportsTo" },
      { id: "rr-leader", from: "processLeader", to: "management", relation: "reportsTo" },
      {
        id: "rr-vg-input",
        regionId: "r-vg",
        from: "processLeader",
        to: "presidiumMember",
        relation: "getsInputFrom",
      },
      {
        id: "rr-skane",
        regionId: "r-skane",
        from: "participant",
        to: "processLeader",
        relation: "reportsTo",
      },
    ],
    follows: [{ personId: "p-eva", themeGroupId: "tg-tobak", frequency: "weekly" }],
  }),
)

function person(id: string, name: string, regionId: string, fn: string) {
  return {
    id,
    name,
    email: `${id}@example.se`,
    function: fn,
    regionId,
    preferences: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
  }
}
