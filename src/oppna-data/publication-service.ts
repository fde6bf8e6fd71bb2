// Deciding what is public: a role that may publish for the nämnd (write:namnd, as for its protokoll)
// publishes a dataset for a period. The content is read then, stored with its checksum and the date, and
// the public reads serve only that. Publishing again replaces it with today's data and date; withdrawing
// removes it from the public routes. Every change is audited by the kit.
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError, notFound } from "../platform/errors.ts";
import { read, write } from "../platform/service.ts";
import { contentChecksum } from "./dataset.ts";
import * as repo from "./repository.ts";
import type { PublishInput } from "./schema.ts";
import { datasetContent } from "./sources.ts";
import type { OppnaDataDB } from "./tables.ts";
import { datasetLabels, periodHints, periodPatterns } from "./vocabulary.ts";

type Db = DbOf<OppnaDataDB>;

/** What the nämnd's own list shows: the public fields and who published. */
export const summaryOf = (r: repo.PublicationRow) => ({
  id: r.id,
  dataset: r.dataset,
  title: r.title,
  period: r.period,
  organisation: { id: r.org_node_id, name: r.org_node_name },
  publishedAt: new Date(r.published_at).toISOString(),
});

export async function publish(db: Db, actor: Actor, input: PublishInput) {
  if (!periodPatterns[input.dataset].test(input.period)) {
    throw new DomainError(
      "validation",
      `Period: ${datasetLabels[input.dataset]} publiceras för ${periodHints[input.dataset]}.`,
    );
  }
  return write(db, actor, "write:namnd", input.orgNodeId, async ({ trx, node, audit }) => {
    if (node.kind !== "namnd") throw new DomainError("validation", "Nämnd: öppna data publiceras för en nämnd.");
    const content = await datasetContent(trx, actor, input.dataset, node, input.period);
    const title = `${datasetLabels[input.dataset]} ${input.period}, ${node.name}`;
    const checksum = contentChecksum(content);
    const before = await repo.findPublicationOf(trx, node.id, input.dataset, input.period);
    const { id } = await repo.upsertPublication(trx, {
      org_node_id: node.id,
      dataset: input.dataset,
      period: input.period,
      title,
      content,
      checksum,
      published_by: actor.id,
      publisher_name: actor.displayName,
    });
    await audit("open_data_publication", id, before ? "update" : "create", {
      before: before ? { title: before.title, checksum: before.checksum } : undefined,
      after: { title, dataset: input.dataset, period: input.period, checksum },
    });
    return summaryOf(await repo.findPublication(trx, id).then((r) => r as repo.PublicationRow));
  });
}

export async function withdraw(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await repo.findPublication(db, id);
  if (!row) throw notFound("Publiceringen");
  await write(db, actor, "write:namnd", row.org_node_id, async ({ trx, audit }) => {
    await repo.deletePublication(trx, id);
    await audit("open_data_publication", id, "delete", {
      before: { title: row.title, dataset: row.dataset, period: row.period, checksum: row.checksum },
    });
  });
}

/** The nämnd's publications of open data, with who published them (needs read on the nämnd). */
export function listPublications(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => ({
    publications: (await repo.listPublications(db, node.path)).map((r) => ({
      ...summaryOf(r),
      publisherName: r.publisher_name,
      checksum: r.checksum,
    })),
  }));
}
