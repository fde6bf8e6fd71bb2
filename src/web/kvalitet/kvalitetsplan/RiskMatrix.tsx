import { RISK_TEXT_COLOUR } from "../../../kvalitet/risk/risk.ts";
import { formatNumber } from "../../../platform/i18n/format.ts";
import type { Plan } from "./queries.ts";

type MatrixProps = {
  scale: Pick<
    Plan["scale"],
    "likelihoodName" | "likelihoodLabels" | "consequenceName" | "consequenceLabels" | "levels"
  >;
  matrix: Plan["matrix"];
  caption: string;
};

/** A level's name on its colour, so the level never rests on colour alone. */
export function LevelBadge({ level }: { level: { name: string; colour: string } }) {
  return (
    <span className="badge kp-level" style={{ background: level.colour, color: RISK_TEXT_COLOUR }}>
      {level.name}
    </span>
  );
}

/**
 * The risk matrix as a real table: sannolikhet 4 to 1 down the rows, konsekvens 1 to 4 across, each cell in its
 * level's colour with the level named and the numbers of the risks placed there, so a screen reader reads the
 * same as the eye sees.
 */
export function RiskMatrix({ scale, matrix, caption }: MatrixProps) {
  return (
    <table className="kp-matrix">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            {scale.likelihoodName} ↓ / {scale.consequenceName} →
          </th>
          {scale.consequenceLabels.map((label, i) => (
            <th scope="col" key={label}>
              {i + 1} {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.map((row) => {
          const likelihood = row[0]?.likelihood ?? 0;
          return (
            <tr key={likelihood}>
              <th scope="row">
                {likelihood} {scale.likelihoodLabels[likelihood - 1]}
              </th>
              {row.map((cell) => (
                <td
                  key={cell.consequence}
                  style={{ background: cell.level.colour, color: RISK_TEXT_COLOUR }}
                  data-cell={`${cell.likelihood}-${cell.consequence}`}
                >
                  <span className="kp-cell-level">
                    {cell.level.name} ({cell.value})
                  </span>
                  {cell.riskNrs.length > 0 ? (
                    <span className="kp-cell-risks">Risk {cell.riskNrs.join(", ")}</span>
                  ) : null}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The cut-offs in words: "Låg 1–3, Medium 4–7 …". */
export function levelRanges(levels: readonly { name: string; min: number }[], max = 16): string {
  return levels
    .map((l, i) => {
      const upTo = (levels[i + 1]?.min ?? max + 1) - 1;
      return upTo === l.min ? `${l.name} ${l.min}` : `${l.name} ${l.min}–${upTo}`;
    })
    .join(", ");
}

/** "1 risk", "5 risker": a count with its noun in the right number. */
export const countOf = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;
