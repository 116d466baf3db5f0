import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { demoNetwork } from "../src/demo/index.js"
import {
  explainPreferenceEffect,
  PersonId,
  type PreferenceChoice,
  preferenceChangeEffects,
  preferencePage,
  preferenceSteps,
} from "../src/index.js"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(effect)

/** Helena Magnusson: Region Norrbotten's only contact person for Matvanor, which has no participant from Norrbotten. */
const helena = PersonId.make("person-0005")
/** Göran Danielsson: the same for Region Jämtland Härjedalen and Fysisk aktivitet; the region has no process leader. */
const goran = PersonId.make("person-0035")

const stored = (personId: PersonId): PreferenceChoice => run(preferencePage(demoNetwork, personId)).choice

describe("what a reader's preference change does", () => {
  it("shows a contact person the groups whose mail reaches them, and their stored choices", () => {
    const page = run(preferencePage(demoNetwork, helena))
    expect(page.name).toBe("Helena Magnusson")
    expect(page.choice).toEqual({
      channels: ["email"],
      language: "sv",
      cadence: "immediate",
      optedOutOfAll: false,
      themeGroups: ["tg-matvanor"],
    })
    expect(page.groups.filter((group) => group.receiving)).toEqual([
      { themeGroupId: "tg-matvanor", name: "Matvanor", receiving: true, roles: ["contactPerson"] },
    ])
  })

  it("tells the only contact person who stops that the region loses its channel and that the process leader takes over", () => {
    const choice = { ...stored(helena), themeGroups: [] }
    const effects = run(preferenceChangeEffects(demoNetwork, helena, choice))
    expect(effects).toEqual([
      { _tag: "StopsThemeGroup", themeGroupId: "tg-matvanor", keepsRoles: ["contactPerson"] },
      {
        _tag: "BridgeLost",
        regionId: "region-norrbotten",
        themeGroupId: "tg-matvanor",
        takenOverBy: { personId: "person-0003", name: "Hans Jonsson", via: "processLeader" },
      },
    ])
    expect(effects.map((effect) => explainPreferenceEffect(demoNetwork, effect, "sv"))).toEqual([
      "Du får inga fler utskick från Matvanor. Du har fortfarande rollen kontaktperson i gruppen; den tas bort av regionens processledare eller nätverkets kansli.",
      "Region Norrbotten förlorar då sin kanal in i Matvanor: ingen från regionen deltar i gruppen, och det är du som tar emot gruppens utskick för regionen. Hans Jonsson, processledare i Region Norrbotten, tar över och får gruppens utskick i stället.",
    ])
    expect(explainPreferenceEffect(demoNetwork, effects[1]!, "en")).toBe(
      "Region Norrbotten then loses its channel into Matvanor: nobody from the region takes part in the group, and you are the one who receives the group's mail for the region. Hans Jonsson, process leader in Region Norrbotten, takes over and gets the group's mail instead.",
    )
  })

  it("says nobody takes over when the region has no process leader either", () => {
    const effects = run(
      preferenceChangeEffects(demoNetwork, goran, { ...stored(goran), optedOutOfAll: true }),
    )
    expect(effects.map((effect) => explainPreferenceEffect(demoNetwork, effect, "sv"))).toEqual([
      "Du får inga utskick alls från Spridning, inte heller som kanal in i din region.",
      "Region Jämtland Härjedalen förlorar då sin kanal in i Fysisk aktivitet: ingen från regionen deltar i gruppen, och det är du som tar emot gruppens utskick för regionen. Ingen annan kan ta över: Fysisk aktivitets utskick når inte längre Region Jämtland Härjedalen. Hör av dig till nätverkets kansli så att regionen får en ny kontaktperson.",
    ])
  })

  it("stores a stop of a role's group as an opt-out, and a new group as a follow at the chosen cadence", () => {
    const choice: PreferenceChoice = {
      ...stored(helena),
      cadence: "weekly",
      themeGroups: ["tg-tobak" as never],
    }
    expect(run(preferenceSteps(demoNetwork, helena, choice))).toEqual({
      preferences: {
        channels: ["email"],
        language: "sv",
        optedOutOfAll: false,
        optedOutOfThemeGroups: ["tg-matvanor"],
      },
      follow: [{ personId: "person-0005", themeGroupId: "tg-tobak", frequency: "weekly" }],
      unfollow: [],
    })
  })

  it("changes nothing when the stored choice is sent again", () => {
    expect(run(preferenceSteps(demoNetwork, helena, stored(helena)))).toEqual({ follow: [], unfollow: [] })
    expect(run(preferenceChangeEffects(demoNetwork, helena, stored(helena)))).toEqual([])
  })

  it("fails with NotFound for someone not in the network", () => {
    const failure = run(Effect.flip(preferencePage(demoNetwork, PersonId.make("person-none"))))
    expect(failure._tag).toBe("NotFound")
  })
})
