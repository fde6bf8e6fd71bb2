import { useSession } from "../session.tsx";

/** Units a user may register decisions on: enheter and verksamhetsområden where they hold write:evb. */
export function useWritableUnits() {
  const { tree, can } = useSession();
  return tree.filter((n) => (n.kind === "enhet" || n.kind === "verksamhetsomrade") && can("write:evb", n.id));
}
