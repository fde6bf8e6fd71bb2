import type { ReactNode } from "react";
import "./klagomal.css";

/** A wide table's frame: it scrolls sideways on a narrow screen, reachable by keyboard. */
export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="kl-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
