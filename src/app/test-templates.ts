// Vitest global setup: the ready-made databases every test file starts from (see app/testing.ts).
import { prepareTestTemplates } from "./testing.ts";

export default prepareTestTemplates;
