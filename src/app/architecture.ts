/**
 * The layering of docs/architecture.md as checks over the source tree's import graph and syntax. Pure: it is handed file paths ("src/evb/x.ts") and texts, so a test can feed it a
 * real tree or a deliberately wrong one.
 */
import { isBuiltin } from "node:module";
import path from "node:path";
import { parseSync } from "vite";

export const rules = {
  "capability-surface": "a capability reaches another only through its index.ts",
  "platform-independent": "the platform imports no capability",
  "composition-root": "src/app imports the platform and capabilities' index.ts only",
  "web-browser-safe": "the web UI imports no server module",
  "web-derived-client": "the web UI calls endpoints, never a hand-written /api URL or query key",
  "sql-in-repositories": "SQL only in repositories and migrations",
  "no-cycles": "no import cycles",
  "service-naming": "a module that reads or writes through the service kit is named <topic>-service.ts",
  parse: "every source file parses",
} as const;
export type Rule = keyof typeof rules;
export type Violation = { rule: Rule; file: string; detail: string };

/**
 * `type`: `import type` / `export type`, erased at build. `import { type A }` still loads the module
 * (verbatimModuleSyntax leaves `import {} from`), so it is a static import.
 */
type ImportKind = "static" | "dynamic" | "type";
type Import = { specifier: string; kind: ImportKind; target: string | null };
type Module = { file: string; imports: Import[]; sql: string[]; kitCalls: string[]; handWritten: string[] };

const platformLayers = new Set(["platform", "app", "web"]);

/** "platform", "app", "web", a capability's folder name, or null for a file directly in src/. */
function layerOf(file: string): string | null {
  const parts = file.split("/");
  return parts[0] === "src" && parts.length > 2 ? (parts[1] ?? null) : null;
}
const isCapability = (layer: string | null): layer is string => layer !== null && !platformLayers.has(layer);
const baseName = (file: string) => path.posix.basename(file);
const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);
const isTestSupport = (file: string) => isTestFile(file) || /(^|-)testing\.ts$/.test(baseName(file));

/** Names the modules that are server code whatever they import. */
function serverByName(file: string): string | null {
  const name = baseName(file);
  if (["repository.ts", "routes.ts", "cli.ts"].includes(name) || /service.*\.ts$/.test(name))
    return `is server code by its name (${name})`;
  if (name === "index.ts" && isCapability(layerOf(file)) && file.split("/").length === 3)
    return "is a capability's index.ts (server code)";
  return null;
}

const serverPackages = ["kysely", "fastify", "pg", "argon2", "exceljs", "commander"];
const serverScopes = ["@fastify/", "@electric-sql/"];

function isServerPackage(specifier: string): boolean {
  if (isBuiltin(specifier)) return true;
  const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
  return serverPackages.includes(name ?? "") || serverScopes.some((scope) => specifier.startsWith(scope));
}

const kitModule = "src/platform/service.ts";
const kitFunctions = new Set(["read", "write", "writeRecord", "transaction"]);
/** Demo data seeds through the kit as the system actor; tests and their support call it freely. */
const kitUseAllowed = (file: string) =>
  /-service\.ts$/.test(baseName(file)) ||
  baseName(file) === "demo.ts" ||
  isTestSupport(file) ||
  file.startsWith("src/platform/");

const sqlBuilders = new Set(["selectFrom", "insertInto", "updateTable", "deleteFrom", "selectNoFrom"]);

type Node = { type: string; start: number; [key: string]: unknown };
const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && typeof (value as Node).type === "string";

/** Every AST node below `program`, depth first. */
function eachNode(program: unknown, visit: (node: Node) => void): void {
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    if (isNode(value)) visit(value);
    for (const [key, child] of Object.entries(value)) if (key !== "parent") walk(child);
  };
  walk(program);
}

/** `selectFrom(` … calls (as a method or a destructured function) and `sql` / `sql<T>` templates. */
function sqlIn(program: unknown, lineOf: (offset: number) => number): string[] {
  const found: string[] = [];
  eachNode(program, (value) => {
    const node = value as Node & {
      callee?: Node & { property?: Node; name?: string };
      tag?: Node & { name?: string };
    };
    if (node.type === "CallExpression" && node.callee) {
      const name = node.callee.type === "MemberExpression" ? node.callee.property?.name : node.callee.name;
      if (typeof name === "string" && sqlBuilders.has(name)) found.push(`${name}( on line ${lineOf(node.start)}`);
    }
    if (node.type === "TaggedTemplateExpression" && node.tag?.type === "Identifier" && node.tag.name === "sql")
      found.push(`sql\` on line ${lineOf(node.start)}`);
  });
  return found;
}

