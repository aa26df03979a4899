import { prisma, type OrderStatus, type Tx } from '#modules/db/client.ts'
import { assertPlatformAdmin } from '#modules/admin/assert-admin.ts'
import { BillingError } from '#modules/billing/errors.ts'
import { enrolmentNotStartedWhere } from '#modules/enrolment/started.ts'
import { revokeProgrammeCertificatesForRefund } from '#modules/programmes/revoke-programme-certificates.ts'
import { audit } from './audit.ts'
import { issueCreditNote } from './invoice-documents.ts'
import { sendInvoiceEmail } from './invoice-email.ts'
import { lockOrder, lockSeatPool } from './sql.ts'
import { requireStripe } from './stripe-client.ts'

type RevokeOptions = {
	orderId: string
	/** Total refunded so far, in pence, as Stripe reports it (cumulative, so replays change nothing). */
	refundedPence: number
	/** A dispute was opened: everything bought is withdrawn, whatever has been refunded. */
	disputed?: boolean
	chargeId?: string | null
	actorId?: string | null
	reason: string
}

export type RevokeResult = {
	orderId: string
	status: OrderStatus
	/** Places or seats withdrawn by this call. */
	removed: number
	/** Seats that could not be withdrawn because learners had already started with them. */
	notRecovered: number
}

/**
 * Withdraws what a refunded or disputed order bought. How much is withdrawn follows from the
 * cumulative refund: floor(quantity × refunded ÷ paid) places, all of them once fully refunded or
 * disputed, minus what earlier refunds already withdrew. So a replayed or out-of-order refund event
 * withdraws nothing twice, and a partial refund worth less than one place keeps access.
 *
 * An individual purchase: the buyer's enrolment from this order is REVOKED (revokedAt, reason).
 * A seat licence: the pool loses that many seats. Free seats go first; then unaccepted invitations
 * on the pool are revoked, newest first; then unstarted assignments are reclaimed (PENDING or
 * ASSIGNED seats whose learner has not started: RECLAIMED, their enrolment revoked, `used` − 1),
 * newest first. Seats held by
 * learners who have started are never taken away: the pool keeps at least `used` seats, and the
 * shortfall is reported (`notRecovered`) and written to the audit log for the admin to settle.
 */
