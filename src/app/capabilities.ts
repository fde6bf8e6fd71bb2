// The composition root's registry: every capability plugs its schema, HTTP routes, demo data and CLI
// commands in here. The platform knows none of them; it is handed the combined lists.
import type { Command } from "commander";
import type { FastifyInstance } from "fastify";
import type { Transaction } from "kysely";
import { ekonomiCli } from "../ekonomi/cli.ts";
import { seedEkonomiDemo } from "../ekonomi/demo.ts";
import { ekonomiMigrations } from "../ekonomi/migrations.ts";
import { ekonomiRoutes } from "../ekonomi/routes.ts";
import type { EkonomiTables } from "../ekonomi/tables.ts";
import { evbCli } from "../evb/cli.ts";
import { seedEvbDemo } from "../evb/demo.ts";
import { evbMigrations } from "../evb/migrations.ts";
import { evbRoutes } from "../evb/routes.ts";
import type { EvbTables } from "../evb/tables.ts";
import type { DemoOrganisation } from "../organisation/demo.ts";
import { organisationRoutes } from "../organisation/routes.ts";
import { combineMigrations, type Migrations } from "../platform/db/migrate.ts";
import type { PlatformTables } from "../platform/db/schema.ts";
import type { CliTools } from "../platform/runtime.ts";
import { styrningCli } from "../styrning/cli.ts";
import { seedStyrningDemo } from "../styrning/demo.ts";
import { styrningMigrations } from "../styrning/migrations.ts";
import { styrningRoutes } from "../styrning/routes.ts";
import type { StyrningTables } from "../styrning/tables.ts";

/** Every table of the installation: for the composition root, seeding and tests, never for a capability. */
export interface AppDB extends PlatformTables, StyrningTables, EvbTables, EkonomiTables {}

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
];

/** The platform's migrations and every capability's. */
export const appMigrations: Migrations = combineMigrations(...capabilities.map((c) => c.migrations ?? {}));

/** Every capability's HTTP routes, for the platform's server. */
export const capabilityRoutes = capabilities.flatMap((c) => (c.routes ? [c.routes] : []));
