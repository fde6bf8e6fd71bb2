import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import * as auth from "../platform/auth/api.ts";
import * as oidc from "../platform/auth/oidc/api.ts";
import { call, hrefOf, keyOf, setCsrfToken, useApi } from "./api.ts";
import { ErrorMessage, Loading } from "./ui/Page.tsx";

export function Login() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Which ways in the server offers; if it cannot say, the password form is the fallback.
  const methods = useApi(oidc.methods, {});
  const localLogin = methods.data?.localLogin ?? !methods.isLoading;
  useEffect(() => {
    document.title = "Logga in – Lots";
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await call(auth.login, {
        body: { username: String(form.get("username")), password: String(form.get("password")) },
      });
      setCsrfToken(result.csrfToken);
      queryClient.setQueryData(keyOf(auth.me), result.user);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form onSubmit={submit} className="card" aria-labelledby="login-title">
        <h1 id="login-title">Logga in i Lots</h1>
        <p className="muted">Styrning och uppföljning för socialtjänstens nämnd.</p>
        {methods.isLoading && <Loading />}
        {methods.data?.oidc && (
          // A navigation, not a fetch: the identity provider's pages take over the browser.
          <a className="button primary" href={hrefOf(oidc.start, {})}>
            Logga in med {methods.data.oidc.name}
          </a>
        )}
        {localLogin && (
          <>
            {methods.data?.oidc && <p className="muted">eller med användarnamn och lösenord</p>}
            <label htmlFor="username">Användarnamn</label>
            <input id="username" name="username" autoComplete="username" required />
            <label htmlFor="password">Lösenord</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required />
            <ErrorMessage error={error} />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? "Loggar in…" : "Logga in"}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
