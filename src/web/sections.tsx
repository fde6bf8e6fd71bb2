import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { OrgNode, Permission, SessionUser } from "./session.tsx";

/**
 * The capabilities in the navigation. A capability plugs in its UI by setting `component` to a lazily
 * loaded component that owns every route under `/<path>/*` (use relative <Routes> inside it).
 * Without a component the page says what is coming.
 */
export type Section = {
  path: string;
  label: string;
  summary: string;
  /** Shown in the navigation only to users holding this permission somewhere. */
  permission?: Permission;
  /** Everything in it is the nämnd's (none of it hangs on a unit): shown only to users who read some nämnd. */
  namndLevel?: boolean;
  component?: LazyExoticComponent<ComponentType>;
};

export const sections: Section[] = [
  {
    path: "styrning",
    label: "Styrning",
    summary: "Mål, indikatorer, bedömningar, direktiv och aktiviteter i enheternas genomförandeplaner.",
    component: lazy(() => import("./styrning/StyrningSection.tsx")),
  },
  {
    path: "ekonomi",
    label: "Ekonomi",
    summary: "Budget, utfall, prognos och avvikelse per verksamhetsområde, investeringar och resultatfond.",
    component: lazy(() => import("./ekonomi/EkonomiSection.tsx")),
  },
  {
    path: "evb",
    label: "Ej verkställda beslut",
    summary:
      "Registret över gynnande beslut som inte verkställts inom tre månader och kvartalsrapporterna till IVO, nämnd och KF.",
    component: lazy(() => import("./evb/EvbSection.tsx")),
  },
  {
    path: "kvalitet",
    label: "Kvalitet",
    summary: "Avvikelser, lex Sarah, synpunkter och klagomål, riskanalys, egenkontroll och internkontroll.",
    component: lazy(() => import("./kvalitet/KvalitetSection.tsx")),
  },
  {
    path: "namnd",
    label: "Nämnd",
    summary: "Diarium, ärenden, tjänsteskrivelser, sammanträden med kallelse och protokoll, delegeringsbeslut.",
    namndLevel: true,
    component: lazy(() => import("./namnd/NamndSection.tsx")),
  },
  {
    path: "rapporter",
    label: "Rapporter",
    summary:
      "Förvaltningsbudget på en minut, årsberättelse, kvalitetsberättelse och IVO-rapporter — genererade ur data.",
    component: lazy(() => import("./rapporter/RapporterSection.tsx")),
  },
  {
    path: "admin",
    label: "Admin",
    summary: "Granskningslogg, användare och roller, organisation.",
    permission: "admin",
    component: lazy(() => import("./admin/AdminSection.tsx")),
  },
];

/** Whether the user reads some nämnd: a read role on the nämnd or on a node above it. */
export const readsSomeNamnd = (user: SessionUser, tree: OrgNode[]) =>
  user.assignments.some((a) => {
    const scope = tree.find((n) => n.id === a.orgNodeId);
    return (
      a.permissions.includes("read") && !!scope && tree.some((n) => n.kind === "namnd" && n.path.startsWith(scope.path))
    );
  });

/** The sections this user may see in the navigation (with the organisation, also the nämnd-level test). */
export const visibleSections = (user: SessionUser, tree?: OrgNode[]) =>
  sections.filter(
    (s) =>
      (!s.permission || user.assignments.some((a) => s.permission && a.permissions.includes(s.permission))) &&
      (!s.namndLevel || !tree || readsSomeNamnd(user, tree)),
  );
