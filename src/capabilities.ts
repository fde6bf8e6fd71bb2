import type { Command } from "commander";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import { ekonomiCli } from "./ekonomi/cli.ts";
import { seedEkonomiDemo } from "./ekonomi/demo.ts";
import { ekonomiMigrations } from "./ekonomi/migrations.ts";
import { ekonomiRoutes } from "./ekonomi/routes.ts";
import { evbCli } from "./evb/cli.ts";
import { seedEvbDemo } from "./evb/demo.ts";
import { evbMigrations } from "./evb/migrations.ts";
import { evbRoutes } from "./evb/routes.ts";
import type { DemoOrganisation } from "./organisation/demo.ts";
import { organisationMigrations } from "./organisation/migrations.ts";
import { organisationRoutes } from "./organisation/routes.ts";
import type { DB } from "./platform/db/schema.ts";
import { styrningCli } from "./styrning/cli.ts";
import { seedStyrningDemo } from "./styrning/demo.ts";
import { styrningMigrations } from "./styrning/migrations.ts";
import { styrningRoutes } from "./styrning/routes.ts";

/** A business capability plugs its schema and HTTP routes into the platform here. */
export type Capability = {
  name: string;
  migrations: Record<string, Migration>;
  routes?: (app: FastifyInstance) => Promise<void>;
  /** Loads this capability's demo data into the demo organisation (inside the seeding transaction). */
  seedDemo?: (trx: Kysely<DB>, demo: DemoOrganisation) => Promise<void>;
  /** Adds this capability's `lots <name> …` subcommands. */
  cli?: (program: Command) => void;
};

export const capabilities: Capability[] = [
  { name: "organisation", migrations: organisationMigrations, routes: organisationRoutes },
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
