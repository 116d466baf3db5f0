import type { Language } from "@spridning/core"
import { type CommandReply, context, header, reply, section } from "../views/blocks.js"
import { textsFor } from "../views/texts.js"

/** `/spridning hjälp`, and the answer to anything Spridning does not recognise. */
export const helpReply = (language: Language, unknownInput?: string): CommandReply => {
  const texts = textsFor(language)
  const lead = unknownInput === undefined ? texts.helpIntro : texts.unknownCommand(unknownInput)
  return reply(`${texts.helpTitle}: ${lead}`, [
    header(texts.helpTitle),
    section(lead),
    section(texts.helpCommands.map((line) => `• ${line}`).join("\n")),
    context(texts.helpAliases),
  ])
}
