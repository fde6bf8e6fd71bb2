import { describe, expect, it } from "vitest";
import { claimValues, grantsFor, type MappingRule, mappingEffect } from "./rules.ts";

const IFO = "00000000-0000-4000-8000-000000000001";
const ALMEN = "00000000-0000-4000-8000-000000000002";
const controllers: MappingRule = { claim: "groups", value: "IFO-Controllers", role: "controller", orgNodeId: IFO };
const chefer: MappingRule = { claim: "roles", value: "Lots.Enhetschef", role: "enhetschef", orgNodeId: ALMEN };

describe("mapping claims to roles", () => {
  it("reads a single value or a list, ignoring objects", () => {
    expect(claimValues({ groups: ["a", "b"] }, "groups")).toEqual(["a", "b"]);
    expect(claimValues({ dept: "IFO" }, "dept")).toEqual(["IFO"]);
    expect(claimValues({ groups: [{ id: 1 }, "c"] }, "groups")).toEqual(["c"]);
    expect(claimValues({}, "groups")).toEqual([]);
  });

  it("gives each matching rule's role once, comparing values exactly", () => {
    const twice = { ...controllers };
    expect(
      grantsFor([controllers, twice, chefer], { groups: ["IFO-Controllers"], roles: ["Lots.Enhetschef"] }),
    ).toEqual([
      { role: "controller", orgNodeId: IFO },
      { role: "enhetschef", orgNodeId: ALMEN },
    ]);
    expect(grantsFor([controllers], { groups: ["ifo-controllers"] })).toEqual([]);
  });

  it("counts who gains and who loses a role when the rules change, and who is left without any", () => {
    const users = [
      { claims: { groups: ["IFO-Controllers"] } },
      { claims: { groups: ["IFO-Controllers"], roles: ["Lots.Enhetschef"] } },
      { claims: { roles: ["Lots.Enhetschef"] } },
      { claims: { groups: ["Alla"] } },
    ];
    const effect = mappingEffect(users, [controllers], [chefer]);
    expect(effect.users).toBe(4);
    expect(effect.changes).toHaveLength(2);
    expect(effect.changes).toEqual(
      expect.arrayContaining([
        { role: "enhetschef", orgNodeId: ALMEN, gained: 2, lost: 0 },
        { role: "controller", orgNodeId: IFO, gained: 0, lost: 2 },
      ]),
    );
    expect(effect.withoutRole).toEqual({ before: 2, after: 2 });
    expect(mappingEffect(users, [controllers], [controllers]).changes).toEqual([]);
  });
});
