import { afterAll, beforeAll } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";

export type DemoApp = { t: TestApp; ifo: string; vo: string };

/**
 * Opens the HTTP app over the full demo for the test file (closed after it) and hands it over with the ids of
 * the two demo committees: IFO, whose economy the demo holds, and Vård & Omsorg, which must stay out of reach.
 */
export function withDemoApp(use: (demo: DemoApp) => void): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await testApp({ fullDemo: true });
    use({ t, ifo: t.demo.nodes.ifo?.id ?? "", vo: t.demo.nodes.vo?.id ?? "" });
  });
  afterAll(() => t?.close());
}
