// The media types of rendered documents. Browser-safe: the endpoint tables declare their downloads with them.
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const PDF_TYPE = "application/pdf";
