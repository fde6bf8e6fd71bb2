import type { FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import type * as lexSarah from "../../../kvalitet/lex-sarah/api.ts";
import { GIST_MAX, reportRouteLabels, reportRoutes } from "../../../kvalitet/lex-sarah/vocabulary.ts";
import type { BodyOf } from "../../../platform/http/endpoint.ts";
import { useSession } from "../../session.tsx";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { useRegister } from "./mutations.ts";
import { useLexSarahLists } from "./queries.ts";

type RegisterFields = BodyOf<typeof lexSarah.register>;

const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());

/**
 * SAS registers a lex Sarah report on the unit it concerns; it gets the next number of the nämnd's series.
 * The reporter's name is not asked for.
 */
export function NewCasePage() {
  const { tree, can, orgNode } = useSession();
  const lists = useLexSarahLists();
  const register = useRegister();
  const navigate = useNavigate();
  const units = tree.filter(
    (n) => (n.kind === "enhet" || n.kind === "verksamhetsomrade") && can("write:kvalitet", n.id),
  );
  const defaultUnit = units.find((u) => u.id === orgNode?.id)?.id ?? units[0]?.id;

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    const body: RegisterFields = {
      orgNodeId: text("orgNodeId"),
      reportedOn: text("reportedOn"),
      noticedOn: text("noticedOn"),
      occurredOn: text("occurredOn") || null,
      gist: text("gist"),
      category: text("category"),
      // The select offers only the schema's routes.
      route: text("route") as RegisterFields["route"],
    };
    register.mutate({ body }, { onSuccess: (c) => navigate(`/kvalitet/lex-sarah/${c.id}`) });
  };

  if (lists.isLoading) return <Loading what="Laddar listorna" />;
  return (
    <Page title="Registrera lex Sarah-rapport">
      <p>
        Rapporten får nästa nummer i nämndens serie för rapportåret. Rapportörens namn registreras inte. Skriv inga
        personnummer eller namn på den enskilde.
      </p>
      {units.length === 0 ? (
        <p className="notice">Du har ingen enhet där du får registrera lex Sarah-rapporter.</p>
      ) : (
        <form onSubmit={send} className="kvalitet-form" aria-label="Registrera lex Sarah-rapport">
          <fieldset>
            <legend>Var och när</legend>
            <div className="form-grid">
              <div>
                <label htmlFor="ls-unit">Enhet</label>
                <select id="ls-unit" name="orgNodeId" defaultValue={defaultUnit} required>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="ls-reported">Rapporterad</label>
                <input id="ls-reported" name="reportedOn" type="date" required max={today()} defaultValue={today()} />
              </div>
              <div>
                <label htmlFor="ls-noticed">Upptäcktes</label>
                <input id="ls-noticed" name="noticedOn" type="date" required max={today()} />
              </div>
              <div>
                <label htmlFor="ls-occurred">Inträffade (om känt)</label>
                <input id="ls-occurred" name="occurredOn" type="date" max={today()} />
              </div>
              <div>
                <label htmlFor="ls-route">Hur rapporten kom in</label>
                <select id="ls-route" name="route" defaultValue="handelserapport">
                  {reportRoutes.map((r) => (
                    <option key={r} value={r}>
                      {reportRouteLabels[r]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="ls-category">Kategori</label>
                <select id="ls-category" name="category" required defaultValue="">
                  <option value="" disabled>
                    Välj
                  </option>
                  {lists.data?.categories
                    .filter((c) => c.active)
                    .map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                </select>
              </div>
            </div>
          </fieldset>
          <fieldset>
            <legend>Vad rapporten gäller</legend>
            <label htmlFor="ls-gist">Rapport gällande</label>
            <input
              id="ls-gist"
              name="gist"
              required
              maxLength={GIST_MAX}
              aria-describedby="ls-gist-hint"
              style={{ width: "100%" }}
            />
            <p id="ls-gist-hint" className="hint">
              Kort, som i informationen till nämnden: ”brist i tillsyn under natten”. Ett personnummer maskeras.
            </p>
          </fieldset>
          <button type="submit" className="primary" disabled={register.isPending}>
            Registrera
          </button>
          <ErrorMessage error={register.error} />
        </form>
      )}
    </Page>
  );
}
