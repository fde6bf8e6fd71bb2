import { useState } from "react";
import { formatDateTime } from "../../platform/i18n/format.ts";
import { type ReminderMode, reminderModeLabels, reminderModes } from "../../platform/reminders/vocabulary.ts";
import { SelectField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { useRenewCalendar, useRevokeCalendar, useSaveReminderMode } from "./mutations.ts";
import { useMySettings } from "./queries.ts";

/** The signed-in user's own settings: reminders by e-mail and the secret address of the calendar feed. */
export function SettingsPage() {
  const settings = useMySettings();
  const save = useSaveReminderMode();
  const renew = useRenewCalendar();
  const revoke = useRevokeCalendar();
  const [mode, setMode] = useState<ReminderMode | null>(null);
  if (settings.isLoading) return <Loading />;
  if (!settings.data) return <ErrorMessage error={settings.error} />;
  const s = settings.data;
  const chosen = mode ?? s.mode;

  return (
    <Page title="Mina inställningar">
      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">Påminnelser via e-post</h2>
        <p>
          Lots påminner om tidsfrister i ditt arbete: beslut som snart passerar tre månader, lex Sarah-utredningar och
          synpunkter som dröjer, åtgärder och svar på revisionsgranskningar som ska vara klara, och sammanträden. Mejlen
          innehåller inga personuppgifter, bara vad som gäller och en länk; du loggar in för att se posten.
        </p>
        {!s.mailConfigured ? (
          <p className="muted">E-post är inte konfigurerad på den här servern, så inga påminnelser skickas just nu.</p>
        ) : null}
        <p>
          Mejlen går till <strong>{s.email ?? "– (ingen e-postadress finns på ditt konto)"}</strong>.
        </p>
        <form
          className="toolbar"
          aria-label="Påminnelser via e-post"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(chosen);
          }}
        >
          <SelectField
            id="reminder-mode"
            label="Påminnelser"
            value={chosen}
            onChange={(value) => setMode(value as ReminderMode)}
          >
            {reminderModes.map((m) => (
              <option key={m} value={m}>
                {reminderModeLabels[m]}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="primary" disabled={save.isPending}>
            Spara
          </button>
        </form>
        {save.isSuccess && mode === null ? <p role="status">Sparat.</p> : null}
        {s.isDefault ? <p className="muted">Du har inte valt själv; standardvalet gäller.</p> : null}
        <ErrorMessage error={save.error} />
      </section>

      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Kalender</h2>
        <p>
          Prenumerera på dina sammanträden och tidsfrister i Outlook eller en annan kalender med en hemlig adress. Den
          som har adressen ser händelserna utan att logga in, så dela den inte. Skapar du en ny adress slutar den gamla
          att fungera.
        </p>
        <p>
          {s.calendar.active
            ? `En adress är aktiv sedan ${formatDateTime(s.calendar.issuedAt)}.`
            : "Du har ingen aktiv kalenderadress."}
        </p>
        {renew.data ? (
          <div role="status">
            <label htmlFor="calendar-url">Din nya kalenderadress (visas bara nu – kopiera den)</label>
            <input id="calendar-url" readOnly value={renew.data.url} size={60} onFocus={(e) => e.target.select()} />
          </div>
        ) : null}
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => renew.mutate(undefined)} disabled={renew.isPending}>
            {s.calendar.active ? "Skapa ny adress" : "Skapa kalenderadress"}
          </button>
          {s.calendar.active ? (
            <button type="button" onClick={() => revoke.mutate(undefined)} disabled={revoke.isPending}>
              Stäng av kalendern
            </button>
          ) : null}
        </div>
        <ErrorMessage error={renew.error ?? revoke.error} />
      </section>
    </Page>
  );
}
