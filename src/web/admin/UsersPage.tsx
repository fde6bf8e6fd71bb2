import { type FormEvent, useState } from "react";
import type { Role } from "../../platform/auth/roles.ts";
import { formatCount } from "../../platform/i18n/format.ts";
import { roleLabels, useSession } from "../session.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { useCreateUser, useRemoveRole, useSetUserActive } from "./mutations.ts";
import { useAdminUsers } from "./queries.ts";

export function UsersPage() {
  const { tree } = useSession();
  const users = useAdminUsers();
  const [formError, setFormError] = useState<unknown>(null);
  const create = useCreateUser();
  const setActive = useSetUserActive();
  const removeRole = useRemoveRole();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const form = new FormData(event.currentTarget);
    const orgNodeId = String(form.get("orgNodeId"));
    create.mutate(
      {
        username: String(form.get("username")),
        displayName: String(form.get("displayName")),
        email: String(form.get("email") ?? "") || null,
        password: String(form.get("password")),
        orgNodeId,
        roles: [
          {
            role: String(form.get("role")) as Role,
            orgNodeId,
            validUntil: String(form.get("validUntil") ?? "") || null,
          },
        ],
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset(), onError: setFormError },
    );
  };

  return (
    <Page title="Användare och roller">
      <form className="card" onSubmit={submit} aria-labelledby="new-user">
        <h2 id="new-user">Ny användare</h2>
        <div className="form-grid">
          <div>
            <label htmlFor="u-username">Användarnamn</label>
            <input id="u-username" name="username" required />
          </div>
          <div>
            <label htmlFor="u-name">Namn</label>
            <input id="u-name" name="displayName" required />
          </div>
          <div>
            <label htmlFor="u-email">E-post</label>
            <input id="u-email" name="email" type="email" />
          </div>
          <div>
            <label htmlFor="u-password">Lösenord (minst 10 tecken)</label>
            <input id="u-password" name="password" type="password" minLength={10} required />
          </div>
          <div>
            <label htmlFor="u-node">Enhet och omfång</label>
            <select id="u-node" name="orgNodeId" required>
              {tree.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="u-role">Roll</label>
            <select id="u-role" name="role">
              {Object.entries(roleLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="u-valid">Behörighet gäller till och med</label>
            <input id="u-valid" name="validUntil" type="date" />
          </div>
          <div>
            <button type="submit" className="primary" disabled={create.isPending}>
              Skapa användare
            </button>
          </div>
        </div>
        <ErrorMessage error={formError} />
      </form>
      <ErrorMessage error={users.error} />
      {users.isLoading ? (
        <Loading />
      ) : (
        <table className="data">
          <caption>Användare du administrerar</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Användarnamn</th>
              <th scope="col">Hemenhet</th>
              <th scope="col">Roller</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((u) => (
              <tr key={u.id}>
                <td>{u.displayName}</td>
                <td>{u.username}</td>
                <td>{u.orgNodeName}</td>
                <td>
                  <ul>
                    {u.roles.map((r) => (
                      <li key={r.id}>
                        {roleLabels[r.role] ?? r.role} – {r.orgNodeName}
                        {r.validUntil ? ` (t.o.m. ${r.validUntil})` : ""}{" "}
                        {u.manageable && (
                          <button
                            type="button"
                            onClick={() => removeRole.mutate(r.id)}
                            aria-label={`Ta bort rollen ${roleLabels[r.role] ?? r.role} för ${u.displayName}`}
                          >
                            Ta bort
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                  {u.rolesOutsideScope > 0 && (
                    <p className="muted">
                      {formatCount(u.rolesOutsideScope, "roll", "roller")} utanför ditt ansvarsområde ; kontot kan bara
                      ändras av en administratör med behörighet även där.
                    </p>
                  )}
                </td>
                <td>
                  {u.active ? "Aktiv" : "Inaktiverad"}{" "}
                  {u.manageable && (
                    <button type="button" onClick={() => setActive.mutate({ id: u.id, active: !u.active })}>
                      {u.active ? "Inaktivera" : "Aktivera"}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
