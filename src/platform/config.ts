import net from "node:net";
import path from "node:path";
import { z } from "zod";
import { type SignInSettings, signInSettings } from "./auth/oidc/settings.ts";

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY next to addresses and CIDR ranges. */
const proxyRangeNames = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Fastify's trustProxy: "true"/"false", a hop count, or a comma list of proxy addresses / CIDR ranges.
 * Off by default: without a proxy in front, X-Forwarded-For is whatever the client says.
 */
const trustProxySchema = z
  .string()
  .trim()
  .transform((value, ctx): boolean | number | string[] => {
    if (value === "true" || value === "false") return value === "true";
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(",").map((v) => v.trim());
    const bad = entries.filter((v) => {
      const [address, bits, extra] = v.split("/");
      if (extra !== undefined || !address) return true;
      if (bits === undefined) return !proxyRangeNames.has(address) && net.isIP(address) === 0;
      return net.isIP(address) === 0 || !/^\d{1,3}$/.test(bits);
    });
    if (bad.length) {
      ctx.addIssue({
        code: "custom",
        message: `ange true, false, ett antal proxysteg eller en kommalista med adresser; ogiltigt: ${bad.join(", ")}`,
      });
      return z.NEVER;
    }
    return entries;
  })
  .default(false);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_MIGRATE_URL: z.string().url().optional(),
  DATABASE_READ_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  DEMO_PASSWORD: z.string().min(8).default("lots-demo-2026"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: trustProxySchema,
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  FAILED_LOGIN_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  LOTS_DURABILITY: z.enum(["safe", "fast"]).default("safe"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * Where migrations run when DATABASE_URL is a pooler in transaction mode: the migrator's session-level
   * advisory lock needs one server connection from lock to unlock, so it goes to PostgreSQL directly.
   */
  migrateUrl: string | undefined;
  /** A streaming replica of DATABASE_URL for heavy reads (reports, statistics, exports); the primary when it lags. */
  readUrl: string | undefined;
  sessionSecret: string | undefined;
  demoPassword: string;
  logLevel: string;
  trustProxy: boolean | number | string[];
  sessionIdleMinutes: number;
  failedLoginRetentionDays: number;
  /** Embedded database only: safe fsyncs every commit, fast survives a process crash but not an OS crash. */
  durability: "safe" | "fast";
  /** LOTS_LOCAL_LOGIN and single sign-on (LOTS_OIDC_*); refused when half set. */
  signIn: SignInSettings;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a shell or .env) means "not set", as operators expect.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Ogiltig konfiguration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    migrateUrl: e.DATABASE_URL ? e.DATABASE_MIGRATE_URL : undefined,
    readUrl: e.DATABASE_URL ? e.DATABASE_READ_URL : undefined,
    sessionSecret: e.SESSION_SECRET,
    demoPassword: e.DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    failedLoginRetentionDays: e.FAILED_LOGIN_RETENTION_DAYS,
    durability: e.LOTS_DURABILITY,
    signIn: signInSettings(set),
  };
}
