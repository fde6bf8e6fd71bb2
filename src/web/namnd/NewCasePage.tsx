import type { FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { useSession } from "../session.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { useRegisterCase } from "./mutations.ts";
import { useHandlers, useLists } from "./queries.ts";

/** Registering a case: it gets today's date and the next number of the nämnd's series for the year. */
export function NewCasePage() {
  const { orgNode, can } = useSession();
  const lists = useLists();
  const handlers = useHandlers();
  const register = useRegisterCase();
  const navigate = useNavigate();

  if (!can("write:namnd")) {
    return (
      <Page title="Registrera ärende">
        <p className="notice">
          Du saknar behörighet att registrera ärenden; det gör nämndsekreteraren. Diariet läser den som har en roll i
          nämnden.
        </p>
      </Page>
    );
  }
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    register.mutate(
      {
        body: {
          orgNodeId: orgNode?.id ?? "",
          title: text("title"),
          type: text("type"),
          receivedOn: text("receivedOn") || null,
          handlerId: text("handlerId") || null,
          standing: data.get("standing") === "on",
        },
      },
      { onSuccess: (c) => navigate(`/namnd/arenden/${c.id}`) },
    );
  };
  if (lists.isLoading) return <Loading />;
  return (
    <Page title="Registrera ärende">
      <ErrorMessage error={lists.error} />
      <form className="namnd-form card" onSubmit={send} aria-label="Nytt ärende">
        <p className="namnd-hint">
          Ärendet registreras i dag i {lists.data?.namnd.name} och får nästa diarienummer i årets serie.
        </p>
        <label htmlFor="nc-title">Rubrik</label>
        <input id="nc-title" name="title" type="text" required maxLength={500} size={60} />
        <div className="form-grid">
          <div>
            <label htmlFor="nc-type">Ärendetyp</label>
            <select id="nc-type" name="type" defaultValue="allmant">
              {lists.data?.types
                .filter((t) => t.active)
                .map((t) => (
                  <option key={t.code} value={t.code}>
                    {t.name}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label htmlFor="nc-received">Inkom (om ärendet kom utifrån)</label>
            <input id="nc-received" name="receivedOn" type="date" />
          </div>
          <div>
            <label htmlFor="nc-handler">Handläggare</label>
            <select id="nc-handler" name="handlerId" defaultValue="">
              <option value="">Ingen ännu</option>
              {handlers.data?.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="namnd-check">
          <input type="checkbox" name="standing" /> Stående ärende (ett per år, rubriken får årtalet)
        </label>
        <div className="toolbar">
          <button type="submit" className="primary" disabled={register.isPending}>
            Registrera
          </button>
        </div>
        <ErrorMessage error={register.error} />
      </form>
    </Page>
  );
}
