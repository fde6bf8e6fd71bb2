// Which roles single sign-on gives: rules from a claim value (a group in Entra ID) to a role on a unit.
// The admin edits a draft, sees what it would do to the users who have signed in, and then saves it.
import { useEffect, useState } from "react";
import type { MappingRuleInput } from "../../platform/auth/oidc/schema.ts";
import type { Role } from "../../platform/auth/roles.ts";
import { formatCount } from "../../platform/i18n/format.ts";
import { roleLabels, useSession } from "../session.tsx";
import { SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";
import { usePreviewSsoRules, useSaveSsoRules, useSsoRules } from "./sso-rules.ts";

const users = (n: number) => formatCount(n, "användare", "användare");

export function SsoRulesPage() {
  const { tree } = useSession();
  const saved = useSsoRules();
  const preview = usePreviewSsoRules();
  const save = useSaveSsoRules();
  const [draft, setDraft] = useState<MappingRuleInput[] | null>(null);
  const [claim, setClaim] = useState("groups");
  const [value, setValue] = useState("");
  const [role, setRole] = useState<Role>("medarbetare");
  const [orgNodeId, setOrgNodeId] = useState(tree[0]?.id ?? "");

  useEffect(() => {
    if (saved.data && draft === null)
      setDraft(saved.data.rules.map(({ claim, value, role, orgNodeId }) => ({ claim, value, role, orgNodeId })));
  }, [saved.data, draft]);

  const nodeName = (id: string) => tree.find((n) => n.id === id)?.name ?? id;
  // A preview belongs to the draft it was made for: any edit asks for a new one before saving.
  const change = (next: MappingRuleInput[]) => {
    setDraft(next);
    preview.reset();
    save.reset();
  };

  if (saved.isLoading || draft === null)
    return (
      <Page title="Inloggning med OpenID Connect">
        {saved.error ? <ErrorMessage error={saved.error} /> : <Loading />}
      </Page>
    );

  return (
    <Page title="Inloggning med OpenID Connect">
      {!saved.data?.configured && (
        <p className="muted">
          Inloggning med OpenID Connect är inte påslagen på servern. Reglerna gäller när den konfigureras (se README).
        </p>
      )}
      <p>
        Reglerna ger roller utifrån anspråk (claims) i identitetsleverantörens intyg, till exempel en grupp i Entra ID.
        De tillämpas vid varje inloggning: roller som reglerna gav ersätts av vad reglerna ger nu, roller som en
        administratör lagt till för hand ligger kvar. Den som inte får någon roll alls kommer inte in.
      </p>
      <form
        className="card"
        aria-labelledby="sso-new-rule"
        onSubmit={(event) => {
          event.preventDefault();
          change([...draft, { claim: claim.trim(), value: value.trim(), role, orgNodeId }]);
          setValue("");
        }}
      >
        <h2 id="sso-new-rule">Ny regel</h2>
        <div className="form-grid">
          <TextField
            id="sso-claim"
            label="Anspråk (claim)"
            value={claim}
            onChange={setClaim}
            required
            maxLength={200}
          />
          <TextField
            id="sso-value"
            label="Värde, t.ex. gruppens namn eller id"
            value={value}
            onChange={setValue}
            required
            maxLength={500}
          />
          <SelectField id="sso-role" label="Roll" value={role} onChange={(v) => setRole(v as Role)}>
            {Object.entries(roleLabels).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </SelectField>
          <SelectField id="sso-node" label="Organisationsenhet" value={orgNodeId} onChange={setOrgNodeId}>
            {tree.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </SelectField>
          <div>
            <button type="submit">Lägg till i förslaget</button>
          </div>
        </div>
      </form>

      <ScrollFrame label="Regler i förslaget">
        <table className="data">
          <caption>Regler i förslaget ({formatCount(draft.length, "regel", "regler")})</caption>
          <thead>
            <tr>
              <th scope="col">Anspråk</th>
              <th scope="col">Värde</th>
              <th scope="col">Roll</th>
              <th scope="col">Organisationsenhet</th>
              <th scope="col">
                <span className="visually-hidden">Ta bort</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.map((rule, index) => (
              <tr key={`${rule.claim}|${rule.value}|${rule.role}|${rule.orgNodeId}`}>
                <td>{rule.claim}</td>
                <td>{rule.value}</td>
                <td>{roleLabels[rule.role] ?? rule.role}</td>
                <td>{nodeName(rule.orgNodeId)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => change(draft.filter((_, i) => i !== index))}
                    aria-label={`Ta bort regeln ${rule.claim} = ${rule.value}`}
                  >
                    Ta bort
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>

      <div className="toolbar">
        <button type="button" onClick={() => preview.mutate({ rules: draft })} disabled={preview.isPending}>
          Visa vad ändringen gör
        </button>
        <button
          type="button"
          className="primary"
          disabled={!preview.data || save.isPending}
          onClick={() => save.mutate({ rules: draft }, { onSuccess: () => preview.reset() })}
        >
          Spara reglerna
        </button>
      </div>
      <ErrorMessage error={preview.error ?? save.error} />
      {save.isSuccess && <p role="status">Reglerna är sparade. De gäller från varje användares nästa inloggning.</p>}
      {preview.data && (
        <section className="card" aria-labelledby="sso-effect">
          <h2 id="sso-effect">Vad ändringen gör</h2>
          <p>Bedömt från de anspråk som {users(preview.data.users)} hade vid sin senaste inloggning.</p>
          <div role="status">
            <ul>
              {preview.data.changes.length === 0 && <li>Ingen användare får eller förlorar någon roll.</li>}
              {preview.data.changes.flatMap((c) => [
                ...(c.gained
                  ? [
                      <li key={`${c.role}|${c.orgNodeId}|+`}>
                        {users(c.gained)} får rollen {roleLabels[c.role] ?? c.role} på {c.orgNodeName}
                      </li>,
                    ]
                  : []),
                ...(c.lost
                  ? [
                      <li key={`${c.role}|${c.orgNodeId}|-`}>
                        {users(c.lost)} förlorar rollen {roleLabels[c.role] ?? c.role} på {c.orgNodeName}
                      </li>,
                    ]
                  : []),
              ])}
              <li>
                {users(preview.data.withoutRole.after)} får ingen roll av reglerna (i dag{" "}
                {preview.data.withoutRole.before})
              </li>
            </ul>
          </div>
          <p className="muted">Roller som lagts till för hand räknas inte här; de ligger kvar.</p>
        </section>
      )}
    </Page>
  );
}
