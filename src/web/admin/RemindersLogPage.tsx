import { Link } from "react-router-dom";
import { formatCount, formatDateTime } from "../../platform/i18n/format.ts";
import { deliveryStatusLabels } from "../../platform/reminders/vocabulary.ts";
import { useDeliveryLog } from "../settings/queries.ts";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";

/** The reminder job's send log: what went to whom, what waits for a retry, and whether mail is set up at all. */
export function RemindersLogPage() {
  const log = useDeliveryLog();
  if (log.isLoading) return <Loading />;
  if (!log.data) return <ErrorMessage error={log.error} />;
  const { mailConfigured, intervalMinutes, rows } = log.data;
  return (
    <Page title="Påminnelser via e-post">
      {mailConfigured ? (
        <p>
          Påminnelsejobbet körs var {formatCount(intervalMinutes ?? 0, "minut", "minuter")}. Ett mejl som inte gick fram
          försöks igen efter en stund, allt längre mellan försöken.
        </p>
      ) : (
        <p role="status">
          <strong>E-post är inte konfigurerad</strong> (LOTS_SMTP_URL saknas): inga påminnelser skickas. Se README om
          hur servern kopplas till kommunens e-postserver.
        </p>
      )}
      <ScrollFrame label="Sändningslogg">
        <table className="data">
          <caption>{formatCount(rows.length, "påminnelse", "påminnelser")} (de senaste)</caption>
          <ColumnHeads columns={["Skapad", "Mottagare", "Påminnelse", "Datum", "Status", "Försök", "Skickad", "Fel"]} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.recipient}</td>
                <td>
                  <Link to={r.href}>{r.reference ? `${r.title} (${r.reference})` : r.title}</Link>
                </td>
                <td>{r.dueOn}</td>
                <td>{deliveryStatusLabels[r.status]}</td>
                <td className="num">{r.attempts}</td>
                <td>{r.sentAt ? formatDateTime(r.sentAt) : "–"}</td>
                <td>{r.lastError ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
    </Page>
  );
}
