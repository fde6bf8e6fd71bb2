import { useState } from "react";
import { Link } from "react-router-dom";
import {
  type Appellant,
  appellantLabels,
  appellants,
  councils,
  courts,
  type Issuer,
  issuerLabels,
  issuers,
  type Outcome,
  outcomeLabels,
  outcomes,
  type RulingKind,
  rulingKindLabels,
  rulingKinds,
  type SenderKind,
  senderKindLabels,
  senderKinds,
} from "../../../namnd/incoming/vocabulary.ts";
import { todayInSweden } from "../../../platform/calendar.ts";
import { useSession } from "../../session.tsx";
import { MutationForm, SelectField, TextField } from "../../ui/fields.tsx";
import { Page } from "../../ui/Page.tsx";
import { useRegisterLetter, useRegisterRuling } from "./mutations.ts";

/** The nämndsekreterare's forms for an incoming dom or beslut and for a skrivelse or meddelande. */
export function RegisterIncomingPage() {
  return (
    <Page title="Registrera inkommande">
      <p>
        <Link to="/namnd/inkommande">Tillbaka till inkommande</Link>
      </p>
      <div className="namnd-sections">
        <RulingForm />
        <LetterForm />
      </div>
    </Page>
  );
}

const blank = (text: string) => text.trim() || null;

function RulingForm() {
  const { orgNode } = useSession();
  const register = useRegisterRuling();
  const [issuer, setIssuer] = useState<Issuer>("FR");
  const [kind, setKind] = useState<RulingKind>("dom");
  const [issuerName, setIssuerName] = useState("");
  const [caseNumber, setCaseNumber] = useState("");
  const [reference, setReference] = useState("");
  const [paragraph, setParagraph] = useState("");
  const [decidedOn, setDecidedOn] = useState("");
  const [registeredOn, setRegisteredOn] = useState(todayInSweden());
  const [appellant, setAppellant] = useState<Appellant>("individen");
  const [appellantOther, setAppellantOther] = useState("");
  const [subject, setSubject] = useState("");
  const [law, setLaw] = useState("");
  const [outcome, setOutcome] = useState<Outcome>("avslar_overklagandet");
  const [consequence, setConsequence] = useState("");
  const [diarienummer, setDiarienummer] = useState("");
  const court = courts.includes(issuer);
  const council = councils.includes(issuer);
  const mutation = {
    mutate: () =>
      register.mutate({
        body: {
          orgNodeId: orgNode?.id ?? "",
          issuer,
          issuerName: blank(issuerName),
          kind,
          caseNumber: court ? blank(caseNumber) : null,
          authorityReference: !court && !council ? blank(reference) : null,
          paragraph: council && paragraph ? Number(paragraph) : null,
          decidedOn,
          registeredOn,
          appellant: court ? appellant : null,
          appellantOther: court && appellant === "annan" ? blank(appellantOther) : null,
          subject,
          law: blank(law),
          outcome: court ? outcome : null,
          consequence: blank(consequence),
          diarienummer: blank(diarienummer),
        },
      }),
    error: register.error,
  };
  return (
    <MutationForm mutation={mutation} className="namnd-form card" aria-label="Registrera dom eller beslut">
      <h2>Dom eller beslut</h2>
      <div className="form-grid">
        <SelectField id="ru-issuer" label="Meddelad av" value={issuer} onChange={(v) => setIssuer(v as Issuer)}>
          {issuers.map((i) => (
            <option key={i} value={i}>
              {issuerLabels[i]}
            </option>
          ))}
        </SelectField>
        <SelectField id="ru-kind" label="Slag" value={kind} onChange={(v) => setKind(v as RulingKind)}>
          {rulingKinds.map((k) => (
            <option key={k} value={k}>
              {rulingKindLabels[k]}
            </option>
          ))}
        </SelectField>
        {issuer === "ANNAN" || court ? (
          <TextField
            id="ru-issuer-name"
            label={court ? "Domstol (valfritt)" : "Myndighet"}
            value={issuerName}
            onChange={setIssuerName}
            maxLength={200}
            required={issuer === "ANNAN"}
          />
        ) : null}
        {court ? (
          <TextField
            id="ru-case"
            label="Målnummer"
            value={caseNumber}
            onChange={setCaseNumber}
            placeholder="7405-23"
            required
          />
        ) : council ? (
          <TextField
            id="ru-paragraph"
            label="Paragraf"
            type="number"
            min={1}
            value={paragraph}
            onChange={setParagraph}
            required
          />
        ) : (
          <TextField
            id="ru-reference"
            label="Myndighetens referens"
            value={reference}
            onChange={setReference}
            maxLength={200}
          />
        )}
        <TextField
          id="ru-decided"
          label="Dom- eller beslutsdatum"
          type="date"
          value={decidedOn}
          onChange={setDecidedOn}
          required
        />
        <TextField
          id="ru-registered"
          label="Registrerad"
          type="date"
          value={registeredOn}
          onChange={setRegisteredOn}
          required
        />
        {court ? (
          <>
            <SelectField
              id="ru-appellant"
              label="Överklagat av"
              value={appellant}
              onChange={(v) => setAppellant(v as Appellant)}
            >
              {appellants.map((a) => (
                <option key={a} value={a}>
                  {appellantLabels[a]}
                </option>
              ))}
            </SelectField>
            {appellant === "annan" ? (
              <TextField
                id="ru-appellant-other"
                label="Vilken part (inget namn)"
                value={appellantOther}
                onChange={setAppellantOther}
                maxLength={200}
                required
              />
            ) : null}
            <SelectField id="ru-outcome" label="Utfall" value={outcome} onChange={(v) => setOutcome(v as Outcome)}>
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {outcomeLabels[o]}
                </option>
              ))}
            </SelectField>
          </>
        ) : null}
        <TextField id="ru-law" label="Lagrum" value={law} onChange={setLaw} placeholder="LSS 9 § 2" maxLength={200} />
        <TextField
          id="ru-dnr"
          label="Nämndens diarienummer"
          value={diarienummer}
          onChange={setDiarienummer}
          maxLength={40}
        />
      </div>
      <TextField
        id="ru-subject"
        label={council ? "Paragrafens rubrik" : "Avser"}
        value={subject}
        onChange={setSubject}
        maxLength={500}
        size={50}
        required
      />
      <TextField
        id="ru-consequence"
        label="Konsekvens"
        value={consequence}
        onChange={setConsequence}
        maxLength={1000}
        size={50}
      />
      <p className="namnd-hint">Skriv aldrig den enskildes namn: överklagandet anges som individen.</p>
      <div>
        <button type="submit" className="primary" disabled={register.isPending}>
          Registrera
        </button>
      </div>
      {register.data ? <p role="status">Registrerat: {register.data.text}</p> : null}
    </MutationForm>
  );
}