export async function revokePurchase(tx: Tx, options: RevokeOptions): Promise<RevokeResult> {
	const { orderId, refundedPence, disputed = false, chargeId, actorId = null, reason } = options
	if (!(await lockOrder(tx, orderId)))
		throw new BillingError('not_found', 'ORDER_NOT_FOUND', 'We could not find that order.')
	const order = await tx.order.findUniqueOrThrow({
		where: { id: orderId },
		select: {
			id: true,
			status: true,
			quantity: true,
			amountPence: true,
			amountRefundedPence: true,
			disputedAt: true,
			buyerUserId: true,
			courseId: true,
			programmeId: true,
			organisationId: true,
		},
	})
	if (order.status !== 'PAID' && order.status !== 'REFUNDED') {
		return { orderId, status: order.status, removed: 0, notRecovered: 0 }
	}

	const withdrawn = (refunded: number, isDisputed: boolean) =>
		isDisputed || refunded >= order.amountPence || order.amountPence <= 0
			? order.quantity
			: Math.floor((order.quantity * refunded) / order.amountPence)
	const before = withdrawn(order.amountRefundedPence, order.disputedAt !== null)
	const refunded = Math.max(order.amountRefundedPence, refundedPence)
	const nowDisputed = order.disputedAt !== null || disputed
	const after = withdrawn(refunded, nowDisputed)
	const removed = Math.max(0, after - before)
	const fullyRefunded = refunded >= order.amountPence && refunded > 0
	const now = new Date()

	const updated = await tx.order.update({
		where: { id: orderId },
		data: {
			amountRefundedPence: refunded,
			...(disputed && !order.disputedAt ? { disputedAt: now } : {}),
			...(fullyRefunded && order.status !== 'REFUNDED' ? { status: 'REFUNDED', refundedAt: now } : {}),
			...(chargeId ? { stripeChargeId: chargeId } : {}),
		},
		select: { status: true },
	})

	// Money returned is credited against the order's VAT invoice, for the amount refunded by this call.
	const creditNote =
		refunded > order.amountRefundedPence
			? await issueCreditNote(tx, { orderId, amountPence: refunded - order.amountRefundedPence, reason, now })
			: null
	if (creditNote) await sendInvoiceEmail(tx, { number: creditNote.number })

	let notRecovered = 0
	let reclaimed: string[] = []
	let revokedInvitations: string[] = []
	let revokedProgrammeCertificates: string[] = []
	if (removed > 0) {
		if (order.organisationId && order.courseId) {
			const result = await reduceSeats(tx, {
				organisationId: order.organisationId,
				courseId: order.courseId,
				seats: removed,
				reason,
				now,
			})
			notRecovered = result.notRecovered
			reclaimed = result.reclaimed
			revokedInvitations = result.revokedInvitations
		} else {
			// A course order's one place, or every place a programme order gave.
			await tx.enrolment.updateMany({
				where: { userId: order.buyerUserId, orderId, status: 'ACTIVE' },
				data: { status: 'REVOKED', revokedAt: now, revokedReason: reason },
			})
			revokedProgrammeCertificates = await revokeProgrammeCertificatesForRefund(tx, {
				userId: order.buyerUserId,
				programmeId: order.programmeId,
				courseId: order.courseId,
				orderId,
				reason,
				actorId,
				now,
			})
		}
	}

	const changed = removed > 0 || refunded !== order.amountRefundedPence || (disputed && !order.disputedAt)
	if (changed) {
		await audit(tx, {
			actorId,
			organisationId: order.organisationId,
			action: disputed && !order.disputedAt ? 'order.disputed' : 'order.refunded',
			orderId,
			details: {
				reason,
				refundedPence: refunded,
				removed,
				reclaimedAssignments: reclaimed,
				revokedInvitations,
				notRecovered,
				...(creditNote ? { creditNote: creditNote.number } : {}),
				...(revokedProgrammeCertificates.length > 0 ? { revokedProgrammeCertificates } : {}),
			},
		})
	}
	return { orderId, status: updated.status, removed, notRecovered }
}

