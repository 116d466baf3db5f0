import type { PersonFunction, Role } from "../organisation/model.js"
import type { AudienceTag } from "./model.js"

/**
 * Whom each audience tag speaks to. "handlar det om styrning och ledning eller verktyg till
 * medarbetare": governance material goes to the people who steer a region's HFS work, staff
 * tools to the people who meet patients and citizens.
 */
export const audienceTagTargets: Readonly<
  Record<
    AudienceTag,
    { readonly roles: ReadonlyArray<Role>; readonly functions: ReadonlyArray<PersonFunction> }
  >
> = {
  "governance-and-leadership": {
    roles: ["management", "presidiumMember", "processLeader"],
    functions: ["director", "manager"],
  },
  "tools-for-staff": {
    roles: ["participant"],
    functions: ["clinician", "publicHealthOfficer"],
  },
  clinicians: { roles: [], functions: ["clinician"] },
  strategists: { roles: [], functions: ["strategist", "coordinator"] },
  "public-health": { roles: [], functions: ["publicHealthOfficer"] },
}