/** `keyOf(endpoint, …)`: a cache key derived from the endpoint. */
const derivedKey = (value: unknown) => {
  const call = value as { type?: string; callee?: { type?: string; name?: string } } | undefined;
  return call?.type === "CallExpression" && call.callee?.type === "Identifier" && call.callee.name === "keyOf";
};

/** "/api…" string and template literals and `queryKey:` properties: what the derived client replaces. */
function handWrittenApiIn(program: unknown, lineOf: (offset: number) => number): string[] {
  const found: string[] = [];
  eachNode(program, (value) => {
    const node = value as Node & {
      value?: unknown;
      quasis?: Array<{ value?: { raw?: string } }>;
      key?: Node & { name?: string };
    };
    const text =
      node.type === "Literal" && typeof node.value === "string"
        ? node.value
        : node.type === "TemplateLiteral"
          ? node.quasis?.[0]?.value?.raw
          : undefined;
    if (text?.startsWith("/api")) found.push(`"${text}" on line ${lineOf(node.start)}`);
    if (node.type === "Property" && node.key?.name === "queryKey" && !derivedKey(node.value))
      found.push(`queryKey on line ${lineOf(node.start)}`);
  });
  return found;
}

function stringLiteral(text: string): string | null {
  const match = /^\s*(["'])([^"'`]*)\1\s*$/.exec(text);
  return match ? (match[2] ?? null) : null;
}

/** A relative specifier as a path in the tree ("src/…"); packages resolve to null. */
function resolve(file: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
}

export function parseModule(file: string, text: string): Module | Violation {
  const parsed = parseSync(file, text);
  if (parsed.errors.length > 0) {
    return { rule: "parse", file, detail: parsed.errors.map((e) => e.message).join("; ") };
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (offset: number) => lineStarts.findLastIndex((start) => start <= offset) + 1;
  const imports: Import[] = [];
  const add = (specifier: string, kind: ImportKind) =>
    imports.push({ specifier, kind, target: resolve(file, specifier) });
  const isTypeStatement = (start: number) => /^(import|export)\s+type\b/.test(text.slice(start, start + 20));
  const kitCalls: string[] = [];
  for (const s of parsed.module.staticImports) {
    add(s.moduleRequest.value, isTypeStatement(s.start) ? "type" : "static");
    if (resolve(file, s.moduleRequest.value) === kitModule && !isTypeStatement(s.start))
      for (const e of s.entries)
        if (!e.isType && kitFunctions.has(e.importName.name ?? "")) kitCalls.push(e.importName.name ?? "");
  }
  for (const s of parsed.module.staticExports) {
    const request = s.entries.find((e) => e.moduleRequest)?.moduleRequest;
    if (request) add(request.value, isTypeStatement(s.start) ? "type" : "static");
  }
  for (const d of parsed.module.dynamicImports) {
    const specifier = stringLiteral(text.slice(d.moduleRequest.start, d.moduleRequest.end));
    if (specifier !== null) add(specifier, "dynamic");
  }
  const handWritten = layerOf(file) === "web" && !isTestFile(file) ? handWrittenApiIn(parsed.program, lineOf) : [];
  return { file, imports, sql: sqlIn(parsed.program, lineOf), kitCalls, handWritten };
}

/** Rules 1–3: which files of the tree a file may import, by its layer. Null when allowed. */
function layerViolation(file: string, target: string): Violation | null {
  const from = layerOf(file);
  const to = layerOf(target);
  // Files outside src/ (demo data) belong to no layer; the web has its own rule.
  if (from === null || to === null || from === to || from === "web") return null;
  const toIndex = isCapability(to) && target === `src/${to}/index.ts`;
  if (isCapability(from)) {
    if (to === "platform" || toIndex || (to === "app" && isTestSupport(file))) return null;
    return {
      rule: "capability-surface",
      file,
      detail: isCapability(to)
        ? `imports ${target}; only src/${to}/index.ts is open to other capabilities`
        : `imports ${target}; a capability may import src/platform and other capabilities' index.ts (tests also src/app)`,
    };
  }
  if (from === "platform") {
    if (to === "app" && isTestFile(file)) return null;
    return { rule: "platform-independent", file, detail: `imports ${target}; the platform imports only src/platform` };
  }
  if (from === "app") {
    const toTesting = isCapability(to) && target === `src/${to}/testing.ts` && isTestSupport(file);
    if (to === "platform" || toIndex || toTesting) return null;
    return {
      rule: "composition-root",
      file,
      detail: `imports ${target}; src/app reaches capabilities through their index.ts (tests also testing.ts)`,
    };
  }
  return null;
}

/** Rule 4: why a module is unsafe in a browser (it, or what it imports at run time, is server code). */
function serverReasons(modules: Map<string, Module>) {
  const memo = new Map<string, string | null>();
  const reasonFor = (file: string): string | null => {
    if (memo.has(file)) return memo.get(file) ?? null;
    memo.set(file, null); // a cycle back here adds nothing new
    let reason = serverByName(file);
    for (const i of modules.get(file)?.imports ?? []) {
      if (reason) break;
      if (i.kind === "type") continue;
      if (i.target === null) reason = isServerPackage(i.specifier) ? `imports ${i.specifier}` : null;
      else {
        const inner = reasonFor(i.target);
        reason = inner ? `imports ${i.target}, which ${inner}` : null;
      }
    }
    memo.set(file, reason);
    return reason;
  };
  return reasonFor;
}

function webViolations(modules: Map<string, Module>): Violation[] {
  const reasonFor = serverReasons(modules);
  const found: Violation[] = [];
  for (const m of modules.values()) {
    if (layerOf(m.file) !== "web") continue;
    for (const i of m.imports) {
      if (i.kind === "type") continue;
      if (i.target === null && isServerPackage(i.specifier))
        found.push({ rule: "web-browser-safe", file: m.file, detail: `imports the server package ${i.specifier}` });
      if (i.target === null || layerOf(i.target) === "web") continue;
      const reason = reasonFor(i.target);
      if (reason)
        found.push({ rule: "web-browser-safe", file: m.file, detail: `imports ${i.target}, which ${reason}` });
    }
  }
  return found;
}

const sqlAllowed = (file: string) =>
  /(^|-)repository\.ts$/.test(baseName(file)) ||
  file.includes("/repository/") ||
  baseName(file) === "migrations.ts" ||
  file.includes("/migrations/") ||
  file.startsWith("src/platform/db/") ||
  isTestSupport(file);

/** Rule 6: one violation per strongly connected set of static imports, showing one cycle through it. */
function cycleViolations(modules: Map<string, Module>): Violation[] {
  const edges = new Map<string, string[]>();
  for (const m of modules.values()) {
    const targets = m.imports.filter((i) => i.kind === "static" && i.target && modules.has(i.target));
    edges.set(
      m.file,
      targets.map((i) => i.target as string),
    );
  }
  // Tarjan's strongly connected components; recursion depth is the longest import chain.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.includes(v)) components.push(component);
    }
  };
  for (const file of [...edges.keys()].sort()) if (!index.has(file)) connect(file);

  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0] as string;
    // Shortest way back to the start inside the component.
    const previous = new Map<string, string>();
    const queue = [start];
    for (let at = queue.shift(); at !== undefined && !previous.has(start); at = queue.shift()) {
      for (const next of edges.get(at) ?? []) {
        if (!members.has(next) || previous.has(next)) continue;
        previous.set(next, at);
        queue.push(next);
      }
    }
    const cycle = [start];
    for (let at = previous.get(start); at !== undefined && at !== start; at = previous.get(at)) cycle.unshift(at);
    cycle.unshift(start);
    return { rule: "no-cycles", file: start, detail: `import cycle ${cycle.join(" → ")}` };
  });
}

