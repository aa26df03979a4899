import type { Tx } from '#modules/db/client.ts'

export type StripeEventRef = { id: string; type: string }

/**
 * Records a webhook event as processed inside the transaction that applies its effect, and says
 * whether this call is the one to apply it. A replay finds the row and gets false; a simultaneous
 * delivery of the same event waits on the primary key until the first commits (then false) or rolls
 * back (then true). A failed effect rolls the row back with it, so Stripe's retry is processed.
 */
export async function claimStripeEvent(tx: Tx, event: StripeEventRef): Promise<boolean> {
	const inserted = await tx.$executeRaw`
		INSERT INTO "StripeEvent" (id, type, "processedAt", "createdAt")
		VALUES (${event.id}, ${event.type}, now(), now())
		ON CONFLICT (id) DO NOTHING`
	return inserted === 1
}
