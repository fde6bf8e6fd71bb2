import type { FormEvent } from "react";
import type { createInsats } from "../../evb/api.ts";
import type { BodyOf } from "../../platform/http/endpoint.ts";
import { formatCount } from "../../platform/i18n/format.ts";
import { useSession } from "../session.tsx";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { latestError, useCreateInsats, useUpdateInsats } from "./mutations.ts";
import { Field } from "./parts.tsx";
import { useCatalogue } from "./queries.ts";
import type { Catalogue } from "./types.ts";

const sideLabels: Record<string, string> = { kommun: "Kommunens sida", enskild: "Den enskildes sida" };

/** Reason codes; only delay reasons say whose side the delay is on. */
function CodeTable({
  caption,
  codes,
  withSide = false,
}: {
  caption: string;
  codes: Catalogue["delayReasons"];
  withSide?: boolean;
}) {
  return (
    <table className="data">
      <caption>{caption}</caption>
      <ColumnHeads columns={["Orsak", "Kod", withSide && "Vems sida"]} />
      <tbody>
        {codes.map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.label}</th>
            <td>
              <code>{c.code}</code>
            </td>
            {withSide ? <td>{c.side ? sideLabels[c.side] : "–"}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The kommun's insatser with lagrum and the reason codes; the kommun's admin edits them. */
export function CataloguePage() {
  const { orgNode, tree, can } = useSession();
  const catalogue = useCatalogue();
  const create = useCreateInsats();
  const update = useUpdateInsats();
  const kommun = tree.find((n) => n.kind === "kommun" && orgNode?.path.startsWith(n.path));
  const admin = kommun ? can("admin", kommun.id) : false;
  const addInsats = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!orgNode) return;
    const form = event.currentTarget;
    const f = new FormData(form);
    create.mutate(
      {
        orgNodeId: orgNode.id,
        code: String(f.get("code")),
        // The select offers the two laws only.
        law: String(f.get("law")) as BodyOf<typeof createInsats>["law"],
        lagrum: String(f.get("lagrum")),
        name: String(f.get("name")),
      },
      { onSuccess: () => form.reset() },
    );
  };
  const saveLagrum = (id: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const lagrum = String(new FormData(event.currentTarget).get("lagrum"));
    update.mutate({ params: { id }, body: { lagrum } });
  };

  if (catalogue.isLoading) return <Loading />;
  const data = catalogue.data;
  return (
    <Page title="Insatskatalog och orsakskoder">
      <ErrorMessage error={catalogue.error ?? latestError(create, update)} />
      <p>
        Insatserna och deras lagrum är data, inte kod: när lagen ändras ändrar kommunens administratör lagrummet här,
        och tidigare registrerade beslut behåller sin insats.
      </p>
      {data ? (
        <>
          <table className="data">
            <caption>{formatCount(data.insatser.length, "insats", "insatser")}</caption>
            <ColumnHeads columns={["Lag", "Insats", "Lagrum", "Kod", "Används"]} />
            <tbody>
              {data.insatser.map((i) => (
                <tr key={i.id}>
                  <td>{i.law}</td>
                  <th scope="row">{i.name}</th>
                  <td>
                    {admin ? (
                      <form className="evb-inline-form" onSubmit={saveLagrum(i.id)} aria-label={`Lagrum för ${i.name}`}>
                        <label htmlFor={`evb-lagrum-${i.id}`} className="visually-hidden">
                          Lagrum för {i.law} {i.name}
                        </label>
                        <input id={`evb-lagrum-${i.id}`} name="lagrum" defaultValue={i.lagrum} required size={16} />
                        <button type="submit">Spara</button>
                      </form>
                    ) : (
                      i.lagrum
                    )}
                  </td>
                  <td>
                    <code>{i.code}</code>
                  </td>
                  <td>
                    {i.active ? "Ja" : "Nej"}
                    {admin ? (
                      <>
                        {" "}
                        <button
                          type="button"
                          onClick={() => update.mutate({ params: { id: i.id }, body: { active: !i.active } })}
                        >
                          {i.active ? `Inaktivera ${i.name}` : `Aktivera ${i.name}`}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {admin ? (
            <form className="evb-inline-form card" onSubmit={addInsats} aria-label="Ny insats">
              <Field id="evb-new-law" label="Lag">
                <select id="evb-new-law" name="law">
                  <option>LSS</option>
                  <option>SoL</option>
                </select>
              </Field>
              <Field id="evb-new-name" label="Insats">
                <input id="evb-new-name" name="name" required />
              </Field>
              <Field id="evb-new-lagrum" label="Lagrum">
                <input id="evb-new-lagrum" name="lagrum" required placeholder="4 kap. 1 § SoL" />
              </Field>
              <Field id="evb-new-code" label="Kod">
                <input id="evb-new-code" name="code" required pattern="[a-z0-9-]+" placeholder="sol-stodboende" />
              </Field>
              <button type="submit" className="primary">
                Lägg till insats
              </button>
            </form>
          ) : null}
          <CodeTable caption="Orsaker till att beslut inte verkställts" codes={data.delayReasons} withSide />
          <CodeTable caption="Avslutsorsaker" codes={data.closureReasons} />
        </>
      ) : null}
    </Page>
  );
}
