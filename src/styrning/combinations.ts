// An indicator broken down by several dimensions (age group and unit, target group and age …): its values and
// targets are keyed by a set of members, at most one per dimension. No member is the whole, one of each
// dimension a full combination, anything between a subtotal (all units of one age group). Pure.

export type DimensionMember = { id: string; code: string; label: string };
export type IndicatorDimension = { id: string; name: string; members: readonly DimensionMember[] };

/** A member set as the indicator shows it: its members in dimension order. */
export type Combination = { memberIds: string[]; codes: string[]; label: string };

/** The canonical form of a member set, as the database keeps it (sorted ids, so equal sets are equal). */
export const memberSet = (ids: readonly string[]) => [...ids].sort();

export const memberSetKey = (ids: readonly string[]) => memberSet(ids).join("+");

/** The members of a set in the order of the indicator's dimensions; null when one is not among them. */
export function combinationOf(
  dimensions: readonly IndicatorDimension[],
  memberIds: readonly string[],
): Combination | null {
  const members = dimensions.flatMap((d) => d.members.filter((m) => memberIds.includes(m.id)));
  if (members.length !== memberIds.length) return null;
  return {
    memberIds: memberSet(memberIds),
    codes: members.map((m) => m.code),
    label: members.map((m) => m.label).join(" · "),
  };
}

/**
 * Every member set below the whole, in the order the indicator page and the entry grid list them: each
 * dimension's members alone, then the pairs of dimensions, and so on to the full combinations.
 */
export function combinationsOf(dimensions: readonly IndicatorDimension[]): Combination[] {
  const subsets: number[][] = [];
  for (let size = 1; size <= dimensions.length; size++) {
    const grow = (from: number, chosen: number[]) => {
      if (chosen.length === size) {
        subsets.push(chosen);
        return;
      }
      for (let i = from; i < dimensions.length; i++) grow(i + 1, [...chosen, i]);
    };
    grow(0, []);
  }
  return subsets.flatMap((subset) =>
    subset
      .reduce<DimensionMember[][]>(
        (rows, index) => rows.flatMap((row) => (dimensions[index]?.members ?? []).map((m) => [...row, m])),
        [[]],
      )
      .map((members) => ({
        memberIds: memberSet(members.map((m) => m.id)),
        codes: members.map((m) => m.code),
        label: members.map((m) => m.label).join(" · "),
      })),
  );
}

/**
 * The member set that parts named by code or label (in any order) make; a Swedish problem naming the
 * part otherwise. An empty list is the whole.
 */
export function resolveMembers(
  dimensions: readonly IndicatorDimension[],
  names: readonly string[],
): { memberIds: string[] } | { problem: string } {
  if (names.length && !dimensions.length) return { problem: "har ingen indelning utöver kön." };
  const chosen = new Map<string, { name: string; member: DimensionMember }>();
  for (const name of names) {
    const wanted = name.trim().toLowerCase();
    const matches = dimensions.flatMap((d) =>
      d.members
        .filter((m) => m.code === wanted || m.label.toLowerCase() === wanted)
        .map((member) => ({ dimension: d, member })),
    );
    const [match] = matches;
    if (!match) {
      const known = dimensions.flatMap((d) => d.members.map((m) => m.code));
      return { problem: `har ingen del "${name}"; ange en av ${known.join(", ")}.` };
    }
    if (matches.length > 1) {
      return {
        problem: `"${name}" är en del i både ${matches.map((m) => m.dimension.name).join(" och ")}; ange koden.`,
      };
    }
    const earlier = chosen.get(match.dimension.id);
    if (earlier) {
      return {
        problem: `"${earlier.name}" och "${name}" hör båda till ${match.dimension.name}; ange en del per indelning.`,
      };
    }
    chosen.set(match.dimension.id, { name, member: match.member });
  }
  return { memberIds: memberSet([...chosen.values()].map((c) => c.member.id)) };
}
