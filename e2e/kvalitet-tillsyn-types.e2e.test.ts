import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, type E2E, startE2E, waitForText } from "./harness.ts";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe("the kinds of IVO-tillsyn page", () => {
  it("lets the kommun's admin add, rename and deactivate a kind, offered while active; the kvalitet role reads the list", async () => {
    const admin = await e2e.loginAs("admin");
    await admin.goto(`${e2e.baseUrl}/kvalitet/tillsyn`);
    await admin.getByRole("link", { name: "Typer", exact: true }).click();
    await admin.getByRole("heading", { name: "Typer av tillsyn" }).waitFor();
    const add = admin.getByRole("form", { name: "Nytt slag av tillsyn" });
    await add.getByLabel("Kod (a–z, 0–9, -)").fill("distans");
    await add.getByLabel("Namn").fill("Distansinspektion");
    await add.getByRole("button", { name: "Lägg till" }).click();

    const entry = admin.getByRole("form", { name: "Ändra distans" });
    await entry.waitFor();
    expect(await entry.getByLabel("Namn (distans)").inputValue()).toBe("Distansinspektion");
    expect(await accessibilityViolations(admin)).toEqual([]);

    // Active: the register's form offers it.
    const kindsOffered = async () => {
      await admin.goto(`${e2e.baseUrl}/kvalitet/tillsyn`);
      await admin.locator("summary", { hasText: "Registrera en tillsyn" }).click();
      const form = admin.getByRole("form", { name: "Registrera en tillsyn" });
      await waitForText(form.getByLabel("Slag av tillsyn"), "Anmäld inspektion");
      return form.getByLabel("Slag av tillsyn").locator("option").allTextContents();
    };
    expect(await kindsOffered()).toContain("Distansinspektion");

    await admin.goto(`${e2e.baseUrl}/kvalitet/tillsyn/typer`);
    const saved = admin.getByRole("form", { name: "Ändra distans" });
    await saved.getByLabel("Namn (distans)").fill("Distansinspektion (video)");
    await saved.getByLabel("Aktiv").uncheck();
    await saved.getByRole("button", { name: "Spara" }).click();
    await waitForText(saved.getByRole("status"), "Sparad.");
    await admin.reload();
    const reread = admin.getByRole("form", { name: "Ändra distans" });
    await reread.waitFor();
    expect(await reread.getByLabel("Namn (distans)").inputValue()).toBe("Distansinspektion (video)");
    expect(await reread.getByLabel("Aktiv").isChecked()).toBe(false);

    // A taken code is refused by name.
    await add.getByLabel("Kod (a–z, 0–9, -)").fill("distans");
    await add.getByLabel("Namn").fill("Igen");
    await add.getByRole("button", { name: "Lägg till" }).click();
    await waitForText(add.getByRole("alert"), "Koden distans finns redan i listan.");

    // Deactivated: no longer offered.
    const offered = await kindsOffered();
    expect(offered).toContain("Anmäld inspektion");
    expect(offered.join()).not.toContain("Distansinspektion");
    await admin.context().close();

    // The kvalitet role reads the list without forms; the deactivated kind is marked.
    const sas = await e2e.loginAs("kvalitet");
    await sas.goto(`${e2e.baseUrl}/kvalitet/tillsyn/typer`);
    await waitForText(
      sas.getByRole("region", { name: "Slag av tillsyn" }),
      "Distansinspektion (video) distans (inaktiv)",
    );
    expect(await sas.getByRole("button", { name: "Lägg till" }).count()).toBe(0);
    await sas.context().close();
  });
});
