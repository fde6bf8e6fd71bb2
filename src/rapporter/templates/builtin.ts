// The built-in templates: data files validated by the same schema as an admin's edit. They are stored as
// version 1 of each template when a kommun's templates are installed; renderers never see these files.
import { parseInput } from "../../platform/validation.ts";
import { type TemplateDefinition, templateContent } from "../template.ts";
import arsberattelse from "./arsberattelse.json" with { type: "json" };
import delarsrapport from "./delarsrapport.json" with { type: "json" };
import evbKvartal from "./evb-kvartal.json" with { type: "json" };
import internkontroll from "./internkontroll.json" with { type: "json" };
import kvalitetsberattelse from "./kvalitetsberattelse.json" with { type: "json" };
import lexSarah from "./lex-sarah.json" with { type: "json" };
import paEnMinut from "./pa-en-minut.json" with { type: "json" };

const builtIn = (file: Omit<TemplateDefinition, "content"> & { content: unknown }): TemplateDefinition => ({
  ...file,
  content: parseInput(templateContent, file.content, `Den inbyggda mallen ${file.code} är ogiltig`),
});

// In the order the kommun's list shows them (by name).
export const builtInTemplates: TemplateDefinition[] = [
  builtIn(delarsrapport),
  builtIn(paEnMinut),
  builtIn(lexSarah),
  builtIn(kvalitetsberattelse),
  builtIn(evbKvartal),
  builtIn(internkontroll),
  builtIn(arsberattelse),
];
