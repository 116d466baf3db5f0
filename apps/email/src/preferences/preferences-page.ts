import {
  type Channel,
  catalogue,
  type FollowFrequency,
  type GroupOnPage,
  type Language,
  type PreferenceChoice,
  type PreferencePage,
} from "@spridning/core"
import { html } from "hono/html"
import type { HtmlEscapedString } from "hono/utils/html"
import { readerPage } from "../routes/pages.js"

interface PageTexts {
  readonly title: string
  readonly intro: (name: string) => string
  readonly channels: string
  readonly channel: Readonly<Record<Channel, string>>
  readonly channelsHint: string
  readonly language: string
  readonly languageName: Readonly<Record<Language, string>>
  readonly cadence: string
  readonly cadenceName: Readonly<Record<FollowFrequency | "unchanged", string>>
  readonly cadenceHint: string
  readonly groups: string
  readonly groupsHint: string
  readonly follows: (frequency: string) => string
  readonly holds: (roles: string) => string
  readonly ifYouStop: string
  readonly pause: string
  readonly pauseLabel: string
  readonly pauseHint: string
  readonly save: string
  readonly saved: string
  readonly nothingChanged: string
  readonly problem: string
}

const texts: Readonly<Record<Language, PageTexts>> = {
  sv: {
    title: "Dina inställningar",
    intro: (name) =>
      `Här väljer du, ${name}, hur Spridning når dig. Länken är personlig och fungerar utan inloggning: dela den inte.`,
    channels: "Kanaler",
    channel: { email: "E-post", slack: "Slack (direktmeddelande)" },
    channelsHint:
      "Väljer du ingen kanal får du inga utskick, utom det du tar emot som regionens kanal in i en grupp.",
    language: "Språk",
    languageName: { sv: "Svenska", en: "Engelska (English)" },
    cadence: "Hur ofta",
    cadenceName: {
      immediate: "Direkt, varje utskick för sig",
      daily: "Daglig sammanfattning",
      weekly: "Veckosammanfattning",
      unchanged: "Som nu, olika för olika grupper",
    },
    cadenceHint:
      "Gäller grupper du följer. Det du får genom en roll eller som regionens kanal in, och digitimmar och förslagsrundor, kommer alltid direkt.",
    groups: "Temagrupper",
    groupsHint: "Kryssa i de grupper du vill få utskick från.",
    follows: (frequency) => `Du följer gruppen (${frequency}).`,
    holds: (roles) => `Du är ${roles} i gruppen.`,
    ifYouStop: "Om du slutar:",
    pause: "Paus",
    pauseLabel: "Pausa alla utskick från Spridning",
    pauseHint: "Du kan slå på dem igen här när du vill.",
    save: "Spara",
    saved: "Sparat. Det här händer nu:",
    nothingChanged: "Inget att ändra: det du skickade är redan sparat.",
    problem: "Något i formuläret stämmer inte:",
  },
  en: {
    title: "Your settings",
    intro: (name) =>
      `Here you, ${name}, choose how Spridning reaches you. The link is personal and works without logging in: do not share it.`,
    channels: "Channels",
    channel: { email: "Email", slack: "Slack (direct message)" },
    channelsHint:
      "With no channel you get no updates, except what you receive as your region's way into a group.",
    language: "Language",
    languageName: { sv: "Swedish (svenska)", en: "English" },
    cadence: "How often",
    cadenceName: {
      immediate: "At once, each update on its own",
      daily: "Daily digest",
      weekly: "Weekly digest",
      unchanged: "As now, different for different groups",
    },
    cadenceHint:
      "Applies to the groups you follow. What you get through a role or as your region's way in, and digital hours and proposal rounds, always come at once.",
    groups: "Theme groups",
    groupsHint: "Tick the groups you want updates from.",
    follows: (frequency) => `You follow the group (${frequency}).`,
    holds: (roles) => `You are ${roles} in the group.`,
    ifYouStop: "If you stop:",
    pause: "Pause",
    pauseLabel: "Pause all updates from Spridning",
    pauseHint: "You can turn them on again here whenever you like.",
    save: "Save",
    saved: "Saved. This is what happens now:",
    nothingChanged: "Nothing to change: what you sent is already saved.",
    problem: "Something in the form is not right:",
  },
}

export const preferencesTitle = (language: Language) => texts[language].title

/** What a group's line says beside its box, and what stopping it would do. */
export interface GroupLine {
  readonly group: GroupOnPage
  /** Sentences from core's `explainPreferenceEffect` for unticking this group alone. */
  readonly ifStopped: ReadonlyArray<string>
}

export interface PreferencesView {
  readonly language: Language
  readonly action: string
  readonly page: PreferencePage
  readonly groups: ReadonlyArray<GroupLine>
  /** What pausing everything would do to the reader's regions (core's words). */
  readonly ifPaused: ReadonlyArray<string>
  /** After a save: the effects of the change, in the reader's language; empty when nothing changed. */
  readonly saved?: ReadonlyArray<string>
  /** Bad input: what and where. */
  readonly problems?: ReadonlyArray<string>
  /** The choice to show, when it differs from the stored one (after bad input). */
  readonly choice?: PreferenceChoice
}