/** Every violation of the rules in a set of source files (paths relative to the repository root). */
export function checkArchitecture(sources: Record<string, string>): Violation[] {
  const modules = new Map<string, Module>();
  const violations: Violation[] = [];
  for (const [file, text] of Object.entries(sources)) {
    const parsed = parseModule(file, text);
    if ("rule" in parsed) violations.push(parsed);
    else modules.set(file, parsed);
  }
  for (const m of modules.values()) {
    for (const i of m.imports) {
      const v = i.target ? layerViolation(m.file, i.target) : null;
      if (v) violations.push(v);
    }
    if (m.handWritten.length > 0)
      violations.push({ rule: "web-derived-client", file: m.file, detail: m.handWritten.join(", ") });
    if (m.kitCalls.length > 0 && !kitUseAllowed(m.file))
      violations.push({
        rule: "service-naming",
        file: m.file,
        detail: `calls ${m.kitCalls.join(", ")} of the service kit`,
      });
    if (m.sql.length > 0 && !sqlAllowed(m.file))
      violations.push({ rule: "sql-in-repositories", file: m.file, detail: m.sql.join(", ") });
  }
  violations.push(...webViolations(modules), ...cycleViolations(modules));
  const unique = new Map(violations.map((v) => [`${v.rule} ${v.file} ${v.detail}`, v]));
  return [...unique.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.file.localeCompare(b.file));
}

/** One block per rule, one line per violation. */
export function describeViolations(violations: Violation[]): string {
  return (Object.keys(rules) as Rule[])
    .map((rule) => [rule, violations.filter((v) => v.rule === rule)] as const)
    .filter(([, found]) => found.length > 0)
    .map(([rule, found]) => [`${rule} (${rules[rule]}):`, ...found.map((v) => `  ${v.file}: ${v.detail}`)].join("\n"))
    .join("\n");
}
