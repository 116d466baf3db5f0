import type { PersonId } from "../organisation/ids.js"
import type { Network } from "../organisation/model.js"
import { type Publisher, publishersOf } from "./publishing.js"

/**
 * The network office (admins) is named by configuration, as a list of email addresses
 * (`SPRIDNING_OFFICE_ADMINS`, like Slack's `SPRIDNING_SLACK_ADMINS`), compared without case or
 * surrounding spaces: the network has no admin role of its own, and a list the operator
 * keeps is the simplest rule that cannot be granted from inside the tool.
 */
export const isOfficeAdmin = (adminEmails: ReadonlyArray<string>, email: string): boolean => {
  const wanted = email.trim().toLowerCase()
  return wanted !== "" && adminEmails.some((admin) => admin.trim().toLowerCase() === wanted)
}

/**
 * What a person signed in to the office's workspace may do: admin when configured, and their
 * editor roles in the network (region editor for a process leader or presidium member, group
 * editor for a chair). Empty: the person may only read that they may do nothing.
 */
export const officeRightsOf = (
  network: Network,
  person: { readonly id: PersonId; readonly email: string },
  adminEmails: ReadonlyArray<string>,
): ReadonlyArray<Publisher> => publishersOf(network, person.id, isOfficeAdmin(adminEmails, person.email))

/**
 * Whether `rights` are the network office's: what spans every region and group (tokens, the
 * audit log, a roster import, retrying deliveries) is theirs alone.
 */
export const isNetworkOffice = (rights: ReadonlyArray<Publisher>): boolean =>
  rights.some((right) => right._tag === "Admin")

/** Retrying a delivery spans every region and group: the office (admins) only, as in the API. */
export const mayRetryDeliveries = isNetworkOffice
