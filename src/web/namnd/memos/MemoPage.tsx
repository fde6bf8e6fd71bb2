import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import * as memos from "../../../namnd/memos/api.ts";
import { memoDocument } from "../../../namnd/memos/document.ts";
import { memoStatusLabels } from "../../../namnd/memos/vocabulary.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { hrefOf } from "../../api.ts";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { DocumentPreview } from "./DocumentPreview.tsx";
import { contentOf, draftOf, inputOf, type MemoDraft } from "./draft.ts";
import { MemoForm } from "./MemoForm.tsx";
import { useCompleteMemo, useNewMemoVersion, useUpdateMemo } from "./mutations.ts";
import { type Memo, useMemoQuery } from "./queries.ts";

function Downloads({ memo }: { memo: Memo }) {
  const params = { params: { id: memo.id } };
  return (
    <nav className="toolbar" aria-label="Hämta tjänsteskrivelsen">
      <a href={hrefOf(memos.memoDocx, params)} download>
        Hämta Word (DOCX)
      </a>
      <a href={hrefOf(memos.memoPdf, params)} download>
        Hämta PDF
      </a>
    </nav>
  );
}

function Status({ memo }: { memo: Memo }) {
  const text =
    memo.status === "klar"
      ? `Klar ${memo.completedOn ? formatDate(memo.completedOn) : ""} – låst`
      : `${memoStatusLabels[memo.status]} – kan ändras`;
  return (
    <p className="memo-status">
      Version {memo.version}, {text}.{" "}
      {memo.supersededById ? (
        <Link to={`/namnd/tjansteskrivelser/${memo.supersededById}`}>Visa den nyare versionen</Link>
      ) : null}
      {memo.supersedesId ? (
        <Link to={`/namnd/tjansteskrivelser/${memo.supersedesId}`}>Visa föregående version</Link>
      ) : null}
    </p>
  );
}

/** A draft the writer edits: save, or mark klar (which locks it). */
function DraftEditor({ memo }: { memo: Memo }) {
  const [draft, setDraft] = useState<MemoDraft>(() => draftOf(memo));
  const update = useUpdateMemo();
  const complete = useCompleteMemo();
  const [saved, setSaved] = useState(false);
  const save = () =>
    update.mutate({ params: { id: memo.id }, body: inputOf(draft) }, { onSuccess: () => setSaved(true) });
  // Saves first, so what is marked klar is what the writer sees.
  const markDone = () =>
    update.mutate(
      { params: { id: memo.id }, body: inputOf(draft) },
      { onSuccess: () => complete.mutate({ params: { id: memo.id } }) },
    );
  return (
    <MemoForm
      draft={draft}
      onChange={(next) => {
        setSaved(false);
        setDraft(next);
      }}
      context={{
        namndName: memo.namnd.name,
        municipality: memo.municipality,
        diarienummer: memo.case.diarienummer,
        documents: memo.documents,
        version: memo.version,
      }}
      actions={
        <>
          <div className="toolbar">
            <button type="button" className="primary" onClick={save} disabled={update.isPending}>
              Spara utkast
            </button>
            <button type="button" onClick={markDone} disabled={update.isPending || complete.isPending}>
              Markera klar
            </button>
          </div>
          {saved ? (
            <p role="status" className="ok">
              Utkastet är sparat.
            </p>
          ) : null}
          <ErrorMessage error={update.error ?? complete.error} />
        </>
      }
    />
  );
}

function LockedMemo({ memo }: { memo: Memo }) {
  const navigate = useNavigate();
  const newVersion = useNewMemoVersion();
  const doc = memoDocument(
    contentOf(draftOf(memo)),
    {
      status: memo.status,
      version: memo.version,
      letterhead: memo.letterhead,
      department: memo.department,
      handler: memo.handler,
    },
    {
      namndName: memo.namnd.name,
      municipality: memo.municipality,
      diarienummer: memo.case.diarienummer,
      documents: memo.documents,
    },
  );
  return (
    <>
      {memo.canWrite && !memo.supersededById ? (
        <div className="toolbar">
          <button
            type="button"
            onClick={() =>
              newVersion.mutate(
                { params: { id: memo.id } },
                { onSuccess: (next) => navigate(`/namnd/tjansteskrivelser/${next.id}`) },
              )
            }
            disabled={newVersion.isPending}
          >
            Skapa ny version för att ändra
          </button>
          <ErrorMessage error={newVersion.error} />
        </div>
      ) : null}
      <DocumentPreview doc={doc} label="Tjänsteskrivelsen" />
    </>
  );
}

/** One tjänsteskrivelse: the editor while it is an utkast (for writers), otherwise the memo as printed. */
export function MemoPage() {
  const { id = "" } = useParams();
  const result = useMemoQuery(id);
  const memo = result.data;
  return (
    <Page title={memo ? `Tjänsteskrivelse – ${memo.title}` : "Tjänsteskrivelse"}>
      <ErrorMessage error={result.error} />
      {result.isLoading ? <Loading /> : null}
      {memo ? (
        <>
          <p>
            Ärende <Link to={`/namnd/arenden/${memo.case.id}`}>{`${memo.case.diarienummer} ${memo.case.title}`}</Link>
          </p>
          <Status memo={memo} />
          <Downloads memo={memo} />
          {memo.canWrite && memo.status === "utkast" ? (
            <DraftEditor key={`${memo.id}-${memo.status}`} memo={memo} />
          ) : (
            <LockedMemo memo={memo} />
          )}
        </>
      ) : null}
    </Page>
  );
}
