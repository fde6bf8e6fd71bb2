import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("the händelse types and causes page", () => {
  it("lets the kommun's admin add a type in a group, regroup and deactivate it; the kvalitet role reads the lists", async () => {
    const admin = await e2e.loginAs("admin");
    await admin.goto(`${e2e.baseUrl}/kvalitet/listor`);
    await admin.getByRole("heading", { name: "Händelsetyper och orsaker" }).waitFor();
    const add = admin.getByRole("form", { name: "Ny händelsetyp" });
    await add.getByLabel("Kod (a–z, 0–9, -)").fill("lakemedel-dos");
    await add.getByLabel("Namn").fill("Läkemedel, dosering");
    await add.getByLabel("Grupp").selectOption({ label: "Hälso- och sjukvård (HSL)" });
    await add.getByRole("button", { name: "Lägg till" }).click();

    const entry = admin.getByRole("form", { name: "Ändra lakemedel-dos" });
    await entry.waitFor();
    expect(await entry.getByLabel("Grupp").inputValue()).toBe("hsl");
    expect(await accessibilityViolations(admin)).toEqual([]);
    await entry.getByLabel("Grupp").selectOption({ label: "Socialtjänst" });
    await entry.getByLabel("Aktiv").uncheck();
    await entry.getByRole("button", { name: "Spara" }).click();
    await waitForText(entry.getByRole("status"), "Sparad.");
    await admin.reload();
    const saved = admin.getByRole("form", { name: "Ändra lakemedel-dos" });
    await saved.waitFor();
    expect(await saved.getByLabel("Grupp").inputValue()).toBe("social");
    expect(await saved.getByLabel("Aktiv").isChecked()).toBe(false);

    await add.getByLabel("Kod (a–z, 0–9, -)").fill("lakemedel-dos");
    await add.getByLabel("Namn").fill("Igen");
    await add.getByRole("button", { name: "Lägg till" }).click();
    await waitForText(add.getByRole("alert"), "Koden lakemedel-dos finns redan i listan.");
    await admin.context().close();

    const sas = await e2e.loginAs("kvalitet");
    await sas.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kvalitet" }).click();
    await sas.getByRole("link", { name: "Typer och orsaker" }).click();
    await waitForText(
      sas.getByRole("region", { name: "Händelsetyper" }),
      "Läkemedel, dosering lakemedel-dos – Socialtjänst (inaktiv)",
    );
    expect(await sas.getByRole("button", { name: "Lägg till" }).count()).toBe(0);
    await sas.context().close();
  });
});
