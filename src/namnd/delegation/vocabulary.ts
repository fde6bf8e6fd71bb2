// Delegation's fixed vocabularies (the database's CHECK lists hold the same values). Pure and browser-safe.

/** Who a point delegates to: the nämnd's utskott, its ordförande, or a named function of the förvaltning. */
export const delegateKinds = ["utskott", "ordforande", "funktion"] as const;
export type DelegateKind = (typeof delegateKinds)[number];
export const delegateKindLabels: Record<DelegateKind, string> = {
  utskott: "Utskottet",
  ordforande: "Ordförande",
  funktion: "Tjänsteperson",
};

/** The fixed sections of the memo "Anmälan av delegeringsbeslut", in the order it prints them. */
export const anmalanSections = ["utskottet", "listor", "personal", "attester", "avtal", "ovrigt"] as const;
export type AnmalanSection = (typeof anmalanSections)[number];
export const anmalanSectionLabels: Record<AnmalanSection, string> = {
  utskottet: "Utskottet",
  listor: "Delegationsrapport enligt listor",
  personal: "Personal",
  attester: "Attester",
  avtal: "Avtal",
  ovrigt: "Övrigt",
};

/** The law (or category) a decision is listed under in the units' delegation lists. */
export const decisionLaws = ["sol", "lvu", "lvm", "fb", "lss", "ovriga"] as const;
export type DecisionLaw = (typeof decisionLaws)[number];
export const decisionLawLabels: Record<DecisionLaw, string> = {
  sol: "SoL",
  lvu: "LVU",
  lvm: "LVM",
  fb: "FB",
  lss: "LSS",
  ovriga: "Övriga",
};