async function reduceSeats(
	tx: Tx,
	{
		organisationId,
		courseId,
		seats,
		reason,
		now,
	}: { organisationId: string; courseId: string; seats: number; reason: string; now: Date },
) {
	const pool = await lockSeatPool(tx, { organisationId, courseId })
	if (!pool) return { notRecovered: seats, reclaimed: [] as string[], revokedInvitations: [] as string[] }

	// Pending invitations hold seats without an assignment (the organisations context counts them as taken).
	const invitations = await tx.invitation.findMany({
		where: { seatPoolId: pool.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		select: { id: true },
	})
	const free = Math.max(0, pool.seats - pool.used - invitations.length)
	let needed = Math.max(0, seats - free)

	// 1. Unaccepted invitations: nobody has started anything.
	const revokedInvitations = invitations.slice(0, needed).map((i) => i.id)
	if (revokedInvitations.length > 0) {
		await tx.invitation.updateMany({ where: { id: { in: revokedInvitations } }, data: { revokedAt: now } })
		needed -= revokedInvitations.length
	}

	// 2. Seats whose learner has not started the course.
	let reclaimed: string[] = []
	if (needed > 0) {
		const candidates = await tx.seatAssignment.findMany({
			where: {
				poolId: pool.id,
				status: { in: ['PENDING', 'ASSIGNED'] },
				OR: [{ enrolment: { is: null } }, { enrolment: { is: enrolmentNotStartedWhere } }],
			},
			orderBy: [{ assignedAt: 'desc' }, { id: 'desc' }],
			take: needed,
			select: { id: true, invitationId: true, enrolment: { select: { id: true } } },
		})
		reclaimed = candidates.map((c) => c.id)
		if (reclaimed.length > 0) {
			await tx.seatAssignment.updateMany({
				where: { id: { in: reclaimed }, status: { in: ['PENDING', 'ASSIGNED'] } },
				data: { status: 'RECLAIMED', reclaimedAt: now },
			})
			const enrolmentIds = candidates.flatMap((c) => (c.enrolment ? [c.enrolment.id] : []))
			if (enrolmentIds.length > 0) {
				await tx.enrolment.updateMany({
					where: { id: { in: enrolmentIds }, status: 'ACTIVE', AND: [enrolmentNotStartedWhere] },
					data: { status: 'REVOKED', revokedAt: now, revokedReason: reason },
				})
			}
		}
	}

	// 3. Seats of learners who have started are never taken: the pool keeps at least what is in use.
	const used = Math.max(0, pool.used - reclaimed.length)
	const stillInvited = invitations.length - revokedInvitations.length
	const target = pool.seats - seats
	const newSeats = Math.max(used + stillInvited, target)
	await tx.seatPool.update({ where: { id: pool.id }, data: { seats: newSeats, used } })
	return { notRecovered: newSeats - Math.max(0, target), reclaimed, revokedInvitations }
}

/**
 * Refunds an order in full, for a platform admin (anyone else: `forbidden`). A Stripe order is
 * refunded through Stripe (`refunds.create` with an idempotency key, so a double click refunds once);
 * the `charge.refunded` webhook then withdraws the places or seats. A demo order has no money to
 * return, and an invoice paid by bank transfer is repaid by the finance team, so both are withdrawn
 * (and credited with a credit note) at once. Only PAID orders can be refunded (`conflict` otherwise). The
 * admin's optional reason is kept in the audit log (and on the Stripe refund's metadata).
 */
export async function refundOrder({
	orderId,
	actorId,
	reason,
}: {
	orderId: string
	actorId: string
	reason?: string | null
}) {
	const note = reason?.trim() ? reason.trim().slice(0, 500) : null
	await assertPlatformAdmin({ actorId })
	const order = await prisma.order.findUnique({
		where: { id: orderId },
		select: {
			id: true,
			status: true,
			paymentMethod: true,
			stripePaymentIntentId: true,
			amountPence: true,
			organisationId: true,
		},
	})
	if (!order) throw new BillingError('not_found', 'ORDER_NOT_FOUND', 'We could not find that order.')
	if (order.status !== 'PAID') {
		throw new BillingError('conflict', 'ORDER_NOT_PAID', 'Only paid orders can be refunded.')
	}
	// A demo order took no money; an invoice paid by bank transfer is refunded by bank transfer, outside
	// Circle: either way the refund is recorded (and credited) at once.
	const recordedHere =
		order.paymentMethod === 'DEMO' || (order.paymentMethod === 'INVOICE' && !order.stripePaymentIntentId)
	if (recordedHere) {
		const result = await prisma.$transaction(async (tx) => {
			await audit(tx, {
				actorId,
				organisationId: order.organisationId,
				action: 'order.refund_requested',
				orderId,
				details: {
					amountPence: order.amountPence,
					...(order.paymentMethod === 'DEMO' ? { demo: true } : { bankTransfer: true }),
					reason: note,
				},
			})
			return revokePurchase(tx, {
				orderId,
				refundedPence: order.amountPence,
				actorId,
				reason: note ? `Refunded: ${note}` : 'Refunded by an administrator',
			})
		})
		return { state: 'refunded' as const, seatLicence: order.organisationId !== null, ...result }
	}
	if (!order.stripePaymentIntentId) {
		throw new BillingError('conflict', 'NO_PAYMENT_TO_REFUND', 'This order has no Stripe payment to refund.')
	}
	const refund = await (await requireStripe()).refunds.create(
		{ payment_intent: order.stripePaymentIntentId, metadata: { orderId, ...(note ? { note } : {}) } },
		{ idempotencyKey: `order-${orderId}-refund` },
	)
	await prisma.$transaction((tx) =>
		audit(tx, {
			actorId,
			organisationId: order.organisationId,
			action: 'order.refund_requested',
			orderId,
			details: { refundId: refund.id, amountPence: refund.amount, reason: note },
		}),
	)
	return { state: 'requested' as const, refundId: refund.id }
}
