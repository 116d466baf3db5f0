import type { Language } from "@spridning/core"

// The network's meetings are held on Swedish time, whatever the server's zone.
const zone = "Europe/Stockholm"
const locale = (language: Language) => (language === "sv" ? "sv-SE" : "en-GB")

export const formatDate = (language: Language, date: Date | string): string =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: "long", timeZone: zone }).format(new Date(date))

export const formatDateTime = (language: Language, date: Date | string): string =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: "long", timeStyle: "short", timeZone: zone }).format(
    new Date(date),
  )

export const formatTime = (language: Language, date: Date | string): string =>
  new Intl.DateTimeFormat(locale(language), { timeStyle: "short", timeZone: zone }).format(new Date(date))
