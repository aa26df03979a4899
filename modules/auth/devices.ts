import type { Tx } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { describeUserAgent, partialIpAddress } from '#modules/security/user-agent.ts'

/**
 * Notes the browser a sign-in came from (its device cookie, hashed) inside the sign-in's
 * transaction, before the sign-in's own audit entry. When the device is new for this person and
 * they have signed in before, they are emailed: exactly once per device, because only the insert
 * that creates the KnownDevice row (unique per user and device) sends it.
 */
export async function recordSignInDevice(
	tx: Tx,
	{
		userId,
		deviceId,
		ipAddress,
		userAgent,
		now,
	}: { userId: string; deviceId: string; ipAddress?: string | null; userAgent?: string | null; now: Date },
) {
	const { count } = await tx.knownDevice.createMany({
		data: [
			{ userId, deviceHash: deviceId, userAgent: userAgent?.slice(0, 500) ?? null, firstSeenAt: now, lastSeenAt: now },
		],
		skipDuplicates: true,
	})
	if (count === 0) {
		await tx.knownDevice.updateMany({ where: { userId, deviceHash: deviceId }, data: { lastSeenAt: now } })
		return { newDevice: false }
	}
	const signedInBefore = await tx.auditLog.findFirst({
		where: { actorId: userId, action: 'auth.signed_in' },
		select: { id: true },
	})
	if (!signedInBefore) return { newDevice: true }
	const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } })
	await sendEmail(
		{
			to: user.email,
			template: 'new-device-sign-in',
			props: {
				name: user.name,
				device: describeUserAgent(userAgent),
				at: now,
				network: partialIpAddress(ipAddress),
				securityUrl: `${appUrl()}/account/security`,
			},
		},
		tx,
	)
	return { newDevice: true }
}
