// The formats a report is rendered in and the Excel media type. Browser-safe: the endpoint tables, which the
// web imports, declare their downloads with these and must not pull in the renderers.
export const reportFormats = ["html", "pdf", "docx", "xlsx"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
