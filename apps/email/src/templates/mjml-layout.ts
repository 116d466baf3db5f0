import mjml2html from "mjml"

/** Text for XML/HTML: every value that is not our own markup goes through here. */
export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")

/** The parts of a mail; the HTML and the plain text are both rendered from these. */
export type Block =
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  /** Per-recipient text filled in by the sender: `{{key_html}}` / `{{key_text}}`. */
  | { readonly kind: "placeholderParagraph"; readonly key: string; readonly muted?: boolean }
  | { readonly kind: "facts"; readonly rows: ReadonlyArray<readonly [string, string]> }
  | { readonly kind: "list"; readonly title?: string; readonly items: ReadonlyArray<string> }
  | { readonly kind: "callout"; readonly text: string }
  | { readonly kind: "todo"; readonly text: string }
  | {
      readonly kind: "buttons"
      readonly intro: string
      readonly buttons: ReadonlyArray<{ readonly label: string; readonly href: string }>
    }
  | { readonly kind: "divider" }
  | {
      readonly kind: "footer"
      readonly lines: ReadonlyArray<string>
      readonly links: ReadonlyArray<{ readonly label: string; readonly href: string }>
    }

export interface MailDocument {
  readonly language: string
  readonly preview: string
  readonly label: string
  readonly blocks: ReadonlyArray<Block>
}

const brand = "#1f5c4a"

/**
 * Placeholders like `{{read_url}}` pass through mjml untouched (they are neither markup nor
 * entities), so one compiled HTML serves every recipient of a content group.
 */
const blockMjml = (block: Block): string => {
  switch (block.kind) {
    case "heading":
      return `<mj-text font-size="22px" font-weight="700" color="#14332a" padding-bottom="4px">${escapeHtml(block.text)}</mj-text>`
    case "paragraph":
      return block.text
        .split(/\n{2,}/)
        .map((part) => `<mj-text>${escapeHtml(part).replace(/\n/g, "<br />")}</mj-text>`)
        .join("\n")
    case "placeholderParagraph":
      return `<mj-text${block.muted === true ? ' color="#555555" font-size="13px"' : ""}>{{${block.key}_html}}</mj-text>`
    case "facts":
      return `<mj-table cellpadding="4px" font-size="15px">${block.rows
        .map(
          ([label, value]) =>
            `<tr><td style="font-weight:600;width:35%;vertical-align:top">${escapeHtml(label)}</td><td>${escapeHtml(value)}</td></tr>`,
        )
        .join("")}</mj-table>`
    case "list":
      return `<mj-text>${block.title === undefined ? "" : `<strong>${escapeHtml(block.title)}</strong>`}<ul>${block.items
        .map((item) => `<li>${escapeHtml(item)}</li>`)
        .join("")}</ul></mj-text>`
    case "callout":
      return `<mj-text container-background-color="#eef6f2" padding="12px 16px" font-weight="600">${escapeHtml(block.text)}</mj-text>`
    case "todo":
      return `<mj-text container-background-color="#fff7e0" padding="12px 16px">${escapeHtml(block.text)}</mj-text>`
    case "buttons":
      return [
        `<mj-text font-size="14px" color="#333333">${escapeHtml(block.intro)}</mj-text>`,
        ...block.buttons.map(
          (button) =>
            `<mj-button href="${button.href}" background-color="${brand}" align="left" padding="4px 25px">${escapeHtml(button.label)}</mj-button>`,
        ),
      ].join("\n")
    case "divider":
      return `<mj-divider border-width="1px" border-color="#dddddd" />`
    case "footer":
      return `<mj-text font-size="12px" color="#666666">${block.lines.map(escapeHtml).join("<br />")}${block.links
        .map((link) => `<br /><a href="${link.href}" style="color:#666666">${escapeHtml(link.label)}</a>`)
        .join("")}</mj-text>`
  }
}

export const toMjml = (document: MailDocument): string => `<mjml lang="${document.language}">
  <mj-head>
    <mj-preview>${escapeHtml(document.preview)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.5" color="#222222" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f5f4">
    <mj-section background-color="${brand}" padding="12px 0">
      <mj-column><mj-text color="#ffffff" font-size="13px" font-weight="600">Spridning · ${escapeHtml(document.label)}</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="16px 0">
      <mj-column>
${document.blocks.map(blockMjml).join("\n")}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`

export class MailTemplateError extends Error {}

/** Responsive HTML through mjml; an invalid template is a programming error, reported with mjml's findings. */
export const renderHtml = async (document: MailDocument): Promise<string> => {
  const result = await mjml2html(toMjml(document), { validationLevel: "strict", keepComments: false })
  if (result.errors.length > 0) {
    throw new MailTemplateError(
      `mjml rejected the "${document.label}" mail: ${result.errors.map((error) => error.formattedMessage).join("; ")}`,
    )
  }
  return result.html
}

const wrap = (text: string, width = 76): string =>
  text
    .split("\n")
    .map((line) => {
      const words = line.split(" ")
      const lines: Array<string> = []
      let current = ""
      for (const word of words) {
        if (current.length > 0 && current.length + word.length + 1 > width) {
          lines.push(current)
          current = word
        } else {
          current = current.length === 0 ? word : `${current} ${word}`
        }
      }
      lines.push(current)
      return lines.join("\n")
    })
    .join("\n")

const blockText = (block: Block): string => {
  switch (block.kind) {
    case "heading":
      return `${block.text}\n${"=".repeat(Math.min(block.text.length, 76))}`
    case "paragraph":
      return wrap(block.text)
    case "placeholderParagraph":
      return `{{${block.key}_text}}`
    case "facts":
      return block.rows.map(([label, value]) => `${label}: ${value}`).join("\n")
    case "list":
      return `${block.title === undefined ? "" : `${block.title}\n`}${block.items.map((item) => wrap(`- ${item}`)).join("\n")}`
    case "callout":
    case "todo":
      return wrap(block.text)
    case "buttons":
      return `${wrap(block.intro)}\n${block.buttons.map((button) => `* ${button.label}: ${button.href}`).join("\n")}`
    case "divider":
      return "-- "
    case "footer":
      return [...block.lines, ...block.links.map((link) => `${link.label}: ${link.href}`)].join("\n")
  }
}

/** The plain-text part, from the same blocks (never derived from the HTML). */
export const renderText = (document: MailDocument): string =>
  `${document.blocks.map(blockText).join("\n\n")}\n`