const checked = (on: boolean) => (on ? html` checked` : "")

const choiceInput = (
  type: "checkbox" | "radio",
  name: string,
  value: string,
  id: string,
  on: boolean,
  label: string,
  /** What the choice is and does, read out after its name (the label stays the name alone). */
  notes: HtmlEscapedString | Promise<HtmlEscapedString> | string = "",
) => html`<div class="choice">
  <input type="${type}" name="${name}" value="${value}" id="${id}"${checked(on)}${
    notes === "" ? "" : html` aria-describedby="${id}-notes"`
  } />
  <div><label for="${id}">${label}</label>${notes === "" ? "" : html`<div id="${id}-notes">${notes}</div>`}</div>
</div>`

/**
 * The reader's own page: every choice with what it does said beside it. A plain form that works
 * without JavaScript; the signed link in its address is its only credential.
 */
export const renderPreferencesPage = (view: PreferencesView) => {
  const text = texts[view.language]
  const words = catalogue(view.language)
  const choice = view.choice ?? view.page.choice
  const frequencyName = (frequency: FollowFrequency) => text.cadenceName[frequency].toLowerCase()
  const cadences: ReadonlyArray<FollowFrequency | "unchanged"> =
    choice.cadence === "unchanged"
      ? ["unchanged", "immediate", "daily", "weekly"]
      : ["immediate", "daily", "weekly"]
  return readerPage(
    view.language,
    text.title,
    html`${
      view.problems === undefined
        ? ""
        : html`<div class="problem" role="alert"><p>${text.problem}</p><ul>${view.problems.map((problem) => html`<li>${problem}</li>`)}</ul></div>`
    }${
      view.saved === undefined
        ? ""
        : html`<div class="status" role="status">${
            view.saved.length === 0
              ? html`<p>${text.nothingChanged}</p>`
              : html`<p>${text.saved}</p><ul>${view.saved.map((line) => html`<li>${line}</li>`)}</ul>`
          }</div>`
    }
    <p>${text.intro(view.page.name)}</p>
    <form method="post" action="${view.action}">
      <fieldset aria-describedby="channels-hint">
        <legend>${text.channels}</legend>
        <p class="hint" id="channels-hint">${text.channelsHint}</p>
        ${(["email", "slack"] as const).map((channel) =>
          choiceInput(
            "checkbox",
            "channels",
            channel,
            `channel-${channel}`,
            choice.channels.includes(channel),
            text.channel[channel],
          ),
        )}
      </fieldset>
      <fieldset>
        <legend>${text.language}</legend>
        ${(["sv", "en"] as const).map(
          (language) =>
            html`<div class="choice"><input type="radio" name="language" value="${language}" id="language-${language}"${checked(choice.language === language)} /><label for="language-${language}" lang="${language}">${text.languageName[language]}</label></div>`,
        )}
      </fieldset>
      <fieldset aria-describedby="cadence-hint">
        <legend>${text.cadence}</legend>
        <p class="hint" id="cadence-hint">${text.cadenceHint}</p>
        ${cadences.map((value) =>
          choiceInput(
            "radio",
            "cadence",
            value,
            `cadence-${value}`,
            choice.cadence === value,
            text.cadenceName[value],
          ),
        )}
      </fieldset>
      <fieldset aria-describedby="groups-hint">
        <legend>${text.groups}</legend>
        <p class="hint" id="groups-hint">${text.groupsHint}</p>
        ${view.groups.map(({ group, ifStopped }) => {
          const id = `group-${group.themeGroupId}`
          const notes = [
            ...(group.following === undefined ? [] : [text.follows(frequencyName(group.following))]),
            ...(group.roles.length === 0
              ? []
              : [text.holds(words.list(group.roles.map((role) => words.role[role].one)))]),
          ]
          return choiceInput(
            "checkbox",
            "themeGroups",
            group.themeGroupId,
            id,
            choice.themeGroups.includes(group.themeGroupId),
            group.name,
            html`${notes.map((note) => html`<span class="hint">${note}</span>`)}${
              ifStopped.length === 0
                ? ""
                : html`<span class="effect" id="${id}-effect">${text.ifYouStop} ${ifStopped.join(" ")}</span>`
            }`,
          )
        })}
      </fieldset>
      <fieldset>
        <legend>${text.pause}</legend>
        ${choiceInput(
          "checkbox",
          "optedOutOfAll",
          "true",
          "opted-out-of-all",
          choice.optedOutOfAll,
          text.pauseLabel,
          html`<span class="hint">${text.pauseHint}</span>${
            view.ifPaused.length === 0
              ? ""
              : html`<span class="effect" id="pause-effect">${text.ifYouStop} ${view.ifPaused.join(" ")}</span>`
          }`,
        )}
      </fieldset>
      <p><button type="submit">${text.save}</button></p>
    </form>`,
  )
}
