import { type Kysely, sql } from "kysely";

/**
 * Kommuner that existed before EVB get the standard catalogue (as it stood when EVB came); new ones get the
 * current catalogue when seeded or by an admin.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO evb_insats (org_node_id, code, law, lagrum, name, sort_order)
    SELECT kommun.id, v.code, v.law, v.lagrum, v.name, v.sort_order
    FROM org_node kommun CROSS JOIN (VALUES
      ('lss-9-1', 'LSS', '9 § 1 LSS', 'Råd och stöd', 0),
      ('lss-9-2', 'LSS', '9 § 2 LSS', 'Personlig assistans', 1),
      ('lss-9-3', 'LSS', '9 § 3 LSS', 'Ledsagarservice', 2),
      ('lss-9-4', 'LSS', '9 § 4 LSS', 'Kontaktperson', 3),
      ('lss-9-5', 'LSS', '9 § 5 LSS', 'Avlösarservice i hemmet', 4),
      ('lss-9-6', 'LSS', '9 § 6 LSS', 'Korttidsvistelse utanför det egna hemmet', 5),
      ('lss-9-7', 'LSS', '9 § 7 LSS', 'Korttidstillsyn för skolungdom över 12 år', 6),
      ('lss-9-8', 'LSS', '9 § 8 LSS', 'Boende i familjehem eller bostad med särskild service för barn', 7),
      ('lss-9-9-grupp', 'LSS', '9 § 9 LSS', 'Bostad med särskild service för vuxna, gruppbostad', 8),
      ('lss-9-9-service', 'LSS', '9 § 9 LSS', 'Bostad med särskild service för vuxna, servicebostad', 9),
      ('lss-9-10', 'LSS', '9 § 10 LSS', 'Daglig verksamhet', 10),
      ('sol-boendestod', 'SoL', '4 kap. 1 § SoL', 'Boendestöd', 11),
      ('sol-kontaktperson', 'SoL', '4 kap. 1 § SoL', 'Kontaktperson', 12),
      ('sol-kontaktfamilj', 'SoL', '4 kap. 1 § SoL', 'Kontaktfamilj', 13),
      ('sol-bostad-sarskild-service', 'SoL', '4 kap. 1 § SoL', 'Bostad med särskild service', 14),
      ('sol-sysselsattning', 'SoL', '4 kap. 1 § SoL', 'Sysselsättning', 15),
      ('sol-familjehem', 'SoL', '4 kap. 1 § SoL', 'Familjehem', 16),
      ('sol-oppenvard', 'SoL', '4 kap. 1 § SoL', 'Öppenvård', 17),
      ('sol-hemtjanst', 'SoL', '4 kap. 1 § SoL', 'Hemtjänst', 18),
      ('sol-sarskilt-boende', 'SoL', '4 kap. 1 § SoL', 'Särskilt boende för äldre', 19),
      ('sol-korttidsboende', 'SoL', '4 kap. 1 § SoL', 'Korttidsboende', 20),
      ('sol-dagverksamhet', 'SoL', '4 kap. 1 § SoL', 'Dagverksamhet', 21),
      ('sol-ledsagning', 'SoL', '4 kap. 1 § SoL', 'Ledsagning', 22),
      ('sol-avlosning', 'SoL', '4 kap. 1 § SoL', 'Avlösning', 23)
    ) AS v(code, law, lagrum, name, sort_order)
    WHERE kommun.parent_id IS NULL
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    INSERT INTO evb_code (org_node_id, kind, code, label, side, sort_order)
    SELECT kommun.id, v.kind, v.code, v.label, v.side, v.sort_order
    FROM org_node kommun CROSS JOIN (VALUES
      ('delay', 'resursbrist', 'Resursbrist/ingen plats', 'kommun', 0),
      ('delay', 'tackat-nej', 'Den enskilde har tackat nej', 'enskild', 1),
      ('delay', 'medverkar-inte', 'Den enskilde medverkar inte', 'enskild', 2),
      ('delay', 'halsotillstand', 'Den enskildes hälsotillstånd', 'enskild', 3),
      ('delay', 'annat', 'Annat', NULL, 4),
      ('closure', 'aterkallad', 'Återtagen ansökan', NULL, 0),
      ('closure', 'behov-upphort', 'Behovet har upphört', NULL, 1),
      ('closure', 'avliden', 'Avliden', NULL, 2),
      ('closure', 'flyttat', 'Flyttat från kommunen', NULL, 3),
      ('closure', 'nytt-beslut', 'Ersatt av nytt beslut', NULL, 4),
      ('closure', 'annat', 'Annat', NULL, 5)
    ) AS v(kind, code, label, side, sort_order)
    WHERE kommun.parent_id IS NULL
    ON CONFLICT DO NOTHING`.execute(db);
}
