import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import type * as klagomal from "../../../kvalitet/klagomal/api.ts";
import {
  type Category,
  type Channel,
  type ComplaintType,
  categories,
  categorisedTypes,
  categoryLabels,
  channelLabels,
  channels,
  complaintTypeLabels,
  complaintTypes,
  type SenderType,
  senderTypeLabels,
  senderTypes,
} from "../../../kvalitet/klagomal/vocabulary.ts";
import type { BodyOf } from "../../../platform/http/endpoint.ts";
import { useSession } from "../../session.tsx";
import { ErrorMessage, Page } from "../../ui/Page.tsx";
import { useRegisterComplaint } from "./mutations.ts";

type RegisterFields = BodyOf<typeof klagomal.registerComplaint>;

const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());

/** Where the user may register: the units, operating areas and förvaltningar they may read. */
function useRegistrableUnits() {
  const { tree, can } = useSession();
  return tree.filter((n) => ["enhet", "verksamhetsomrade", "forvaltning"].includes(n.kind) && can("read", n.id));
}

function Options<K extends string>({ keys, labels }: { keys: readonly K[]; labels: Record<K, string> }) {
  return (
    <>
      {keys.map((k) => (
        <option key={k} value={k}>
          {labels[k]}
        </option>
      ))}
    </>
  );
}

/**
 * Anyone takes in a synpunkt or klagomål on a unit where they work. Who registered it is not part of the
 * record; without read:kvalitet the registrar does not get it back, only that it arrived.
 */
export function RegisterPage() {
  const { orgNode, can } = useSession();
  const units = useRegistrableUnits();
  const register = useRegisterComplaint();
  const [type, setType] = useState<ComplaintType>("klagomal");
  const defaultUnit = units.find((u) => u.id === orgNode?.id)?.id ?? units[0]?.id;
  const needsCategory = categorisedTypes.includes(type);

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    // The selects offer only the schema's values.
    const body: RegisterFields = {
      orgNodeId: text("orgNodeId"),
      receivedOn: text("receivedOn"),
      channel: text("channel") as Channel,
      senderType: text("senderType") as SenderType,
      type,
      category: (text("category") || null) as Category | null,
      anonymous: data.get("anonymous") === "on",
      political: data.get("political") === "on",
      dnr: text("dnr") || null,
      summary: text("summary"),
      acknowledgedOn: text("acknowledgedOn") || null,
    };
    register.mutate(body, {
      onSuccess: () => {
        form.reset();
        setType("klagomal");
      },
    });
  };

  return (
    <Page title="Registrera synpunkt eller klagomål">
      {register.data ? (
        <div className="card" role="status">
          <p>
            <strong>Registrerad, mottagen {register.data.receivedOn}.</strong> Svar ska ges inom 10 dagar från
            bekräftelsen.{" "}
            {can("read:kvalitet") ? <Link to={`/kvalitet/klagomal/${register.data.id}`}>Öppna ärendet</Link> : null}
          </p>
          {register.data.warnings.map((w) => (
            <p key={w} className="notice">
              {w}
            </p>
          ))}
        </div>
      ) : null}
      <p>
        Registrera synpunkter, klagomål, beröm och förslag som kommer in till dig. Skriv inga personnummer eller namn på
        den enskilde.
      </p>
      {units.length === 0 ? (
        <p className="notice">Du har ingen enhet att registrera på.</p>
      ) : (
        <form onSubmit={send} className="kvalitet-form" aria-label="Registrera synpunkt eller klagomål">
          <fieldset>
            <legend>Vad och var</legend>
            <div className="form-grid">
              <div>
                <label htmlFor="kl-type">Typ</label>
                <select id="kl-type" value={type} onChange={(e) => setType(e.target.value as ComplaintType)}>
                  <Options keys={complaintTypes} labels={complaintTypeLabels} />
                </select>
              </div>
              <div>
                <label htmlFor="kl-category">Kategori</label>
                <select id="kl-category" name="category" required={needsCategory} defaultValue="">
                  <option value="" disabled={needsCategory}>
                    {needsCategory ? "Välj" : "Ingen"}
                  </option>
                  <Options keys={categories} labels={categoryLabels} />
                </select>
              </div>
              <div>
                <label htmlFor="kl-unit">Enhet</label>
                <select id="kl-unit" name="orgNodeId" defaultValue={defaultUnit} required>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </fieldset>
          <fieldset>
            <legend>Hur och från vem</legend>
            <div className="form-grid">
              <div>
                <label htmlFor="kl-received">Mottagen</label>
                <input id="kl-received" name="receivedOn" type="date" required max={today()} defaultValue={today()} />
              </div>
              <div>
                <label htmlFor="kl-acknowledged">Mottagandet bekräftat</label>
                <input id="kl-acknowledged" name="acknowledgedOn" type="date" max={today()} />
              </div>
              <div>
                <label htmlFor="kl-channel">Kanal</label>
                <select id="kl-channel" name="channel" defaultValue="hemsidan">
                  <Options keys={channels} labels={channelLabels} />
                </select>
              </div>
              <div>
                <label htmlFor="kl-sender">Avsändare</label>
                <select id="kl-sender" name="senderType" defaultValue="anhorig">
                  <Options keys={senderTypes} labels={senderTypeLabels} />
                </select>
              </div>
              <div>
                <label htmlFor="kl-dnr">Diarienummer</label>
                <input id="kl-dnr" name="dnr" maxLength={40} placeholder="IF-2024-00012" />
              </div>
            </div>
            <div className="kvalitet-choices">
              <label>
                <input type="checkbox" name="anonymous" />
                Anonym avsändare
              </label>
              <label>
                <input type="checkbox" name="political" />
                Politisk synpunkt
              </label>
            </div>
          </fieldset>
          <fieldset>
            <legend>Synpunkten</legend>
            <label htmlFor="kl-summary">Sammanfattning</label>
            <textarea id="kl-summary" name="summary" required maxLength={4000} aria-describedby="kl-summary-hint" />
            <p id="kl-summary-hint" className="hint">
              Ett personnummer i texten maskeras när du sparar.
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
