// The kommun's processes and activities that a plan's risks and egenkontroller name. Everyone reads them; the
// kommun's admin adds, renames and deactivates them. A deactivated one is no longer offered but stays (with its
// current name) on the risks and egenkontroller that have it.
import { useState } from "react";
import { MutationForm, TextField } from "../../ui/fields.tsx";
import { ActiveAndSave, KommunListsPage } from "../../ui/ListEditor.tsx";
import { useAddProcess, useUpdateProcess } from "./mutations.ts";
import { type Process, useProcesses } from "./queries.ts";

const nameOf = (p: Process) => `${p.process} – ${p.activity}`;

function ProcessForm({ entry }: { entry: Process }) {
  const update = useUpdateProcess();
  const [process, setProcess] = useState(entry.process);
  const [activity, setActivity] = useState(entry.activity);
  const [active, setActive] = useState(entry.active);
  const id = `kp-process-${entry.id}`;
  const changed = process !== entry.process || activity !== entry.activity || active !== entry.active;
  const mutation = {
    error: update.error,
    mutate: () => update.mutate({ params: { id: entry.id }, body: { process, activity, active } }),
  };
  return (
    <MutationForm className="toolbar" aria-label={`Ändra ${nameOf(entry)}`} mutation={mutation}>
      <TextField id={`${id}-process`} label="Process" value={process} onChange={setProcess} required />
      <TextField id={`${id}-activity`} label="Aktivitet" value={activity} onChange={setActivity} required />
      <ActiveAndSave
        id={id}
        active={active}
        onActive={setActive}
        canSave={!update.isPending && changed}
        update={update}
      />
    </MutationForm>
  );
}

function NewProcessForm({ kommunId }: { kommunId: string }) {
  const add = useAddProcess();
  const [process, setProcess] = useState("");
  const [activity, setActivity] = useState("");
  const mutation = {
    error: add.error,
    mutate: () =>
      add.mutate(
        { body: { orgNodeId: kommunId, process, activity } },
        {
          onSuccess: () => {
            setProcess("");
            setActivity("");
          },
        },
      ),
  };
  return (
    <MutationForm className="toolbar" aria-label="Ny process" mutation={mutation}>
      <TextField id="kp-process-new-process" label="Process" value={process} onChange={setProcess} required />
      <TextField id="kp-process-new-activity" label="Aktivitet" value={activity} onChange={setActivity} required />
      <button type="submit" disabled={add.isPending}>
        Lägg till
      </button>
    </MutationForm>
  );
}

export function ProcessesPage() {
  return (
    <KommunListsPage title="Processer och aktiviteter" records="risker och egenkontroller" result={useProcesses()}>
      {(data, editable) => (
        <section className="card" aria-labelledby="kp-processes">
          <h2 id="kp-processes">Processer</h2>
          {editable ? (
            <>
              {data.processes.map((p) => (
                // Keyed by id alone: after a save the form keeps its values (now the saved ones) and says so.
                <ProcessForm key={p.id} entry={p} />
              ))}
              <NewProcessForm kommunId={data.kommunId} />
            </>
          ) : (
            <ul>
              {data.processes.map((p) => (
                <li key={p.id}>
                  {nameOf(p)}
                  {p.active ? "" : " (inaktiv)"}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </KommunListsPage>
  );
}
