import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { todayInSweden } from "../../../platform/calendar.ts";
import { useSession } from "../../session.tsx";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { type Case, useCase } from "../queries.ts";
import { inputOf, type MemoDraft, newDraft } from "./draft.ts";
import { MemoForm } from "./MemoForm.tsx";
import { useCreateMemo } from "./mutations.ts";

function NewMemo({ c }: { c: Case }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const create = useCreateMemo();
  const [draft, setDraft] = useState<MemoDraft>(() =>
    newDraft(todayInSweden(), c.handler ?? { name: user.displayName }),
  );
  const save = () =>
    create.mutate(
      { params: { id: c.id }, body: inputOf(draft) },
      { onSuccess: (memo) => navigate(`/namnd/tjansteskrivelser/${memo.id}`) },
    );
  return (
    <MemoForm
      draft={draft}
      onChange={setDraft}
      context={{
        namndName: c.namnd.name,
        municipality: "",
        diarienummer: c.diarienummer,
        documents: c.documents,
        version: 1,
      }}
      actions={
        <>
          <div className="toolbar">
            <button type="button" className="primary" onClick={save} disabled={create.isPending}>
              Spara utkast
            </button>
            <Link to={`/namnd/arenden/${c.id}`}>Avbryt</Link>
          </div>
          <ErrorMessage error={create.error} />
        </>
      }
    />
  );
}

/** A new tjänsteskrivelse in a case, saved as an utkast. */
export function NewMemoPage() {
  const { id = "" } = useParams();
  const result = useCase(id);
  const c = result.data;
  return (
    <Page title={c ? `Ny tjänsteskrivelse – ${c.diarienummer}` : "Ny tjänsteskrivelse"}>
      <ErrorMessage error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {c ? c.canWrite ? <NewMemo c={c} /> : <p>Du saknar behörighet att skriva tjänsteskrivelser i nämnden.</p> : null}
    </Page>
  );
}
