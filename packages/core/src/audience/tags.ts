import type { PersonFunction, Role } from "../organisation/model.js"
import type { AudienceTag } from "./model.js"

/** The roles and professional functions an audience tag speaks to. */
export interface AudienceTagTarget {
  readonly roles: ReadonlyArray<Role>
  readonly functions: ReadonlyArray<PersonFunction>
}

/**
 * Whom each audience tag speaks to. "handlar det om styrning och ledning eller verktyg till
 * medarbetare": a person matches a tag when they hold one of its roles anywhere or have one of
 * its functions.
 *
 * - `governance-and-leadership`: decisions about priorities, money and mandates are taken by
 *   those who steer a region's HFS work (management, the presidium member, the process leader)
 *   and by directors and managers in the line, who must act on them.
 * - `tools-for-staff`: methods and material for daily work are used by the people who meet
 *   patients and citizens (clinicians, public health officers) and are tried out first by
 *   the theme groups' participants, who bring them home.
 * - `clinicians`, `strategists`, `public-health`: content for one profession only. Strategists
 *   and coordinators do the same planning work under different titles, so they go together.
 */
export const audienceTagTargets: Readonly<Record<AudienceTag, AudienceTagTarget>> = {
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
