// Other bodies' identifiers on a case, recognised and written one way. Pure.
//   mål nr (förvaltningsrätt, kammarrätt):  7405-23           (NNNN-YY; "mål nr" before it is dropped)
//   IVO:                                     3.5.1-12345/2023-2 (3.5.1-NNNNN/YYYY-NN)
//   IMY:                                     IMY-2023-12345
//   ministry (Socialdepartementet S, Fi …):  S2023/03181        (also written S2023-03181)
//   another body's diarienummer:             KS-2023-00710      (any variant diarienummer.ts reads)
//   annan:                                   as written, trimmed

import { parseDiarienummer } from "./diarienummer.ts";
import type { ReferenceKind } from "./vocabulary.ts";

export type ReferenceResult = { ok: true; kind: ReferenceKind; value: string } | { ok: false; message: string };

const tidy = (text: string) =>
  text
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00A0]+/g, " ")
    .trim();

const patterns: { kind: Exclude<ReferenceKind, "diarienummer" | "annan">; read: (t: string) => string | null }[] = [
  {
    kind: "ivo",
    read: (t) => {
      const m = /^(?:IVO\s*)?(\d+(?:\.\d+)*)\s*-\s*(\d{1,6})\s*\/\s*(\d{4})\s*-\s*(\d{1,3})$/i.exec(t);
      return m ? `${m[1]}-${m[2]}/${m[3]}-${m[4]}` : null;
    },
  },
  {
    kind: "imy",
    read: (t) => {
      const m = /^IMY\s*-?\s*(\d{4})\s*-\s*(\d{1,6})$/i.exec(t);
      return m ? `IMY-${m[1]}-${m[2]}` : null;
    },
  },
  {
    kind: "departement",
    read: (t) => {
      const m = /^([A-ZÅÄÖ][a-zåäö]{0,2})\s?(\d{4})\s*[/-]\s*(\d{1,6})$/.exec(t);
      return m ? `${m[1]}${m[2]}/${(m[3] as string).padStart(5, "0")}` : null;
    },
  },
  {
    kind: "mal",
    read: (t) => {
      const m = /^(?:mål\s*(?:nr|nummer)?\.?\s*:?\s*)?(\d{1,6})\s*-\s*(\d{2})$/i.exec(t);
      return m ? `${m[1]}-${m[2]}` : null;
    },
  },
];

const expected: Record<ReferenceKind, string> = {
  diarienummer: "som KS-2023-00710",
  mal: "som 7405-23",
  ivo: "som 3.5.1-12345/2023-2",
  imy: "som IMY-2023-12345",
  departement: "som S2023/03181",
  annan: "",
};

/**
 * A reference of the given kind in its one written form, or (kind omitted) the first kind whose pattern the
 * text fits. `ownPrefix` is the nämnd's: a diarienummer of its own is a link to a case, not a foreign reference.
 */
export function parseReference(text: string, ownPrefix: string, kind?: ReferenceKind): ReferenceResult {
  const t = tidy(text);
  if (t === "") return { ok: false, message: "Referensen är tom." };
  if (t.length > 200) return { ok: false, message: "Referensen får vara högst 200 tecken." };
  if (kind === "annan") return { ok: true, kind, value: t };
  for (const p of patterns) {
    if (kind !== undefined && kind !== p.kind) continue;
    const value = p.read(t);
    if (value) return { ok: true, kind: p.kind, value };
  }
  if (kind === undefined || kind === "diarienummer") {
    const d = parseDiarienummer(t, ownPrefix);
    if (d.ok && d.value.foreign) return { ok: true, kind: "diarienummer", value: d.value.canonical };
    if (d.ok) {
      return {
        ok: false,
        message: `${d.value.canonical} är nämndens eget diarienummer: länka ärendena i stället för att ange en referens.`,
      };
    }
  }
  if (kind === undefined) {
    return {
      ok: false,
      message: `Känner inte igen "${t}". Välj slag av referens, eller skriv t.ex. mål nr 7405-23, IVO 3.5.1-12345/2023-2, IMY-2023-12345, S2023/03181 eller KS-2023-00710.`,
    };
  }
  return {
    ok: false,
    message: `"${t}" ser inte ut som ${kind === "mal" ? "ett målnummer" : "ett diarienummer"} ${expected[kind]}.`,
  };
}
