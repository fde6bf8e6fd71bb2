// How a synpunkt's answer and kind read in the tables: shared by the list, the period list and the record.
import {
  type AnswerStatus,
  answerStatusLabels,
  type Category,
  type ComplaintType,
  categoryLabels,
  complaintTypeLabels,
  type SenderType,
  senderTypeLabels,
} from "../../../kvalitet/klagomal/vocabulary.ts";
import { formatDate } from "../../../platform/i18n/format.ts";

type Answered = { answerStatus: AnswerStatus; answeredOn: string | null; answerDueOn: string };

/** "Besvarad i tid 2024-01-12", "Obesvarad (senast 2024-01-20)". */
export function answerText(c: Answered): string {
  if (c.answeredOn) return `${answerStatusLabels[c.answerStatus]} ${formatDate(c.answeredOn)}`;
  if (c.answerStatus === "anonym") return answerStatusLabels.anonym;
  return `${answerStatusLabels[c.answerStatus]} (senast ${formatDate(c.answerDueOn)})`;
}

export const kindText = (c: { type: ComplaintType; category: Category | null }) =>
  c.category ? `${complaintTypeLabels[c.type]}: ${categoryLabels[c.category]}` : complaintTypeLabels[c.type];

export const senderText = (c: { senderType: SenderType; anonymous: boolean }) =>
  c.anonymous ? `Anonym (${senderTypeLabels[c.senderType].toLowerCase()})` : senderTypeLabels[c.senderType];
