// The composition root's registry: every capability plugs its schema, HTTP routes, demo data and CLI
// commands in here. The platform knows none of them; it is handed the combined lists.
import type { Command } from "commander";
import type { FastifyInstance } from "fastify";
import type { Transaction } from "kysely";
import { type EkonomiTables, ekonomiCli, ekonomiMigrations, ekonomiRoutes, seedEkonomiDemo } from "../ekonomi/index.ts";
import { type EvbTables, evbCli, evbMigrations, evbRoutes, seedEvbDemo } from "../evb/index.ts";
import {
  type KvalitetTables,
  kvalitetCli,
  kvalitetMigrations,
  kvalitetRoutes,
  seedKvalitetDemo,
} from "../kvalitet/index.ts";
import { type NamndTables, namndCli, namndMigrations, namndRoutes, seedNamndDemo } from "../namnd/index.ts";
import { type OppnaDataTables, oppnaDataMigrations, oppnaDataRoutes, seedOppnaDataDemo } from "../oppna-data/index.ts";
import { type DemoOrganisation, organisationRoutes } from "../organisation/index.ts";
import { combineMigrations, type Migrations } from "../platform/db/migrate.ts";
import type { PlatformTables } from "../platform/db/schema.ts";
import type { CliTools } from "../platform/runtime.ts";
import {
  type RapporterTables,
  rapporterCli,
  rapporterMigrations,
  rapporterRoutes,
  seedRapporterDemo,
} from "../rapporter/index.ts";
import {
  type StyrningTables,
  seedStyrningDemo,
  styrningCli,
  styrningMigrations,
  styrningRoutes,
} from "../styrning/index.ts";

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
  /** Adds this capability's `lots <name> …` subcommands. */
  cli?: (program: Command, tools: CliTools) => void;
};

export const capabilities: Capability[] = [
  { name: "organisation", routes: organisationRoutes },
  {
    name: "styrning",
    migrations: styrningMigrations,
    routes: styrningRoutes,
    seedDemo: seedStyrningDemo,
    cli: styrningCli,
  },
  { name: "evb", migrations: evbMigrations, routes: evbRoutes, seedDemo: seedEvbDemo, cli: evbCli },
  { name: "ekonomi", migrations: ekonomiMigrations, routes: ekonomiRoutes, seedDemo: seedEkonomiDemo, cli: ekonomiCli },
  {
    name: "kvalitet",
    migrations: kvalitetMigrations,
    routes: kvalitetRoutes,
    seedDemo: seedKvalitetDemo,
    cli: kvalitetCli,
  },
  { name: "namnd", migrations: namndMigrations, routes: namndRoutes, seedDemo: seedNamndDemo, cli: namndCli },
  {
    name: "rapporter",
    migrations: rapporterMigrations,
    routes: rapporterRoutes,
    seedDemo: seedRapporterDemo,
    cli: rapporterCli,
  },
  // After the registers it publishes statistics of, so the demo's publications find their data.
  { name: "oppna-data", migrations: oppnaDataMigrations, routes: oppnaDataRoutes, seedDemo: seedOppnaDataDemo },
];

/** The platform's migrations and every capability's. */
export const appMigrations: Migrations = combineMigrations(...capabilities.map((c) => c.migrations ?? {}));

/** Every capability's HTTP routes, for the platform's server. */
export const capabilityRoutes = capabilities.flatMap((c) => (c.routes ? [c.routes] : []));
