// The datasets Lots can publish as open data, and the period each is published for. Browser-safe.
export const datasets = ["maluppfoljning", "evb-statistik", "kvalitet-statistik"] as const;
export type Dataset = (typeof datasets)[number];

export const datasetLabels: Record<Dataset, string> = {
  maluppfoljning: "Måluppföljning",
  "evb-statistik": "Ej verkställda beslut, statistik",
  "kvalitet-statistik": "Kvalitet, statistik",
};

/** A goal follow-up and the kvalitet statistics are published per year, the EVB statistics per quarter. */
export const periodPatterns: Record<Dataset, RegExp> = {
  maluppfoljning: /^\d{4}$/,
  "evb-statistik": /^\d{4}Q[1-4]$/,
  "kvalitet-statistik": /^\d{4}$/,
};

export const periodHints: Record<Dataset, string> = {
  maluppfoljning: "ett år, t.ex. 2023",
  "evb-statistik": "ett kvartal, t.ex. 2024Q2",
  "kvalitet-statistik": "ett år, t.ex. 2023",
};
