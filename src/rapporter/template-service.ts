// The kommun's report templates: anyone who may read a node of the kommun lists and reads them; only the
// kommun's admin saves, and each save is a new version (the old ones stay, so a report can say which it used).
import { kommunIdOf, nodeOrThrow } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { notFound } from "../platform/errors.ts";
import { read, type WriteContext, write } from "../platform/service.ts";
import { parseInput } from "../platform/validation.ts";
import * as repo from "./repository.ts";
import type { RapporterDB } from "./tables.ts";
import { type TemplateContent, type TemplateDefinition, templateContent } from "./template.ts";
import { builtInTemplates } from "./templates/builtin.ts";

type Db = DbOf<RapporterDB>;

const kommunOfNode = async (db: Db, orgNodeId: string) => kommunIdOf((await nodeOrThrow(db, orgNodeId)).path);

export async function listTemplates(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const templates = await repo.templatesOf(db, kommunIdOf(node.path));
    const versions = await repo.versionsOf(
      db,
      templates.map((t) => t.id),
    );
    return templates.map((t) => {
      const own = versions.filter((v) => v.template_id === t.id);
      return {
        code: t.code,
        name: t.name,
        description: t.description,
        version: own[0]?.version ?? 0,
        savedAt: own[0]?.created_at.toISOString() ?? null,
        versions: own.length,
      };
    });
  });
}

/** A stored template version (the newest unless one is asked for), its content validated again on the way out. */
export async function loadTemplate(db: Db, kommunId: string, code: string, version?: number) {
  const template = await repo.findTemplate(db, kommunId, code);
  if (!template) throw notFound(`Mallen ${code}`);
  const stored = await repo.findVersion(db, template.id, version);
  if (!stored) throw notFound(`Version ${version} av mallen ${code}`);
  const content = parseInput(templateContent, stored.content, `Mallen ${code} version ${stored.version} är ogiltig`);
  return {
    code: template.code,
    name: template.name,
    description: template.description,
    version: stored.version,
    content,
  };
}

export async function getTemplate(db: Db, actor: Actor, orgNodeId: string, code: string, version?: number) {
  return read(db, actor, "read", orgNodeId, ({ db, node }) => loadTemplate(db, kommunIdOf(node.path), code, version));
}

async function saveVersion(
  { trx, audit }: Pick<WriteContext<RapporterDB>, "trx" | "audit">,
  kommunId: string,
  definition: TemplateDefinition,
) {
  const existing = await repo.findTemplate(trx, kommunId, definition.code);
  const fields = { name: definition.name, description: definition.description };
  const template = existing
    ? await repo.updateTemplate(trx, existing.id, fields)
    : await repo.insertTemplate(trx, { org_node_id: kommunId, code: definition.code, ...fields });
  if (existing) {
    if (existing.name !== template.name || existing.description !== template.description) {
      await audit("rapport_template", template.id, "update", { before: existing, after: template });
    }
  } else {
    await audit("rapport_template", template.id, "create", { after: template });
  }
  const latest = await repo.findVersion(trx, template.id);
  const version = await repo.insertVersion(trx, {
    template_id: template.id,
    version: (latest?.version ?? 0) + 1,
    content: definition.content,
  });
  await audit("rapport_template_version", version.id, "create", { after: version });
  return { code: template.code, name: template.name, version: version.version };
}

/** Saves the content as the template's next version (creating the template on its first save). */
export async function saveTemplate(
  db: Db,
  actor: Actor,
  orgNodeId: string,
  code: string,
  input: { name: string; description: string; content: TemplateContent },
) {
  const kommunId = await kommunOfNode(db, orgNodeId);
  return write(db, actor, "admin", kommunId, (context) => saveVersion(context, kommunId, { code, ...input }));
}

/** Stores each built-in template the kommun does not have yet, as its version 1. */
export async function installBuiltInTemplates(db: Db, actor: Actor, orgNodeId: string) {
  const kommunId = await kommunOfNode(db, orgNodeId);
  return write(db, actor, "admin", kommunId, async (context) => {
    const installed: string[] = [];
    for (const definition of builtInTemplates) {
      if (await repo.findTemplate(context.trx, kommunId, definition.code)) continue;
      await saveVersion(context, kommunId, definition);
      installed.push(definition.code);
    }
    return { installed };
  });
}

/** The name and colours on the kommun's report covers; the kommun's own name and neutral colours until set. */
export async function profileOf(db: Db, kommunId: string) {
  const profile = await repo.findProfile(db, kommunId);
  if (profile) {
    return { name: profile.name, primaryColour: profile.primary_colour, accentColour: profile.accent_colour };
  }
  return { name: (await nodeOrThrow(db, kommunId)).name, primaryColour: "#1f3a5f", accentColour: "#b5472b" };
}

export async function saveProfile(
  db: Db,
  actor: Actor,
  orgNodeId: string,
  input: { name: string; primaryColour: string; accentColour: string },
) {
  const kommunId = await kommunOfNode(db, orgNodeId);
  return write(db, actor, "admin", kommunId, async ({ trx, audit }) => {
    const before = await repo.findProfile(trx, kommunId);
    const after = await repo.upsertProfile(trx, {
      org_node_id: kommunId,
      name: input.name,
      primary_colour: input.primaryColour,
      accent_colour: input.accentColour,
    });
    await audit("rapport_profile", kommunId, before ? "update" : "create", { before, after });
    return { name: after.name, primaryColour: after.primary_colour, accentColour: after.accent_colour };
  });
}
