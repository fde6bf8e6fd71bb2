import { kindLabels, useSession } from "../session.tsx";

/** Chooses the organisation node every page filters by; indented by depth in the tree. */
export function OrgPicker() {
  const { tree, orgNode, setOrgNodeId } = useSession();
  const depth = (path: string) => path.split("/").length - 3;
  const minDepth = Math.min(...tree.map((n) => depth(n.path)));
  return (
    <div className="org-picker">
      <label htmlFor="org-picker">Organisation</label>
      <select id="org-picker" value={orgNode?.id ?? ""} onChange={(e) => setOrgNodeId(e.target.value)}>
        {tree.map((n) => (
          <option key={n.id} value={n.id}>
            {"\u00a0\u00a0".repeat(Math.max(0, depth(n.path) - minDepth))}
            {n.name} ({kindLabels[n.kind].toLowerCase()})
          </option>
        ))}
      </select>
    </div>
  );
}
