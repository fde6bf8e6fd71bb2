// The text of a reminder mail. Pure. No personal data: each line is a kind, a non-personal reference, a date
// and a link; the reader signs in to see the record. Not even the recipient's own name is written.
import { escapeHtml } from "../documents/escape-html.ts";
import { formatCount, formatDate } from "../i18n/format.ts";
import type { ReminderMode } from "./vocabulary.ts";

export type MailItem = { title: string; reference: string | null; dueOn: string; href: string };
export type MailMessage = { subject: string; text: string; html: string };

/** The path of the user's own reminder settings in the web UI. */
export const SETTINGS_PATH = "/installningar";

export const absoluteUrl = (publicUrl: string, path: string) => `${publicUrl.replace(/\/+$/, "")}${path}`;

export function subjectFor(items: readonly MailItem[], mode: Exclude<ReminderMode, "off">): string {
  if (mode === "weekly")
    return `Veckosammanfattning från Lots: ${formatCount(items.length, "påminnelse", "påminnelser")}`;
  const [only] = items;
  if (items.length === 1 && only) return `Påminnelse från Lots: ${only.title}`;
  return `Påminnelser från Lots: ${formatCount(items.length, "sak", "saker")} att göra`;
}

export function composeMail(
  items: readonly MailItem[],
  mode: Exclude<ReminderMode, "off">,
  publicUrl: string,
): MailMessage {
  const sorted = items.toSorted((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
  const line = (i: MailItem) => `${i.title}${i.reference ? ` (${i.reference})` : ""}, ${formatDate(i.dueOn)}`;
  const settings = absoluteUrl(publicUrl, SETTINGS_PATH);
  const intro = "Lots påminner om följande. Logga in för att se uppgifterna.";
  const footer = `Du får det här mejlet för att arbetet hör till din roll i Lots. Ändra eller stäng av påminnelserna: ${settings}`;
  const text = [
    intro,
    "",
    ...sorted.flatMap((i) => [`- ${line(i)}`, `  ${absoluteUrl(publicUrl, i.href)}`]),
    "",
    footer,
    "",
  ].join("\n");
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    "<ul>",
    ...sorted.map((i) => {
      const url = escapeHtml(absoluteUrl(publicUrl, i.href));
      return `<li><a href="${url}">${escapeHtml(line(i))}</a></li>`;
    }),
    "</ul>",
    `<p>${escapeHtml(footer.replace(`: ${settings}`, ":"))} <a href="${escapeHtml(settings)}">${escapeHtml(settings)}</a></p>`,
  ].join("\n");
  return { subject: subjectFor(sorted, mode), text, html };
}
