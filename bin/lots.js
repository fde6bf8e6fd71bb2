#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx lots` works without a separate compile step.
import { register } from "tsx/esm/api";

register();
await import("../src/app/cli.ts");
