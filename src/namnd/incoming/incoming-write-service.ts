import { type Actor, can } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { write, writeRecord } from "../../platform/service.ts";
import { labelledProblems, validationError } from "../../platform/validation.ts";
import { namndOf } from "../case-read-service.ts";
import type { NamndDB } from "../tables.ts";
import { letterOf, letterOrThrow, rulingOf, rulingOrThrow } from "./incoming-read-service.ts";
import * as repo from "./repository.ts";
import { checkLetter, checkRuling } from "./rules.ts";
import {
  type LetterFields,
  type LetterInput,
  letterFields,
  letterInput,
  type RulingFields,
  type RulingInput,
  rulingFields,
  rulingInput,
} from "./schema.ts";

type Db = DbOf<NamndDB>;

/** Registers a dom or beslut, checked whole first: nothing is written when any field is wrong. */
export async function registerRuling(db: Db, actor: Actor, input: RulingInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  return write(db, actor, "write:namnd", namnd.id, async ({ trx, node, audit }) => {
    const { orgNodeId: _, ...fields } = input;
    const checked = checkRuling(fields, todayInSweden(), namnd.prefix);
    if (!checked.ruling)
      throw validationError("Domen eller beslutet registrerades inte", labelledProblems(rulingInput, checked.problems));
    const [inserted] = await repo.insertRulings(trx, [{ org_node_id: namnd.id, ...repo.rulingRow(checked.ruling) }]);
    const row = await rulingOrThrow(trx, inserted?.id as string);
    await audit("namnd_ruling", row.id, "create", { after: row });
    return rulingOf(row, can(actor, "read:personal", node.path));
  });
}

/** Replaces a registered dom or beslut with a corrected one, checked whole as when registered. */
export async function updateRuling(db: Db, actor: Actor, id: string, fields: RulingFields) {
  return writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => rulingOrThrow(db, id),
    async ({ trx, node, audit, record }) => {
      const namnd = await namndOf(trx, record.org_node_id);
      const checked = checkRuling(fields, todayInSweden(), namnd.prefix);
      if (!checked.ruling)
        throw validationError("Domen eller beslutet ändrades inte", labelledProblems(rulingFields, checked.problems));
      await repo.updateRuling(trx, id, repo.rulingRow(checked.ruling));
      const row = await rulingOrThrow(trx, id);
      await audit("namnd_ruling", id, "update", { before: record, after: row });
      return rulingOf(row, can(actor, "read:personal", node.path));
    },
  );
}

/** Registers a skrivelse or meddelande under the nämnd's own diarienummer. */
export async function registerLetter(db: Db, actor: Actor, input: LetterInput) {
  const namnd = await namndOf(db, input.orgNodeId);
  return write(db, actor, "write:namnd", namnd.id, async ({ trx, node, audit }) => {
    const { orgNodeId: _, ...fields } = input;
    const checked = checkLetter(fields, todayInSweden(), namnd.prefix);
    if (!checked.letter)
      throw validationError("Skrivelsen registrerades inte", labelledProblems(letterInput, checked.problems));
    const [inserted] = await repo.insertLetters(trx, [{ org_node_id: namnd.id, ...repo.letterRow(checked.letter) }]);
    const row = await letterOrThrow(trx, inserted?.id as string);
    await audit("namnd_letter", row.id, "create", { after: row });
    return letterOf(row, can(actor, "read:personal", node.path));
  });
}

export async function updateLetter(db: Db, actor: Actor, id: string, fields: LetterFields) {
  return writeRecord(
    db,
    actor,
    "write:namnd",
    (db) => letterOrThrow(db, id),
    async ({ trx, node, audit, record }) => {
      const namnd = await namndOf(trx, record.org_node_id);
      const checked = checkLetter(fields, todayInSweden(), namnd.prefix);
      if (!checked.letter)
        throw validationError("Skrivelsen ändrades inte", labelledProblems(letterFields, checked.problems));
      await repo.updateLetter(trx, id, repo.letterRow(checked.letter));
      const row = await letterOrThrow(trx, id);
      await audit("namnd_letter", id, "update", { before: record, after: row });
      return letterOf(row, can(actor, "read:personal", node.path));
    },
  );
}
