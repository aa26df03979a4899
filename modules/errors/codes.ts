import type { AdminErrorCode } from '#modules/admin/errors.ts'
import type { AnalyticsErrorCode } from '#modules/analytics/errors.ts'
import type { AssignmentsErrorCode } from '#modules/assignments/errors.ts'
import type { AuthErrorCode } from '#modules/auth/errors.ts'
import type { AuthoringErrorCode } from '#modules/authoring/errors.ts'
import type { BillingErrorCode } from '#modules/billing/errors.ts'
import type { CatalogErrorCode } from '#modules/catalog/errors.ts'
import type { CertificatesErrorCode } from '#modules/certificates/errors.ts'
import type { CirclesErrorCode } from '#modules/circles/errors.ts'
import type { ComplianceErrorCode } from '#modules/compliance/errors.ts'
import type { CourseIoErrorCode } from '#modules/course-io/errors.ts'
import type { DataRightsErrorCode } from '#modules/data-rights/errors.ts'
import type { DbErrorCode } from '#modules/db/errors.ts'
import type { EnquiriesErrorCode } from '#modules/enquiries/errors.ts'
import type { EnrolmentErrorCode } from '#modules/enrolment/errors.ts'
import type { FollowUpsErrorCode } from '#modules/follow-ups/errors.ts'
import type { LearningErrorCode } from '#modules/learning/errors.ts'
import type { MailErrorCode } from '#modules/mail/errors.ts'
import type { MfaErrorCode } from '#modules/mfa/errors.ts'
import type { NewsletterErrorCode } from '#modules/newsletter/errors.ts'
import type { NewsErrorCode } from '#modules/news/errors.ts'
import type { OrganisationsErrorCode } from '#modules/organisations/errors.ts'
import type { PortfolioErrorCode } from '#modules/portfolio/errors.ts'
import type { ProgrammesErrorCode } from '#modules/programmes/errors.ts'
import type { PreviewsErrorCode } from '#modules/previews/errors.ts'
import type { ProgressErrorCode } from '#modules/progress/errors.ts'
import type { QuizzesErrorCode } from '#modules/quizzes/errors.ts'
import type { ReflectiveRecordsErrorCode } from '#modules/reflective-records/errors.ts'
import type { RemindersErrorCode } from '#modules/reminders/errors.ts'
import type { ScimErrorCode } from '#modules/scim/errors.ts'
import type { SecurityErrorCode } from '#modules/security/errors.ts'
import type { SsoErrorCode } from '#modules/sso/errors.ts'
import type { StorageErrorCode } from '#modules/storage/errors.ts'
import type { TeamsErrorCode } from '#modules/teams/errors.ts'
import type { ThemesErrorCode } from '#modules/themes/errors.ts'
import type { VideoErrorCode } from '#modules/video/errors.ts'
import type { XapiErrorCode } from '#modules/xapi/errors.ts'

/**
 * Every domain error code: the union of each context's own (its errors.ts). isDomainError narrows to
 * it, so a route checking `error.code === 'NOT_ENROLED'` fails tsc.
 */
export type DomainErrorCode =
	| AdminErrorCode
	| AnalyticsErrorCode
	| AssignmentsErrorCode
	| AuthErrorCode
	| AuthoringErrorCode
	| BillingErrorCode
	| CatalogErrorCode
	| CertificatesErrorCode
	| CirclesErrorCode
	| ComplianceErrorCode
	| CourseIoErrorCode
	| DataRightsErrorCode
	| DbErrorCode
	| EnquiriesErrorCode
	| EnrolmentErrorCode
	| FollowUpsErrorCode
	| LearningErrorCode
	| MailErrorCode
	| MfaErrorCode
	| NewsletterErrorCode
	| NewsErrorCode
	| OrganisationsErrorCode
	| PortfolioErrorCode
	| ProgrammesErrorCode
	| PreviewsErrorCode
	| ProgressErrorCode
	| QuizzesErrorCode
	| ReflectiveRecordsErrorCode
	| RemindersErrorCode
	| ScimErrorCode
	| SecurityErrorCode
	| SsoErrorCode
	| StorageErrorCode
	| TeamsErrorCode
	| ThemesErrorCode
	| VideoErrorCode
	| XapiErrorCode