function LetterForm() {
  const { orgNode } = useSession();
  const register = useRegisterLetter();
  const [diarienummer, setDiarienummer] = useState("");
  const [registeredOn, setRegisteredOn] = useState(todayInSweden());
  const [sender, setSender] = useState("");
  const [senderKind, setSenderKind] = useState<SenderKind>("myndighet");
  const [subject, setSubject] = useState("");
  const mutation = {
    mutate: () =>
      register.mutate({
        body: { orgNodeId: orgNode?.id ?? "", diarienummer, registeredOn, sender, senderKind, subject },
      }),
    error: register.error,
  };
  return (
    <MutationForm mutation={mutation} className="namnd-form card" aria-label="Registrera skrivelse eller meddelande">
      <h2>Skrivelse eller meddelande</h2>
      <div className="form-grid">
        <TextField
          id="le-dnr"
          label="Diarienummer"
          value={diarienummer}
          onChange={setDiarienummer}
          maxLength={40}
          required
        />
        <TextField
          id="le-registered"
          label="Registrerad"
          type="date"
          value={registeredOn}
          onChange={setRegisteredOn}
          required
        />
        <SelectField
          id="le-kind"
          label="Avsändaren är"
          value={senderKind}
          onChange={(v) => setSenderKind(v as SenderKind)}
        >
          {senderKinds.map((k) => (
            <option key={k} value={k}>
              {senderKindLabels[k]}
            </option>
          ))}
        </SelectField>
        <TextField id="le-sender" label="Avsändare" value={sender} onChange={setSender} maxLength={200} required />
      </div>
      <TextField
        id="le-subject"
        label="Ämne"
        value={subject}
        onChange={setSubject}
        maxLength={500}
        size={50}
        required
      />
      <div>
        <button type="submit" className="primary" disabled={register.isPending}>
          Registrera
        </button>
      </div>
      {register.data ? (
        <p role="status">
          Registrerat: {register.data.diarienummer} {register.data.subject}
        </p>
      ) : null}
    </MutationForm>
  );
}
