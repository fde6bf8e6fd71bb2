// The list for the committee memo on föreningsbidrag: each decided application with the amount applied, the
// amount granted, the share and the reasons, and the year's sums. Pure: structured rows, and the same as a
// Nämnd document for the renderers.
import { formatKr, formatPercent } from "../../platform/i18n/format.ts";
import type { NamndDocument } from "../documents/model.ts";
import { shareOf } from "./rules.ts";
import { type ApplicationStatus, decidedStatuses, type Round } from "./vocabulary.ts";

export type DecidedApplication = {
  association: string;
  round: Round;
  amountApplied: number;
  amountGranted: number | null;
  reasons: string | null;
  status: ApplicationStatus;
};

/** The decided applications in the order given (round, then number), as the memo lists them. */
export function memoRows(applications: readonly DecidedApplication[]) {
  return applications
    .filter((a) => decidedStatuses.includes(a.status))
    .map((a) => ({
      association: a.association,
      round: a.round,
      appliedKronor: a.amountApplied,
      grantedKronor: a.amountGranted ?? 0,
      sharePercent: shareOf(a.amountApplied, a.amountGranted ?? 0) ?? 0,
      reasons: a.reasons ?? "",
    }));
}
export type MemoRow = ReturnType<typeof memoRows>[number];

/** The memo as a tjänsteskrivelse-style document: förslag, the sums, and one line per association. */
export function grantsDocument(
  memo: { year: number; frameKronor: number; rows: readonly MemoRow[] },
  namndName: string,
  municipality: string,
): NamndDocument {
  const applied = memo.rows.reduce((sum, r) => sum + r.appliedKronor, 0);
  const granted = memo.rows.reduce((sum, r) => sum + r.grantedKronor, 0);
  const line = (r: MemoRow) =>
    `${r.association}${r.round === 2 ? " (andra omgången)" : ""}: sökt ${formatKr(r.appliedKronor)}, beviljat ${formatKr(r.grantedKronor)} (${formatPercent(r.sharePercent)}). ${r.reasons}`;
  return {
    letterhead: { municipality },
    kind: "TJÄNSTESKRIVELSE",
    title: `Fördelning av föreningsbidrag ${memo.year}`,
    blocks: [
      {
        heading: "Förslag till beslut",
        paragraphs: [`${namndName} fördelar föreningsbidrag för ${memo.year} enligt förteckningen nedan.`],
      },
      {
        heading: "Sammanfattning av ärendet",
        paragraphs: [
          `Anslaget för ${memo.year} är ${formatKr(memo.frameKronor)}. ${memo.rows.length} ansökningar har beslutats; sökt belopp är sammanlagt ${formatKr(applied)} och beviljat ${formatKr(granted)} (${applied > 0 ? formatPercent(shareOf(applied, granted)) : "–"} av det sökta). Kvar av anslaget: ${formatKr(memo.frameKronor - granted)}.`,
        ],
      },
      { heading: "Fördelning per förening", paragraphs: [], list: memo.rows.map(line) },
    ],
    signatures: [],
  };
}
