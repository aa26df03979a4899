// The team report's statuses as plain values, so browser code can import them without the
// database client (team-report.ts imports Prisma).

export const REPORT_STATUSES = ['invited', 'not_started', 'in_progress', 'completed'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
	invited: 'Invited',
	not_started: 'Not started',
	in_progress: 'In progress',
	completed: 'Completed',
}

/** Parses ?status= from a URL: unknown values mean "any". */
export function parseReportStatus(value: string | null | undefined): ReportStatus | null {
	return (REPORT_STATUSES as readonly string[]).includes(value ?? '') ? (value as ReportStatus) : null
}
