// Wire responses (zod) of reports as records: the list, one report with its workflow, preview and findings,
// and the published reports of the public area.
import { z } from "zod";
import { assembled } from "./responses.ts";
import { chapterStatuses, reportStatuses } from "./workflow.ts";

const templateRef = z.object({ code: z.string(), name: z.string(), version: z.number().int() });

export const instanceList = z.array(
  z.object({
    id: z.string(),
    template: templateRef,
    namnd: z.object({ id: z.string(), name: z.string() }),
    period: z.string(),
    status: z.enum(reportStatuses),
  }),
);

export const instanceRef = z.object({ id: z.string() });

/** A saved text or comment as stored (a personnummer masked), and the warning when one was. */
export const savedText = z.object({ id: z.string(), text: z.string(), warning: z.string().nullable() });

export const instance = z.object({
  id: z.string(),
  template: templateRef,
  namnd: z.object({ id: z.string(), name: z.string() }),
  period: z.string(),
  title: z.string(),
  status: z.enum(reportStatuses),
  approvedAt: z.string().nullable(),
  /** The reader approves, publishes and assigns writers here. */
  mayApprove: z.boolean(),
  chapters: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      writer: z.object({ id: z.string(), name: z.string() }).nullable(),
      deadline: z.string().nullable(),
      overdue: z.boolean(),
      status: z.enum(chapterStatuses),
      mayEdit: z.boolean(),
      texts: z.array(
        z.object({ block: z.string(), heading: z.string().nullable(), text: z.string(), own: z.boolean() }),
      ),
      comments: z.array(z.object({ id: z.string(), author: z.string(), text: z.string(), createdAt: z.string() })),
    }),
  ),
  findings: assembled.shape.findings,
  /** The report as HTML: the frozen copy once published. */
  html: z.string(),
  publication: z.object({ publishedAt: z.string(), checksum: z.string() }).nullable(),
  /** Figures that read differently in today's data than in the published report. */
  changes: z.array(z.object({ chapter: z.string(), where: z.string(), published: z.string(), now: z.string() })),
});

export const writers = z.array(z.object({ id: z.string(), name: z.string() }));

export const published = z.object({ id: z.string(), checksum: z.string(), publishedAt: z.string() });

export const publicReports = z.object({
  reports: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      namnd: z.string(),
      period: z.string(),
      publishedAt: z.string(),
    }),
  ),
});

export const publicReport = z.object({
  kommun: z.string(),
  title: z.string(),
  namnd: z.string(),
  period: z.string(),
  publishedAt: z.string(),
  checksum: z.string(),
  html: z.string(),
});
