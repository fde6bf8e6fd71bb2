// The quarter report's download formats: which part a CSV holds and the media types sent. Kept apart from
// the exporter (which needs exceljs) so the endpoint declarations, and through them the web, can use them.

export const reportParts = ["ivo", "committee", "statistics"] as const;
export type ReportPart = (typeof reportParts)[number];
export const reportMediaTypes = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;
