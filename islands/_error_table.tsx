/**
 * The regression widget's table: one row per model with a toggle to show it, and its error
 * against the true function before adapting and after the last inner step.
 * @module
 */
import type { ModelName } from "../ml/runtime/protocol.ts";
import { SHOWN_MODELS, type ShownModel } from "./_hash.ts";
import { modelColor, type TEXT } from "./_regression_text.ts";

/** A model's result on the current task. */
export interface ErrorRow {
  name: ModelName;
  /** MSE against the true function after 0…n steps (shorter if adaptation diverged). */
  error: number[];
  /** Adaptation produced NaN or Inf. */
  diverged: boolean;
}

/** Props of `ErrorTable`. */
export interface ErrorTableProps {
  text: typeof TEXT.en;
  rows: ErrorRow[];
  /** Models the reader chose to show. */
  selected: ShownModel[];
  /** Inner steps; the last column is the error after this many. */
  steps: number;
  onSelect: (models: ShownModel[]) => void;
}

/** Model toggles with their errors; the live run's row has no toggle. */
export function ErrorTable(props: ErrorTableProps) {
  const t = props.text;
  const toggle = (m: ShownModel, on: boolean) =>
    props.onSelect(SHOWN_MODELS.filter((n) => (n === m ? on : props.selected.includes(n))));
  return (
    <table class="error-table">
      <caption>{t.error}</caption>
      <thead>
        <tr>
          <th scope="col">{t.show}</th>
          <th scope="col">{t.before}</th>
          <th scope="col">{t.after(props.steps)}</th>
        </tr>
      </thead>
      <tbody>
        {[...SHOWN_MODELS, "live" as const].map((m) => {
          const row = props.rows.find((r) => r.name === m);
          return (
            <tr key={m}>
              <th scope="row">
                <label class="model-toggle">
                  {m !== "live" && (
                    <input
                      type="checkbox"
                      checked={props.selected.includes(m)}
                      onChange={(e) => toggle(m, e.currentTarget.checked)}
                    />
                  )}
                  <span class="swatch" style={{ background: modelColor(m) }} />
                  {t.models[m]}
                </label>
              </th>
              <td>{row?.error[0]?.toFixed(3) ?? "–"}</td>
              <td>{row?.diverged ? t.diverged : row?.error[props.steps]?.toFixed(3) ?? "–"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
