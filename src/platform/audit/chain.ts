import type { PlatformDb } from "../db/schema.ts";
import { formatCount } from "../i18n/format.ts";
import { chainLinks } from "./repository.ts";

export type BrokenLink = {
  chainSeq: number;
  id: number;
  createdAt: Date;
  /** Why the link is broken, in Swedish. */
  reason: string;
};

export type ChainReport =
  /** `head` is the hash of the last link ('' for an empty log): anchor it outside the database. */
  { intact: true; events: number; head: string } | { intact: false; events: number; broken: BrokenLink };

const BATCH = 5000;

/**
 * Walks audit_log in chain order and recomputes every link with the same SQL function the insert
 * trigger uses (lots_audit_hash). Reports the first link whose row, predecessor or place differs.
 */
export async function verifyAuditChain(db: PlatformDb): Promise<ChainReport> {
  let prevSeq = 0;
  let prevHash = "";
  let events = 0;
  for (;;) {
    const batch = await chainLinks(db, prevSeq, BATCH);
    for (const row of batch) {
      const seq = Number(row.chain_seq);
      const link = { chainSeq: seq, id: Number(row.id), createdAt: new Date(row.created_at) };
      const reason =
        seq !== prevSeq + 1
          ? `händelse ${prevSeq + 1} saknas`
          : row.prev_hash !== prevHash
            ? "länken pekar inte på föregående händelse"
            : row.computed !== row.hash
              ? "händelsens innehåll stämmer inte med dess hash"
              : null;
      if (reason) return { intact: false, events, broken: { ...link, reason } };
      prevSeq = seq;
      prevHash = row.hash;
      events++;
    }
    if (batch.length < BATCH) return { intact: true, events, head: prevHash };
  }
}

/** The operator-facing line for `lots audit verify`. */
export function describeChainReport(report: ChainReport): string {
  if (report.intact) {
    return `Granskningsloggen är obruten: ${formatCount(report.events, "händelse", "händelser")}, senaste hash ${report.head || "(tom logg)"}.`;
  }
  const b = report.broken;
  return (
    `Granskningsloggen är bruten vid händelse ${b.chainSeq} (id ${b.id}, ${b.createdAt.toISOString()}): ${b.reason}. ` +
    `${formatCount(report.events, "händelse", "händelser")} före den är obrutna.`
  );
}
