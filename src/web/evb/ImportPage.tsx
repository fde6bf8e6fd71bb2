import { type FormEvent, useState } from "react";
import { formatCount } from "../../platform/i18n/format.ts";
import { useSession } from "../session.tsx";
import { ErrorMessage, Page, Progress } from "../ui/Page.tsx";
import { useImportDecisions } from "./mutations.ts";
import { Field } from "./parts.tsx";

const columns =
  "id,kon,enhet,lag,lagrum,insats,beslutsdatum,avbrott_fran,avbrott_till,verkstallt,avslutat,avslutsorsak,orsakskod,skal,erbjudanden";

/** Uploads a CSV of decisions; all rows are checked first and a single bad row stops the whole file. */
export function ImportPage() {
  const { orgNode, can } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportDecisions();
  const submit = (dryRun: boolean) => (event: FormEvent) => {
    event.preventDefault();
    if (file && orgNode) upload.mutate({ orgNodeId: orgNode.id, dryRun, file });
  };

  if (!can("write:evb")) {
    return (
      <Page title="Importera beslut">
        <p className="notice">Du saknar behörighet att registrera ej verkställda beslut här.</p>
      </Page>
    );
  }
  const r = upload.data;
  return (
    <Page title="Importera beslut">
      <div className="card">
        <p>
          En CSV-fil med kommatecken och rubrikraden <code>{columns}</code> (valfritt även <code>delvis</code> som ”1 av
          2” och <code>skyddad</code> ja/nej). Datum skrivs ÅÅÅÅ-MM-DD, erbjudanden som{" "}
          <code>2024-01-15:nej;2024-03-02:ja</code>. Enheten anges med namn eller kod under {orgNode?.name}. Beslut som
          redan finns (samma id, insats och beslutsdatum) uppdateras.
        </p>
        <p>Alla rader kontrolleras först. Har en enda rad fel sparas ingenting, och felen visas med radnummer.</p>
      </div>
      <form className="evb-inline-form" onSubmit={submit(false)} aria-label="Importera CSV-fil">
        <Field id="evb-import-file" label="CSV-fil">
          <input
            id="evb-import-file"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Field>
        <button type="button" onClick={submit(true)} disabled={!file || upload.isPending}>
          Kontrollera
        </button>
        <button type="submit" className="primary" disabled={!file || upload.isPending}>
          Importera
        </button>
      </form>
      {upload.isPending && <Progress label={upload.variables?.dryRun ? "Kontrollerar filen" : "Importerar"} />}
      <ErrorMessage error={upload.error} />
      {r ? (
        <p className="notice" role="status">
          {r.dryRun ? "Filen är kontrollerad och kan importeras (inget sparat)" : "Importen är klar"}:{" "}
          {formatCount(r.rows, "rad", "rader")}, {formatCount(r.created, "nytt", "nya")},{" "}
          {formatCount(r.updated, "ändrat", "ändrade")}, {formatCount(r.unchanged, "oförändrat", "oförändrade")}.
        </p>
      ) : null}
    </Page>
  );
}
