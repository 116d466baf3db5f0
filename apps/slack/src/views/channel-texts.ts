import type { Language } from "@spridning/core"

/**
 * The wording of `/spridning kanal`, of the post modal's preview and of "Delat vidare", kept
 * apart from texts.ts so features can grow without touching one shared file. Swedish first.
 */
const sv = {
  channelUsage:
    "Skriv kommandot i den kanal som ska få gruppens nyheter, med gruppens namn, till exempel `/spridning kanal tobak`.",
  channelInDirectMessage:
    "Det här är ett direktmeddelande. Skriv `/spridning kanal <temagrupp>` i den kanal som ska få gruppens nyheter.",
  channelShows: (group: string, since: string) =>
    `Den här kanalen får nyheterna från *${group}* (publicerade från ${since}).`,
  channelNone:
    "Den här kanalen är inte kopplad till någon temagrupp. Gruppens ordförande eller nätverkskansliet kopplar den med `/spridning kanal <temagrupp>`, till exempel `/spridning kanal tobak`.",
  channelTakenByOther: (other: string) =>
    `Den här kanalen får redan nyheterna från *${other}*, och en kanal tar emot en temagrupp. Välj en annan kanal, eller be ordföranden i ${other} att flytta gruppen först.`,
  channelAlreadyHere: (group: string) => `Den här kanalen får redan nyheterna från *${group}*. Inget ändrat.`,
  channelLinked: (group: string) =>
    `Klart: nya nyheter från *${group}* publiceras nu i den här kanalen, när de gäller hela gruppen (nyheter till bara vissa regioner går till personerna, inte hit).`,
  channelMovedFrom: (previous: string) =>
    `Gruppens nyheter gick tidigare till ${previous}; nu går de bara hit.`,
  channelNoHistory: (example: string) =>
    `Inget som redan publicerats läggs ut. Vill du också få de senaste två dygnens nyheter, skriv \`${example}\`.`,
  channelWithHistory:
    "Gruppens nyheter från de senaste två dygnen läggs också ut här inom någon minut, äldst först.",
  channelPrivateNote:
    "Är kanalen privat? Bjud då in Spridning (`/invite @Spridning`), annars kan inget publiceras här.",
}

type ChannelTexts = { readonly [K in keyof typeof sv]: (typeof sv)[K] }

const en: ChannelTexts = {
  channelUsage:
    "Type the command in the channel that should get the group's updates, with the group's name, for example `/spridning channel tobacco`.",
  channelInDirectMessage:
    "This is a direct message. Type `/spridning channel <theme group>` in the channel that should get the group's updates.",
  channelShows: (group, since) => `This channel gets the updates of *${group}* (published from ${since} on).`,
  channelNone:
    "This channel is not linked to a theme group. The group's chair or the network office links it with `/spridning channel <theme group>`, for example `/spridning channel tobacco`.",
  channelTakenByOther: (other) =>
    `This channel already gets the updates of *${other}*, and a channel takes one theme group. Choose another channel, or ask the chair of ${other} to move that group first.`,
  channelAlreadyHere: (group) => `This channel already gets the updates of *${group}*. Nothing changed.`,
  channelLinked: (group) =>
    `Done: new updates of *${group}* are now posted in this channel when they are for the whole group (updates for some regions only go to the people, not here).`,
  channelMovedFrom: (previous) => `The group's updates went to ${previous} before; now they come here only.`,
  channelNoHistory: (example) =>
    `Nothing already published is posted. To get the last two days' updates as well, type \`${example}\`.`,
  channelWithHistory:
    "The group's updates of the last two days are posted here too within a minute, oldest first.",
  channelPrivateNote:
    "Is the channel private? Then invite Spridning (`/invite @Spridning`), or nothing can be posted here.",
}

export const channelTextsFor = (language: Language): ChannelTexts => (language === "en" ? en : sv)
