import type { HealthcareRegionId, RegionId } from "../organisation/ids.js"
import type { HealthcareRegion, Region } from "../organisation/model.js"

/** What the demo needs to know about a real region beyond the model: its towns and mail domain. */
export interface DemoRegionFacts {
  readonly region: Region
  /** The part of ids after "region-": "skane", "vastra-gotaland". */
  readonly slug: string
  readonly emailDomain: string
  readonly town: string
  readonly hospital: string
  /** The three largest regions send two participants to most groups. */
  readonly large: boolean
}

const hcr = (id: string, name: string): HealthcareRegion => ({ id: id as HealthcareRegionId, name })

/** The six healthcare regions (sjukvårdsregioner). */
export const demoHealthcareRegions: ReadonlyArray<HealthcareRegion> = [
  hcr("hcr-norra", "Norra sjukvårdsregionen"),
  hcr("hcr-mellansverige", "Sjukvårdsregion Mellansverige"),
  hcr("hcr-stockholm-gotland", "Sjukvårdsregion Stockholm-Gotland"),
  hcr("hcr-sydostra", "Sydöstra sjukvårdsregionen"),
  hcr("hcr-vastra", "Västra sjukvårdsregionen"),
  hcr("hcr-sodra", "Södra sjukvårdsregionen"),
]

const region = (
  slug: string,
  name: string,
  healthcareRegions: ReadonlyArray<string>,
  emailDomain: string,
  town: string,
  hospital: string,
  large = false,
): DemoRegionFacts => ({
  region: {
    id: `region-${slug}` as RegionId,
    name,
    kind: "region",
    healthcareRegionIds: healthcareRegions.map((id) => id as HealthcareRegionId) as [
      HealthcareRegionId,
      ...Array<HealthcareRegionId>,
    ],
  },
  slug,
  emailDomain,
  town,
  hospital,
  large,
})

/**
 * The 21 regions in their healthcare regions. Halland belongs to two: northern Halland to
 * Västra, southern Halland to Södra. Västra is listed first (its primary one) only because
 * the public lists name northern Halland first; targeting Södra reaches Halland just the same.
 */
export const demoRegionFacts: ReadonlyArray<DemoRegionFacts> = [
  region(
    "norrbotten",
    "Region Norrbotten",
    ["hcr-norra"],
    "regionnorrbotten.se",
    "Luleå",
    "Sunderby sjukhus",
  ),
  region(
    "vasterbotten",
    "Region Västerbotten",
    ["hcr-norra"],
    "regionvasterbotten.se",
    "Umeå",
    "Norrlands universitetssjukhus",
  ),
  region(
    "jamtland-harjedalen",
    "Region Jämtland Härjedalen",
    ["hcr-norra"],
    "regionjh.se",
    "Östersund",
    "Östersunds sjukhus",
  ),
  region(
    "vasternorrland",
    "Region Västernorrland",
    ["hcr-norra"],
    "regionvasternorrland.se",
    "Sundsvall",
    "Sundsvalls sjukhus",
  ),
  region(
    "uppsala",
    "Region Uppsala",
    ["hcr-mellansverige"],
    "regionuppsala.se",
    "Uppsala",
    "Akademiska sjukhuset",
  ),
  region(
    "sormland",
    "Region Sörmland",
    ["hcr-mellansverige"],
    "regionsormland.se",
    "Eskilstuna",
    "Mälarsjukhuset",
  ),
  region(
    "varmland",
    "Region Värmland",
    ["hcr-mellansverige"],
    "regionvarmland.se",
    "Karlstad",
    "Centralsjukhuset Karlstad",
  ),
  region(
    "orebro-lan",
    "Region Örebro län",
    ["hcr-mellansverige"],
    "regionorebrolan.se",
    "Örebro",
    "Universitetssjukhuset Örebro",
  ),
  region(
    "vastmanland",
    "Region Västmanland",
    ["hcr-mellansverige"],
    "regionvastmanland.se",
    "Västerås",
    "Västmanlands sjukhus Västerås",
  ),
  region("dalarna", "Region Dalarna", ["hcr-mellansverige"], "regiondalarna.se", "Falun", "Falu lasarett"),
  region(
    "gavleborg",
    "Region Gävleborg",
    ["hcr-mellansverige"],
    "regiongavleborg.se",
    "Gävle",
    "Gävle sjukhus",
  ),
  region(
    "stockholm",
    "Region Stockholm",
    ["hcr-stockholm-gotland"],
    "regionstockholm.se",
    "Stockholm",
    "Karolinska Universitetssjukhuset",
    true,
  ),
  region(
    "gotland",
    "Region Gotland",
    ["hcr-stockholm-gotland"],
    "regiongotland.se",
    "Visby",
    "Visby lasarett",
  ),
  region(
    "ostergotland",
    "Region Östergötland",
    ["hcr-sydostra"],
    "regionostergotland.se",
    "Linköping",
    "Universitetssjukhuset i Linköping",
  ),
  region(
    "jonkopings-lan",
    "Region Jönköpings län",
    ["hcr-sydostra"],
    "regionjonkopingslan.se",
    "Jönköping",
    "Länssjukhuset Ryhov",
  ),
  region(
    "kalmar-lan",
    "Region Kalmar län",
    ["hcr-sydostra"],
    "regionkalmarlan.se",
    "Kalmar",
    "Länssjukhuset i Kalmar",
  ),
  region(
    "vastra-gotaland",
    "Västra Götalandsregionen",
    ["hcr-vastra"],
    "vgregion.se",
    "Göteborg",
    "Sahlgrenska Universitetssjukhuset",
    true,
  ),
  region(
    "halland",
    "Region Halland",
    ["hcr-vastra", "hcr-sodra"],
    "regionhalland.se",
    "Halmstad",
    "Hallands sjukhus Halmstad",
  ),
  region(
    "skane",
    "Region Skåne",
    ["hcr-sodra"],
    "regionskane.se",
    "Malmö",
    "Skånes universitetssjukhus",
    true,
  ),
  region(
    "blekinge",
    "Region Blekinge",
    ["hcr-sodra"],
    "regionblekinge.se",
    "Karlskrona",
    "Blekingesjukhuset",
  ),
  region(
    "kronoberg",
    "Region Kronoberg",
    ["hcr-sodra"],
    "regionkronoberg.se",
    "Växjö",
    "Centrallasarettet Växjö",
  ),
]
