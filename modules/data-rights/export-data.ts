import { prisma } from '#modules/db/client.ts'

/** The version of circle-data.json's layout: raised when a section changes meaning. */
export const DATA_EXPORT_FORMAT = { format: 'circle-personal-data', version: 1 } as const

/**
 * Everything Circle holds about one person, read only from rows that are theirs (by user id, or by
 * their own email address where a row has no user: invitations, enquiries, outbox mail), as the
 * sections of circle-data.json. Secrets that would let someone act as them are left out: the password
 * hash, session ids, token and recovery-code hashes, the authenticator secret, the device cookie's
 * hash and passkeys' public keys (the export says that they exist, and when they were used). Each
 * section is a plain list of the table's own columns, so a new column appears in the next export
 * without anyone remembering to add it (docs/decisions/0037-data-export-and-retention.md).
 */
export async function collectPersonalData({ userId, now }: { userId: string; now: Date }) {
	const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: true } })
	const emails = [user.email, user.personalEmail].filter((e): e is string => Boolean(e))
	const byUser = { where: { userId } }
	const anyEmail = emails.map((email) => ({ equals: email, mode: 'insensitive' as const }))

	const [
		sessions,
		knownDevices,
		passkeys,
		totp,
		recoveryCodes,
		identities,
		memberships,
		membershipRemovals,
		invitations,
		enrolments,
		lessonProgress,
		quizAttempts,
		reflections,
		certificates,
		cpdEntries,
		reflectiveRecords,
		orders,
		seatAssignments,
		assignments,
		learnerAssignments,
		reminderPreference,
		reminderEvents,
		programmeEnrolments,
		programmeCertificates,
		circleBookings,
		circleAttendances,
		followUpResponses,
		auditAsActor,
		auditAboutThem,
		emailsSent,
		enquiries,
		newsletterSubscriptions,
		dataExports,
	] = await Promise.all([
		prisma.session.findMany({ ...byUser, omit: { id: true, deviceId: true }, orderBy: { createdAt: 'asc' } }),
		prisma.knownDevice.findMany({ ...byUser, omit: { deviceHash: true }, orderBy: { firstSeenAt: 'asc' } }),
		prisma.passkey.findMany({ ...byUser, omit: { publicKey: true, counter: true }, orderBy: { createdAt: 'asc' } }),
		prisma.totpCredential.findUnique({ where: { userId }, select: { confirmedAt: true, createdAt: true } }),
		prisma.recoveryCode.findMany({ ...byUser, select: { usedAt: true, createdAt: true } }),
		prisma.userIdentity.findMany({ ...byUser, orderBy: { createdAt: 'asc' } }),
		prisma.membership.findMany({
			...byUser,
			include: { organisation: { select: { name: true, slug: true } } },
			orderBy: { createdAt: 'asc' },
		}),
		prisma.membershipRemoval.findMany({ ...byUser }),
		prisma.invitation.findMany({ where: { OR: anyEmail.map((email) => ({ email })) }, omit: { tokenHash: true } }),
		prisma.enrolment.findMany({
			...byUser,
			include: { course: { select: { slug: true } }, version: { select: { title: true, number: true } } },
			orderBy: { createdAt: 'asc' },
		}),
		prisma.lessonProgress.findMany({ ...byUser }),
		prisma.quizAttempt.findMany({ ...byUser, include: { answers: true } }),
		prisma.reflection.findMany({ ...byUser, include: { shares: true } }),
		prisma.certificate.findMany({ ...byUser }),
		prisma.cpdEntry.findMany({ ...byUser }),
		prisma.reflectiveRecord.findMany({ ...byUser, include: { confirmations: { omit: { tokenHash: true } } } }),
		prisma.order.findMany({ where: { buyerUserId: userId } }),
		prisma.seatAssignment.findMany({ where: { OR: [{ userId }, ...anyEmail.map((email) => ({ email }))] } }),
		prisma.assignment.findMany({ ...byUser }),
		prisma.learnerAssignment.findMany({ ...byUser }),
		prisma.reminderPreference.findUnique({ where: { userId } }),
		prisma.reminderEvent.findMany({ ...byUser }),
		prisma.programmeEnrolment.findMany({ ...byUser }),
		prisma.programmeCertificate.findMany({ ...byUser }),
		prisma.circleBooking.findMany({ ...byUser }),
		prisma.circleAttendance.findMany({ ...byUser }),
		prisma.followUpResponse.findMany({ ...byUser }),
		prisma.auditLog.findMany({ where: { actorId: userId }, orderBy: { createdAt: 'asc' } }),
		prisma.auditLog.findMany({
			where: { targetType: 'User', targetId: userId, NOT: { actorId: userId } },
			orderBy: { createdAt: 'asc' },
		}),
		prisma.emailMessage.findMany({
			where: { OR: anyEmail.map((to) => ({ to })) },
			omit: { html: true, attachments: true, headers: true },
			orderBy: { createdAt: 'asc' },
		}),
		prisma.enquiry.findMany({ where: { OR: anyEmail.map((email) => ({ email })) } }),
		// Linked to the account, or at either of their addresses (a subscription made before the account
		// existed, or with the personal address): each with its consent record (when, which form, the
		// wording shown) and which issues were sent. The confirmation and unsubscribe tokens are secrets.
		prisma.newsletterSubscriber.findMany({
			where: { OR: [{ userId }, ...anyEmail.map((email) => ({ email }))] },
			omit: { confirmTokenHash: true, unsubscribeToken: true },
			include: {
				consents: { omit: { subscriberId: true }, orderBy: { createdAt: 'asc' } },
				deliveries: {
					select: { status: true, createdAt: true, issue: { select: { subject: true } } },
					orderBy: { createdAt: 'asc' },
				},
			},
			orderBy: { createdAt: 'asc' },
		}),
		prisma.dataExport.findMany({ ...byUser, omit: { tokenHash: true, storageKey: true } }),
	])

	return {
		...DATA_EXPORT_FORMAT,
		exportedAt: now.toISOString(),
		about:
			'Everything Circle holds about you. Each section is one kind of record; docs/record-of-processing.md in ' +
			"Circle's code says why each is kept and for how long. Secrets (password hash, session and link tokens, " +
			'the authenticator secret) are left out: their existence and dates are shown instead.',
		profile: user,
		signIn: {
			sessions,
			knownDevices,
			passkeys,
			authenticatorApp: totp,
			recoveryCodes,
			singleSignOnIdentities: identities,
		},
		organisations: { memberships, membershipRemovals, invitations, seatAssignments, assignments, learnerAssignments },
		learning: {
			enrolments,
			lessonProgress,
			quizAttempts,
			reflections,
			certificates,
			programmeEnrolments,
			programmeCertificates,
			followUpResponses,
		},
		cpd: { cpdEntries, reflectiveRecords, circleBookings, circleAttendances },
		purchases: { orders },
		communication: { reminderPreference, reminderEvents, emailsSent, enquiries, newsletterSubscriptions },
		auditLog: { actionsTheyTook: auditAsActor, actionsAboutThem: auditAboutThem },
		dataExports,
	}
}

export type PersonalData = Awaited<ReturnType<typeof collectPersonalData>>

/** circle-data.json's text: BigInt counters as strings and bytes as base64, which JSON has no type for. */
export function personalDataJson(data: PersonalData) {
	return JSON.stringify(
		data,
		(_key, value: unknown) => {
			if (typeof value === 'bigint') return value.toString()
			if (value instanceof Uint8Array) return Buffer.from(value).toString('base64')
			return value
		},
		2,
	)
}
