import { type FormEvent, useState } from "react";
import type { createNode } from "../../organisation/api.ts";
import type { BodyOf } from "../../platform/http/endpoint.ts";
import { kindLabels, type OrgNode, useSession } from "../session.tsx";
import { ErrorMessage, Page } from "../ui/Page.tsx";
import { useCreateNode } from "./mutations.ts";

function TreeLevel({ nodes, parentId }: { nodes: OrgNode[]; parentId: string | null }) {
  const children = nodes.filter((n) => n.parentId === parentId);
  if (!children.length) return null;
  return (
    <ul>
      {children.map((n) => (
        <li key={n.id}>
          {n.name} <span className="muted">({kindLabels[n.kind].toLowerCase()})</span>
          {n.diariumPrefix ? <span className="badge">diarium {n.diariumPrefix}</span> : null}
          <TreeLevel nodes={nodes} parentId={n.id} />
        </li>
      ))}
    </ul>
  );
}

export function OrganisationPage() {
  const { tree } = useSession();
  const [error, setError] = useState<unknown>(null);
  const create = useCreateNode();
  const roots = tree.filter((n) => !tree.some((p) => p.id === n.parentId));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    create.mutate(
      {
        parentId: String(form.get("parentId")),
        kind: String(form.get("kind")) as BodyOf<typeof createNode>["kind"],
        name: String(form.get("name")),
        diariumPrefix: String(form.get("diariumPrefix") ?? "") || null,
      },
      { onError: setError },
    );
  };

  return (
    <Page title="Organisation">
      <div className="card">
        {roots.map((r) => (
          <ul key={r.id}>
            <li>
              <strong>{r.name}</strong> <span className="muted">({kindLabels[r.kind].toLowerCase()})</span>
              <TreeLevel nodes={tree} parentId={r.id} />
            </li>
          </ul>
        ))}
      </div>
      <form className="card" onSubmit={submit} aria-labelledby="new-node">
        <h2 id="new-node">Ny organisationsenhet</h2>
        <div className="form-grid">
          <div>
            <label htmlFor="n-parent">Ligger under</label>
            <select id="n-parent" name="parentId">
              {tree.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="n-kind">Nivå</label>
            <select id="n-kind" name="kind" defaultValue="enhet">
              {Object.entries(kindLabels)
                .filter(([k]) => k !== "kommun")
                .map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label htmlFor="n-name">Namn</label>
            <input id="n-name" name="name" required />
          </div>
          <div>
            <label htmlFor="n-prefix">Diarieprefix (endast nämnd)</label>
            <input id="n-prefix" name="diariumPrefix" />
          </div>
          <div>
            <button type="submit" className="primary" disabled={create.isPending}>
              Lägg till
            </button>
          </div>
        </div>
        <ErrorMessage error={error} />
      </form>
    </Page>
  );
}
