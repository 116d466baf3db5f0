import type { Language } from "@spridning/core"

// The network's meetings are held on Swedish time, whatever the server's zone.
const zone = "Europe/Stockholm"
const locale = (language: Language) => (language === "sv" ? "sv-SE" : "en-GB")

/** One formatter per language, made once: building an Intl.DateTimeFormat costs more than a page's queries. */
const formatters = (options: Intl.DateTimeFormatOptions) => {
  const made: Record<Language, Intl.DateTimeFormat> = {
    sv: new Intl.DateTimeFormat(locale("sv"), { ...options, timeZone: zone }),
    en: new Intl.DateTimeFormat(locale("en"), { ...options, timeZone: zone }),
  }
  return (language: Language, date: Date | string): string => made[language].format(new Date(date))
}

export const formatDate = formatters({ dateStyle: "long" })

export const formatDateTime = formatters({ dateStyle: "long", timeStyle: "short" })

export const formatTime = formatters({ timeStyle: "short" })
