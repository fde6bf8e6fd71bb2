import { describe, expect, it } from "vitest";
import { runLots } from "./testing.ts";

// The command tree is declared without loading the capabilities; these check that the help a user reads is
// still whole: every group listed at the top, and a group's own subcommands when it is asked for.
describe("lots help", () => {
  it("lists the platform's commands and every capability's group", async () => {
    const run = await runLots(["--help"]);
    expect(run.code).toBe(0);
    for (const name of [
      "serve",
      "backup",
      "user",
      "styrning",
      "ekonomi",
      "evb",
      "kvalitet",
      "namnd",
      "rapport",
      "reminders",
    ])
      expect(run.stdout).toMatch(new RegExp(`^  ${name}\\b`, "m"));
  });

  it.each([
    [["namnd", "--help"], "dagordning"],
    [["help", "evb"], "install-catalogue"],
    [["kvalitet", "import", "--help"], "handelser"],
    [["reminders", "--help"], "run"],
  ])("%j shows the group's subcommands", async (args, subcommand) => {
    const run = await runLots(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(subcommand);
  });

  it("names an unknown subcommand of a group as an error", async () => {
    const run = await runLots(["evb", "nosuch"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("nosuch");
  });
});
