import type { ReactNode } from "react";

/** A wide table's frame that scrolls sideways on its own, reachable and named for keyboard users. */
export function ScrollFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="kp-scroll" tabIndex={0} aria-label={`${label}, rullbar i sidled`}>
      {children}
    </section>
  );
}
