import type { ComponentType } from 'react'
import type { EmailT } from './email-language.ts'
import CertificateIssued, { subject as certificateIssuedSubject } from '#emails/certificate-issued.tsx'
import CertificateExpiryReminder, {
	subject as certificateExpiryReminderSubject,
} from '#emails/certificate-expiry-reminder.tsx'
import CircleBooking, { subject as circleBookingSubject } from '#emails/circle-booking.tsx'
import CircleReminder, { subject as circleReminderSubject } from '#emails/circle-reminder.tsx'
import ConfirmationRequest, { subject as confirmationRequestSubject } from '#emails/confirmation-request.tsx'
import ComplianceDigest, { subject as complianceDigestSubject } from '#emails/compliance-digest.tsx'
import DueDateReminder, { subject as dueDateReminderSubject } from '#emails/due-date-reminder.tsx'
import EnquiryReceived, { subject as enquiryReceivedSubject } from '#emails/enquiry-received.tsx'
import FollowUpDue, { subject as followUpDueSubject } from '#emails/follow-up-due.tsx'
import FollowUpSignOff, { subject as followUpSignOffSubject } from '#emails/follow-up-sign-off.tsx'
import Invitation, { subject as invitationSubject } from '#emails/invitation.tsx'
import InvoiceIssued, { subject as invoiceIssuedSubject } from '#emails/invoice-issued.tsx'
import InvoiceOverdue, { subject as invoiceOverdueSubject } from '#emails/invoice-overdue.tsx'
import LearningNudge, { subject as learningNudgeSubject } from '#emails/learning-nudge.tsx'
import MfaChanged, { subject as mfaChangedSubject } from '#emails/mfa-changed.tsx'
import NewDeviceSignIn, { subject as newDeviceSignInSubject } from '#emails/new-device-sign-in.tsx'
import ProgrammeCertificateIssued, {
	subject as programmeCertificateIssuedSubject,
} from '#emails/programme-certificate-issued.tsx'
import PasswordChanged, { subject as passwordChangedSubject } from '#emails/password-changed.tsx'
import Receipt, { subject as receiptSubject } from '#emails/receipt.tsx'
import ResetPassword, { subject as resetPasswordSubject } from '#emails/reset-password.tsx'
import SeatReminder, { subject as seatReminderSubject } from '#emails/seat-reminder.tsx'
import SsoLink, { subject as ssoLinkSubject } from '#emails/sso-link.tsx'
import VerifyEmail, { subject as verifyEmailSubject } from '#emails/verify-email.tsx'
import PersonalEmail, { subject as personalEmailSubject } from '#emails/personal-email.tsx'
import DataExportReady, { subject as dataExportReadySubject } from '#emails/data-export-ready.tsx'
import NewsletterConfirm, { subject as newsletterConfirmSubject } from '#emails/newsletter-confirm.tsx'
import NewsletterIssue, { subject as newsletterIssueSubject } from '#emails/newsletter-issue.tsx'
import InactiveAccountWarning, { subject as inactiveAccountWarningSubject } from '#emails/inactive-account-warning.tsx'

export type EmailTemplate<Props> = {
	component: ComponentType<Props>
	/** The subject line in the email's language (`t` is fixed to it, in the `emails` namespace). */
	subject: (props: Props, t: EmailT) => string
}

function template<Props>(
	component: ComponentType<Props>,
	subject: (props: Props, t: EmailT) => string,
): EmailTemplate<Props> {
	return { component, subject }
}

/**
 * Every email Circle can send. Adding an email is one .tsx file under emails/ (a default-exported
 * component and a `subject(props)` function) and one entry here: sendEmail's options type, the
 * renderer and the outbox all follow from this map.
 */
export const emailTemplates = {
	'verify-email': template(VerifyEmail, verifyEmailSubject),
	'personal-email': template(PersonalEmail, personalEmailSubject),
	'reset-password': template(ResetPassword, resetPasswordSubject),
	'password-changed': template(PasswordChanged, passwordChangedSubject),
	'enquiry-received': template(EnquiryReceived, enquiryReceivedSubject),
	'certificate-issued': template(CertificateIssued, certificateIssuedSubject),
	receipt: template(Receipt, receiptSubject),
	'invoice-issued': template(InvoiceIssued, invoiceIssuedSubject),
	'invoice-overdue': template(InvoiceOverdue, invoiceOverdueSubject),
	invitation: template(Invitation, invitationSubject),
	'seat-reminder': template(SeatReminder, seatReminderSubject),
	'mfa-changed': template(MfaChanged, mfaChangedSubject),
	'new-device-sign-in': template(NewDeviceSignIn, newDeviceSignInSubject),
	'sso-link': template(SsoLink, ssoLinkSubject),
	'due-date-reminder': template(DueDateReminder, dueDateReminderSubject),
	'certificate-expiry-reminder': template(CertificateExpiryReminder, certificateExpiryReminderSubject),
	'learning-nudge': template(LearningNudge, learningNudgeSubject),
	'compliance-digest': template(ComplianceDigest, complianceDigestSubject),
	'programme-certificate-issued': template(ProgrammeCertificateIssued, programmeCertificateIssuedSubject),
	'circle-booking': template(CircleBooking, circleBookingSubject),
	'circle-reminder': template(CircleReminder, circleReminderSubject),
	'confirmation-request': template(ConfirmationRequest, confirmationRequestSubject),
	'follow-up-due': template(FollowUpDue, followUpDueSubject),
	'follow-up-sign-off': template(FollowUpSignOff, followUpSignOffSubject),
	'data-export-ready': template(DataExportReady, dataExportReadySubject),
	'inactive-account-warning': template(InactiveAccountWarning, inactiveAccountWarningSubject),
	'newsletter-confirm': template(NewsletterConfirm, newsletterConfirmSubject),
	'newsletter-issue': template(NewsletterIssue, newsletterIssueSubject),
}

export type EmailTemplateName = keyof typeof emailTemplates

export type EmailTemplateProps<Name extends EmailTemplateName> =
	(typeof emailTemplates)[Name] extends EmailTemplate<infer Props> ? Props : never

/** One of the templates with its props, e.g. `{ template: 'verify-email', props: { name, verifyUrl } }`. */
export type EmailContent = {
	[Name in EmailTemplateName]: { template: Name; props: EmailTemplateProps<Name> }
}[EmailTemplateName]
