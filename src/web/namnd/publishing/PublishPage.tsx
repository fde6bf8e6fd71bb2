// Reviewing a meeting's föredragningslista or protokoll before publication: the text with every mask Lots
// proposes (personnummer, private persons' names), each of which the reviewer keeps or lifts with a reason;
// masks of their own (all occurrences of a text, with a reason); items left out under OSL; a preview of what
// the public will read; and "Granskad och publicerad", which records the review.
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import {
  finalMasks,
  type Review as MaskReview,
  publishedBlocks,
  type Span,
  sameSpan,
  spanText,
} from "../../../namnd/publishing/masking.ts";
import {
  type MaskKind,
  maskKindLabels,
  maskKinds,
  type PublicationKind,
  publicationKindLabels,
  publicationKinds,
} from "../../../namnd/publishing/vocabulary.ts";
import { isForbidden } from "../../api.ts";
import { PublicText } from "../../public/PublicText.tsx";
import { MutationForm, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, ForbiddenPage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { usePublish } from "./mutations.ts";
import { type Review, useReview } from "./queries.ts";
import "./publishing.css";

export function PublishPage() {
  const { id = "", kind: kindParam = "" } = useParams();
  const kind: PublicationKind = (publicationKinds as readonly string[]).includes(kindParam)
    ? (kindParam as PublicationKind)
    : "protokoll";
  const review = useReview(id, kind);
  // Held here: publishing reads the review again (its versions), which draws the form anew.
  const publish = usePublish();
  if (isForbidden(review.error)) return <ForbiddenPage title="Publicering" what="granskningen före publicering" />;
  const r = review.data;
  return (
    <Page title={r ? `Granska och publicera: ${r.title}` : `Publicera ${publicationKindLabels[kind].toLowerCase()}`}>
      <p>
        <Link to={`/namnd/sammantraden/${id}`}>Tillbaka till sammanträdet</Link>
      </p>
      <ErrorMessage error={review.error} />
      {review.isLoading ? <Loading /> : null}
      {publish.data ? (
        <p className="notice" role="status">
          Granskad och publicerad: {publish.data.title}, version {publish.data.version}.{" "}
          <Link to={`/offentligt/publicering/${publish.data.id}`}>Visa den publicerade sidan</Link>. Kontrollsumma{" "}
          <code>{publish.data.checksum}</code>.
        </p>
      ) : null}
      {r ? <ReviewForm key={r.sourceChecksum + r.versions.length} r={r} publish={publish} /> : null}
    </Page>
  );
}

type Added = Span & { kind: MaskKind; reason: string };
const spanKey = (s: Span) => `${s.block}:${s.start}:${s.end}`;

function ReviewForm({ r, publish }: { r: Review; publish: ReturnType<typeof usePublish> }) {
  const [lifted, setLifted] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<Added[]>([]);
  const [omitted, setOmitted] = useState<Record<string, string>>({});
  const [note, setNote] = useState("");
  const latest = r.versions[0];
  const liftedSpans = r.proposed
    .filter((p) => spanKey(p) in lifted)
    .map((p) => ({ block: p.block, start: p.start, end: p.end, reason: lifted[spanKey(p)] ?? "" }));
  const decisions: MaskReview = { added, lifted: liftedSpans };
  const masks = finalMasks(r.proposed, decisions);
  const omittedItems = r.items
    .filter((i) => omitted[i.id])
    .map((i) => ({
      itemId: i.id,
      label: i.label,
      lagrum: r.lagrum.find((l) => l.code === omitted[i.id])?.reference ?? "",
    }));
  const preview = publishedBlocks(r, masks, omittedItems);
  const submit = () =>
    publish.mutate({
      params: { id: r.meeting.id },
      body: {
        kind: r.kind,
        sourceChecksum: r.sourceChecksum,
        added,
        lifted: liftedSpans,
        omitted: omittedItems.map((o) => ({ itemId: o.itemId, lagrum: omitted[o.itemId] as string })),
        replacesId: latest?.id ?? null,
        correctionNote: latest ? note : null,
      },
    });
  return (
    <>
      {r.blocked ? (
        <p className="notice" role="note">
          {r.blocked}
        </p>
      ) : null}
      {r.versions.length > 0 ? (
        <section className="card">
          <h2>Publicerade versioner</h2>
          <ul>
            {r.versions.map((v) => (
              <li key={v.id}>
                <Link to={`/offentligt/publicering/${v.id}`}>Version {v.version}</Link>
                {v.replacedBy ? ` (ersatt av version ${v.replacedBy.version})` : ""}
              </li>
            ))}
          </ul>
          <p>En ny publicering blir version {(latest?.version ?? 0) + 1} och ersätter den senaste.</p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="proposed-heading">
        <h2 id="proposed-heading">Föreslagna maskeringar ({r.proposed.length})</h2>
        {r.proposed.length === 0 ? <p>Lots hittade inga personnummer eller namn på privatpersoner i texten.</p> : null}
        <ScrollFrame label="Föreslagna maskeringar">
          <table className="publishing-masks">
            <thead>
              <tr>
                <th scope="col">Maskerad text</th>
                <th scope="col">Slag</th>
                <th scope="col">I stycket</th>
                <th scope="col">Ta bort maskeringen, med skäl</th>
              </tr>
            </thead>
            <tbody>
              {r.proposed.map((p, i) => {
                const key = spanKey(p);
                const isLifted = key in lifted;
                return (
                  <tr key={key}>
                    <td>
                      <mark>{spanText(r.blocks, p)}</mark>
                    </td>
                    <td>{maskKindLabels[p.kind]}</td>
                    <td className="publishing-context">{r.blocks[p.block]?.text}</td>
                    <td>
                      <label>
                        <input
                          type="checkbox"
                          checked={isLifted}
                          onChange={(e) =>
                            setLifted((old) => {
                              const next = { ...old };
                              if (e.target.checked) next[key] = "";
                              else delete next[key];
                              return next;
                            })
                          }
                        />{" "}
                        Ta bort
                      </label>
                      {isLifted ? (
                        <TextField
                          id={`lift-reason-${i}`}
                          label="Skäl"
                          value={lifted[key] ?? ""}
                          required
                          onChange={(v) => setLifted((old) => ({ ...old, [key]: v }))}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollFrame>
      </section>
      <AddMask
        r={r}
        onAdd={(found) => setAdded((old) => [...old, ...found.filter((f) => !old.some((o) => sameSpan(o, f)))])}
      />
      {added.length > 0 ? (
        <section className="card">
          <h2>Egna maskeringar ({added.length})</h2>
          <ul>
            {added.map((a) => (
              <li key={spanKey(a)}>
                <mark>{spanText(r.blocks, a)}</mark> – {maskKindLabels[a.kind]}, skäl: {a.reason}{" "}
                <button type="button" onClick={() => setAdded((old) => old.filter((o) => !sameSpan(o, a)))}>
                  Ta bort
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>Utelämna punkter enligt OSL</h2>
        <div className="form-grid">
          {r.items.map((item) => (
            <SelectField
              key={item.id}
              id={`omit-${item.id}`}
              label={`${item.label} ${r.blocks.find((b) => b.itemId === item.id)?.text.slice(item.label.length + 1) ?? ""}`}
              value={omitted[item.id] ?? ""}
              onChange={(v) => setOmitted((old) => ({ ...old, [item.id]: v }))}
            >
              <option value="">Publiceras</option>
              {r.lagrum.map((l) => (
                <option key={l.code} value={l.code}>
                  Utelämnas enligt {l.reference}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Så publiceras texten</h2>
        <PublicText blocks={preview} />
      </section>
      <MutationForm mutation={{ mutate: submit, error: publish.error }} className="card">
        {latest ? (
          <TextField
            id="correction-note"
            label={`Vad rättas i förhållande till version ${latest.version}?`}
            value={note}
            required
            onChange={setNote}
          />
        ) : null}
        <p>
          {masks.length} maskeringar och {omittedItems.length} utelämnade punkter. Din granskning registreras med namn,
          tid och textens kontrollsumma; det publicerade kan inte ändras, bara ersättas av en ny version.
        </p>
        <button type="submit" disabled={Boolean(r.blocked) || publish.isPending}>
          Granskad och publicera
        </button>
      </MutationForm>
    </>
  );
}

/** Masks every occurrence of a text the reviewer names, with its kind and reason. */
function AddMask({ r, onAdd }: { r: Review; onAdd: (found: Added[]) => void }) {
  const [text, setText] = useState("");
  const [kind, setKind] = useState<MaskKind>("ovrigt");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const add = () => {
    const wanted = text.trim();
    const found: Added[] = [];
    r.blocks.forEach((b, block) => {
      for (let at = b.text.indexOf(wanted); wanted && at >= 0; at = b.text.indexOf(wanted, at + wanted.length)) {
        found.push({ block, start: at, end: at + wanted.length, kind, reason: reason.trim() });
      }
    });
    if (found.length === 0) setMessage(`"${wanted}" finns inte i texten.`);
    else {
      setMessage(`${found.length} ställen maskeras.`);
      onAdd(found);
      setText("");
    }
  };
  return (
    <form
      className="card"
      aria-labelledby="add-mask-heading"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <h2 id="add-mask-heading">Lägg till en maskering</h2>
      <div className="form-grid">
        <TextField
          id="mask-text"
          label="Text att maskera (alla förekomster)"
          value={text}
          required
          onChange={setText}
        />
        <SelectField id="mask-kind" label="Vad maskeras" value={kind} onChange={(v) => setKind(v as MaskKind)}>
          {maskKinds.map((k) => (
            <option key={k} value={k}>
              {maskKindLabels[k]}
            </option>
          ))}
        </SelectField>
        <TextField id="mask-reason" label="Skäl" value={reason} required onChange={setReason} />
      </div>
      <button type="submit">Maskera</button>
      {message ? <p role="status">{message}</p> : null}
    </form>
  );
}
