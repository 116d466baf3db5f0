import { catalogue } from "../messages/catalogue.js"
import { indexNetwork } from "../organisation/index-network.js"
import type { Channel, FollowFrequency, Language, Network, Role } from "../organisation/model.js"
import type { PreferenceEffect } from "./model.js"

interface PreferenceTexts {
  readonly channel: Readonly<Record<Channel, string>>
  readonly language: Readonly<Record<Language, string>>
  /** "direkt", "i en daglig sammanfattning", … as said after "kommer". */
  readonly cadence: Readonly<Record<FollowFrequency, string>>
  readonly channelsChanged: (channels: string) => string
  readonly noChannel: string
  readonly languageChanged: (language: string) => string
  readonly stoppedAll: string
  readonly resumedAll: string
  readonly cadenceChanged: (groups: string, cadence: string) => string
  readonly stops: (group: string) => string
  readonly keepsRoles: (roles: string) => string
  readonly starts: (group: string, cadence: string | undefined) => string
  readonly bridgeLost: (region: string, group: string) => string
  readonly takesOver: (name: string, role: string, region: string) => string
  readonly nobodyTakesOver: (region: string, group: string) => string
  readonly bridgeTaken: (region: string, group: string) => string
}

const sv: PreferenceTexts = {
  channel: { email: "e-post", slack: "Slack" },
  language: { sv: "svenska", en: "engelska" },
  cadence: { immediate: "direkt", daily: "i en daglig sammanfattning", weekly: "i en veckosammanfattning" },
  channelsChanged: (channels) => `Du får utskick med ${channels}.`,
  noChannel:
    "Du får inga utskick i någon kanal. Är du en regions kanal in i en temagrupp kommer de utskicken ändå med e-post.",
  languageChanged: (language) => `Utskick och dina sidor kommer på ${language}.`,
  stoppedAll: "Du får inga utskick alls från Spridning, inte heller som kanal in i din region.",
  resumedAll: "Du får utskick från Spridning igen.",
  cadenceChanged: (groups, cadence) =>
    `Utskick från grupper du följer (${groups}) kommer ${cadence}. Det du får genom en roll eller som regionens kanal in, och digitimmar och förslagsrundor, kommer ändå direkt.`,
  stops: (group) => `Du får inga fler utskick från ${group}.`,
  keepsRoles: (roles) =>
    `Du har fortfarande rollen ${roles} i gruppen; den tas bort av regionens processledare eller nätverkets kansli.`,
  starts: (group, cadence) =>
    cadence === undefined
      ? `Du får utskick från ${group} igen.`
      : `Du följer ${group} och får dess utskick ${cadence}.`,
  bridgeLost: (region, group) =>
    `${region} förlorar då sin kanal in i ${group}: ingen från regionen deltar i gruppen, och det är du som tar emot gruppens utskick för regionen.`,
  takesOver: (name, role, region) =>
    `${name}, ${role} i ${region}, tar över och får gruppens utskick i stället.`,
  nobodyTakesOver: (region, group) =>
    `Ingen annan kan ta över: ${group}s utskick når inte längre ${region}. Hör av dig till nätverkets kansli så att regionen får en ny kontaktperson.`,
  bridgeTaken: (region, group) => `Du blir ${region}s kanal in i ${group} och får gruppens utskick direkt.`,
}

const en: PreferenceTexts = {
  channel: { email: "email", slack: "Slack" },
  language: { sv: "Swedish", en: "English" },
  cadence: { immediate: "at once", daily: "in a daily digest", weekly: "in a weekly digest" },
  channelsChanged: (channels) => `You get updates by ${channels}.`,
  noChannel:
    "You get updates on no channel. If you are a region's way into a theme group, that mail still comes by email.",
  languageChanged: (language) => `Mail and your pages come in ${language}.`,
  stoppedAll: "You get no updates from Spridning at all, not even as your region's way in.",
  resumedAll: "You get updates from Spridning again.",
  cadenceChanged: (groups, cadence) =>
    `Updates from the groups you follow (${groups}) come ${cadence}. What you get through a role or as your region's way in, and digital hours and proposal rounds, still come at once.`,
  stops: (group) => `You will get no more updates from ${group}.`,
  keepsRoles: (roles) =>
    `You still hold the role of ${roles} in the group; the region's process leader or the network office removes it.`,
  starts: (group, cadence) =>
    cadence === undefined
      ? `You get updates from ${group} again.`
      : `You follow ${group} and get its updates ${cadence}.`,
  bridgeLost: (region, group) =>
    `${region} then loses its channel into ${group}: nobody from the region takes part in the group, and you are the one who receives the group's mail for the region.`,
  takesOver: (name, role, region) =>
    `${name}, ${role} in ${region}, takes over and gets the group's mail instead.`,
  nobodyTakesOver: (region, group) =>
    `Nobody else can take over: ${group}'s updates no longer reach ${region}. Contact the network office so that the region gets a new contact person.`,
  bridgeTaken: (region, group) =>
    `You become ${region}'s way into ${group} and get the group's updates at once.`,
}

const texts: Readonly<Record<Language, PreferenceTexts>> = { sv, en }

/** The name of a frequency on the reader's page ("direkt", "veckosammanfattning"). */
export const cadenceWords = (language: Language): Readonly<Record<FollowFrequency, string>> =>
  texts[language].cadence

/** One effect of a reader's choice as sentences in their language, with every name written out. */
export const explainPreferenceEffect = (
  network: Network,
  effect: PreferenceEffect,
  language: Language = "sv",
): string => {
  const index = indexNetwork(network)
  const text = texts[language]
  const words = catalogue(language)
  const region = (id: string) => index.regionById.get(id as never)?.name ?? id
  const group = (id: string) => index.themeGroupById.get(id as never)?.name ?? id
  const roles = (held: ReadonlyArray<Role>) => words.list(held.map((role) => words.role[role].one))
  switch (effect._tag) {
    case "ChannelsChanged":
      return effect.channels.length === 0
        ? text.noChannel
        : text.channelsChanged(words.list(effect.channels.map((channel) => text.channel[channel])))
    case "LanguageChanged":
      return text.languageChanged(text.language[effect.language])
    case "StoppedAll":
      return text.stoppedAll
    case "ResumedAll":
      return text.resumedAll
    case "CadenceChanged":
      return text.cadenceChanged(words.list(effect.themeGroupIds.map(group)), text.cadence[effect.cadence])
    case "StopsThemeGroup":
      return effect.keepsRoles.length === 0
        ? text.stops(group(effect.themeGroupId))
        : `${text.stops(group(effect.themeGroupId))} ${text.keepsRoles(roles(effect.keepsRoles))}`
    case "StartsThemeGroup":
      return text.starts(
        group(effect.themeGroupId),
        effect.frequency === undefined ? undefined : text.cadence[effect.frequency],
      )
    case "BridgeLost": {
      const lost = text.bridgeLost(region(effect.regionId), group(effect.themeGroupId))
      const next =
        effect.takenOverBy === undefined
          ? text.nobodyTakesOver(region(effect.regionId), group(effect.themeGroupId))
          : text.takesOver(
              effect.takenOverBy.name,
              words.role[effect.takenOverBy.via].one,
              region(effect.regionId),
            )
      return `${lost} ${next}`
    }
    case "BridgeTaken":
      return text.bridgeTaken(region(effect.regionId), group(effect.themeGroupId))
  }
}
