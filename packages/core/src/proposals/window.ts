/**
 * "regionerna skicka in förslag … inför skrivandet av handlingsplaner": a round takes proposals
 * up to and including its deadline; after it, only if the group reopens the round with a new one.
 */
export const acceptsProposals = (deadline: Date, now: Date): boolean => now.getTime() <= deadline.getTime()
