// Ending a meeting that will not be held: a planned one is deleted, a kallat one is inställt with a reason.
// Each needs a second, explicit confirmation; the first button only opens it.
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { MutationForm } from "../../ui/fields.tsx";
import { useCancelMeeting, useDeleteMeeting } from "./mutations.ts";
import type { Meeting } from "./queries.ts";

export function MeetingEnd({ m }: { m: Meeting }) {
  const [open, setOpen] = useState(false);
  if (m.status !== "planerat" && m.status !== "kallat") return null;
  if (!open) {
    return (
      <p className="toolbar">
        <button type="button" onClick={() => setOpen(true)}>
          {m.status === "planerat" ? "Ta bort sammanträdet …" : "Ställ in sammanträdet …"}
        </button>
      </p>
    );
  }
  const close = () => setOpen(false);
  return m.status === "planerat" ? <ConfirmDelete m={m} close={close} /> : <ConfirmCancel m={m} close={close} />;
}

function ConfirmDelete({ m, close }: { m: Meeting; close: () => void }) {
  const remove = useDeleteMeeting();
  const navigate = useNavigate();
  return (
    <MutationForm
      className="card namnd-form"
      aria-label="Ta bort sammanträdet"
      mutation={{
        error: remove.error,
        mutate: () => remove.mutate(m.id, { onSuccess: () => navigate("/namnd/sammantraden") }),
      }}
    >
      <p>
        Ta bort {m.body.name}s sammanträde {m.meetingDate} med dess föredragningslista och närvarolista? Ingen kallelse
        är skickad och inga paragrafer är utfärdade.
      </p>
      <div className="toolbar">
        <button type="submit" disabled={remove.isPending}>
          Ja, ta bort sammanträdet
        </button>
        <button type="button" onClick={close}>
          Avbryt
        </button>
      </div>
    </MutationForm>
  );
}

function ConfirmCancel({ m, close }: { m: Meeting; close: () => void }) {
  const cancel = useCancelMeeting();
  const [reason, setReason] = useState("");
  return (
    <MutationForm
      className="card namnd-form"
      aria-label="Ställ in sammanträdet"
      mutation={{ error: cancel.error, mutate: () => cancel.mutate({ params: { id: m.id }, body: { reason } }) }}
    >
      <p>
        Kallelsen är skickad. Ett inställt sammanträde finns kvar med skälet; punkterna på föredragningslistan släpps så
        att ärendena kan tas upp på ett annat sammanträde, och inga paragrafer utfärdas.
      </p>
      <label htmlFor="cancel-reason">Skäl till att sammanträdet ställs in</label>
      <textarea id="cancel-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />
      <div className="toolbar">
        <button type="submit" disabled={cancel.isPending}>
          Ja, ställ in sammanträdet
        </button>
        <button type="button" onClick={close}>
          Avbryt
        </button>
      </div>
    </MutationForm>
  );
}
