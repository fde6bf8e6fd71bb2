import { type ReactNode, useEffect } from "react";
import { formatNumber } from "../../platform/i18n/format.ts";
import { ApiError } from "../api.ts";

/** A page with its h1 and the document title kept in step, so screen readers announce where they are. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Lots`;
  }, [title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/**
 * A wide table scrolls sideways inside this frame instead of pushing the page wider than the window. The
 * frame is a labelled region in the tab order, so keyboard users can scroll it too.
 */
export function ScrollFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="scroll-frame" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

export function Loading({ what = "Laddar" }: { what?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {what}…
    </p>
  );
}

/**
 * Work under way that takes a while (an upload, an import), announced to screen readers: a bar filled to
 * `share` (0–1) when how far it has come is known, else an indeterminate one.
 */
export function Progress({ label, share }: { label: string; share?: number }) {
  const percent = share === undefined ? null : Math.floor(share * 100);
  return (
    <div className="progress" role="status" aria-live="polite">
      <progress aria-label={label} value={share} max={1} />
      <span>
        {label}
        {percent === null ? "…" : `: ${percent} %`}
      </span>
    </div>
  );
}

type Problem = { field: string; message: string; row?: number; label?: string };

/**
 * Shows the server's Swedish message; when it named field problems, its heading once and the problems as a
 * list (the message repeats them for API users), each by the field's label.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details =
    error instanceof ApiError
      ? (error.problem.details as { heading?: string; problems?: Problem[] } | undefined)
      : undefined;
  const problems = details?.problems ?? [];
  if (problems.length === 0) {
    return (
      <div className="error" role="alert">
        <p>{message}</p>
      </div>
    );
  }
  return (
    <div className="error" role="alert">
      <p>{details?.heading ? `${details.heading}:` : "Uppgifterna kunde inte sparas:"}</p>
      <ul>
        {problems.slice(0, 50).map((p) => (
          <li key={`${p.row ?? ""}-${p.field}-${p.message}`}>
            {p.row !== undefined ? `Rad ${p.row}: ` : ""}
            {p.label ?? p.field}: {p.message}
          </li>
        ))}
      </ul>
      {problems.length > 50 && <p>… och {formatNumber(problems.length - 50)} till.</p>}
    </div>
  );
}

/** Placeholder for a capability that is not built yet: says what will come, not a blank page. */
export function ComingSoon({ title, text }: { title: string; text: string }) {
  return (
    <Page title={title}>
      <div className="card">
        <p>
          <strong>Kommer snart.</strong> {text}
        </p>
      </div>
    </Page>
  );
}

/** A section the user holds no role for: said plainly, instead of forms whose every request is refused. */
export function ForbiddenPage({ title, what }: { title: string; what: string }) {
  return (
    <Page title={title}>
      <p className="notice">
        Du saknar behörighet till {what}. Be en administratör om en roll om du behöver den, eller gå till{" "}
        <a href="/">översikten</a>.
      </p>
    </Page>
  );
}

/** An address no page answers: said plainly, with the way back, instead of an empty frame. */
export function NotFoundPage() {
  return (
    <Page title="Sidan finns inte">
      <p>
        Adressen finns inte i Lots. Välj en sida i menyn eller gå till <a href="/">översikten</a>.
      </p>
    </Page>
  );
}
