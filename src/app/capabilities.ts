// The composition root's registry: every capability plugs its schema, HTTP routes, demo data and a new
// kommun's standard catalogues in here (its CLI commands: commands.ts). The platform knows none of them; it is
// handed the combined lists.
import type { FastifyInstance } from "fastify";
import type { Transaction } from "kysely";
import { type EkonomiTables, ekonomiMigrations, ekonomiRoutes, seedEkonomiDemo } from "../ekonomi/index.ts";
import { type EvbTables, evbMigrations, evbRoutes, installEvbCatalogue, seedEvbDemo } from "../evb/index.ts";
import {
  installKvalitetLists,
  type KvalitetTables,
  kvalitetMigrations,
  kvalitetRoutes,
  seedKvalitetDemo,
} from "../kvalitet/index.ts";
import { type NamndTables, namndMigrations, namndRoutes, seedNamndDemo } from "../namnd/index.ts";
import { type OppnaDataTables, oppnaDataMigrations, oppnaDataRoutes, seedOppnaDataDemo } from "../oppna-data/index.ts";
import { type DemoOrganisation, organisationRoutes } from "../organisation/index.ts";
import type { Database } from "../platform/db/database.ts";
import { combineMigrations, type Migrations } from "../platform/db/migrate.ts";
import type { PlatformTables } from "../platform/db/schema.ts";
import { type RapporterTables, rapporterMigrations, rapporterRoutes, seedRapporterDemo } from "../rapporter/index.ts";
import { type StyrningTables, seedStyrningDemo, styrningMigrations, styrningRoutes } from "../styrning/index.ts";

/** Every table of the installation: for the composition root, seeding and tests, never for a capability. */
export interface AppDB
  extends PlatformTables,
    StyrningTables,
    EvbTables,
    EkonomiTables,
    KvalitetTables,
    NamndTables,
    RapporterTables,
    OppnaDataTables {}

export type Capability = {
  name: string;
  migrations?: Migrations;
  routes?: (app: FastifyInstance) => Promise<void>;
  /** Loads this capability's demo data into the demo organisation (inside the seeding transaction). */
  seedDemo?: (trx: Transaction<AppDB>, demo: DemoOrganisation) => Promise<void>;
  /** Gives a new kommun this capability's standard catalogues; answers what was added, for the operator. */
  installCatalogues?: (db: Database["db"], kommunId: string) => Promise<string>;
};

export const capabilities: Capability[] = [
  { name: "organisation", routes: organisationRoutes },
  {
    name: "styrning",
    migrations: styrningMigrations,
    routes: styrningRoutes,
    seedDemo: seedStyrningDemo,
  },
  {
    name: "evb",
    migrations: evbMigrations,
    routes: evbRoutes,
    seedDemo: seedEvbDemo,
    installCatalogues: installEvbCatalogue,
  },
  { name: "ekonomi", migrations: ekonomiMigrations, routes: ekonomiRoutes, seedDemo: seedEkonomiDemo },
  {
    name: "kvalitet",
    migrations: kvalitetMigrations,
    routes: kvalitetRoutes,
    seedDemo: seedKvalitetDemo,
    installCatalogues: installKvalitetLists,
  },
  { name: "namnd", migrations: namndMigrations, routes: namndRoutes, seedDemo: seedNamndDemo },
  {
    name: "rapporter",
    migrations: rapporterMigrations,
    routes: rapporterRoutes,
    seedDemo: seedRapporterDemo,
  },
  // After the registers it publishes statistics of, so the demo's publications find their data.
  { name: "oppna-data", migrations: oppnaDataMigrations, routes: oppnaDataRoutes, seedDemo: seedOppnaDataDemo },
];

/** The platform's migrations and every capability's. */
export const appMigrations: Migrations = combineMigrations(...capabilities.map((c) => c.migrations ?? {}));

/** Every capability's HTTP routes, for the platform's server. */
export const capabilityRoutes = capabilities.flatMap((c) => (c.routes ? [c.routes] : []));
