import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("the lex Sarah lists page", () => {
  it("lets the kommun's admin add, rename and deactivate an entry, and shows the lists to the kvalitet role", async () => {
    const admin = await e2e.loginAs("admin");
    await admin.goto(`${e2e.baseUrl}/kvalitet/lex-sarah/listor`);
    await admin.getByRole("heading", { name: "Lex Sarah-listor" }).waitFor();
    const add = admin.getByRole("form", { name: "Ny post i kategorier" });
    await add.getByLabel("Kod (a–z, 0–9, -)").fill("digital-tillsyn");
    await add.getByLabel("Namn").fill("Digital tillsyn");
    await add.getByRole("button", { name: "Lägg till" }).click();

    const entry = admin.getByRole("form", { name: "Ändra digital-tillsyn" });
    await entry.waitFor();
    expect(await entry.getByLabel("Namn (digital-tillsyn)").inputValue()).toBe("Digital tillsyn");
    expect(await entry.getByLabel("Aktiv").isChecked()).toBe(true);
    expect(await accessibilityViolations(admin)).toEqual([]);

    await entry.getByLabel("Namn (digital-tillsyn)").fill("Digital tillsyn (kamera)");
    await entry.getByLabel("Aktiv").uncheck();
    await entry.getByRole("button", { name: "Spara" }).click();
    await admin.reload();
    const saved = admin.getByRole("form", { name: "Ändra digital-tillsyn" });
    await saved.waitFor();
    expect(await saved.getByLabel("Namn (digital-tillsyn)").inputValue()).toBe("Digital tillsyn (kamera)");
    expect(await saved.getByLabel("Aktiv").isChecked()).toBe(false);

    // A taken code is refused by name.
    await add.getByLabel("Kod (a–z, 0–9, -)").fill("digital-tillsyn");
    await add.getByLabel("Namn").fill("Igen");
    await add.getByRole("button", { name: "Lägg till" }).click();
    await waitForText(add.getByRole("alert"), "Koden digital-tillsyn finns redan i listan.");
    await admin.context().close();

    // The kvalitet role reads the lists without forms; the deactivated entry is marked.
    const sas = await e2e.loginAs("kvalitet");
    await sas.goto(`${e2e.baseUrl}/kvalitet/lex-sarah`);
    await sas.getByRole("link", { name: "Listor" }).click();
    const categories = sas.getByRole("region", { name: "Kategorier" });
    await waitForText(categories, "Digital tillsyn (kamera) digital-tillsyn (inaktiv)");
    expect(await sas.getByRole("button", { name: "Lägg till" }).count()).toBe(0);
    await sas.context().close();
  });
});
