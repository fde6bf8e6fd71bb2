// The public reads (no login): only what was reviewed and published, masked; no reviewer, masks or source.
// The kommun's name heads the public pages.
import { kommunIdOf, kommunNamesOf, kommunOf, onlyKommunName } from "../../organisation/index.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { namndOf } from "../case-read-service.ts";
import type { NamndDB } from "../tables.ts";
import { summaryOf } from "./publication-service.ts";
import * as repo from "./repository.ts";

type Db = DbOf<NamndDB>;

/** The kommun the public pages belong to: the one holding `path`, or the database's only kommun. */
async function kommunName(db: Db, path?: string): Promise<string | null> {
  return path ? (await kommunOf(db, path)).name : onlyKommunName(db);
}

export async function publicNamnder(db: Db) {
  const namnder = await repo.publishingNamnder(db);
  // Several kommuner publish in one installation: the list is then headed by none of them, each nämnd names its own.
  const kommuner = new Set(namnder.map((n) => kommunIdOf(n.path)));
  const kommunOfPath = await kommunNamesOf(
    db,
    namnder.map((n) => n.path),
  );
  return {
    kommun: kommuner.size > 1 ? null : await kommunName(db, namnder[0]?.path),
    namnder: namnder.map((n) => ({
      id: n.id,
      name: n.name,
      kommun: kommunOfPath(n.path),
      publications: Number(n.count),
    })),
  };
}

export async function publicNamnd(db: Db, id: string) {
  const namnd = await namndOf(db, id);
  if (namnd.id !== id) throw notFound("Nämnden");
  return {
    kommun: await kommunName(db, namnd.path),
    namnd: { id: namnd.id, name: namnd.name },
    publications: (await repo.publicationsOf(db, namnd.id, true)).map(summaryOf),
  };
}

export async function publicPublication(db: Db, id: string) {
  const row = await repo.findPublication(db, id);
  if (!row) throw notFound("Publiceringen");
  const namnd = await namndOf(db, row.org_node_id);
  return {
    kommun: await kommunName(db, namnd.path),
    namnd: { id: namnd.id, name: namnd.name },
    publication: {
      ...summaryOf(row),
      replaces: row.replaces_id ? { id: row.replaces_id, version: row.version - 1 } : null,
      correctionNote: row.correction_note,
      checksum: row.checksum,
      blocks: row.content,
    },
  };
}
