import type { MfaChange } from '#emails/mfa-changed.tsx'
import type { Tx } from '#modules/db/client.ts'
import { sendEmail } from '#modules/mail/send-email.ts'

/** Emails the person about a change to their second factor, inside the change's transaction. */
export async function sendMfaChangedEmail(tx: Tx, userId: string, change: MfaChange) {
	const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } })
	await sendEmail({ to: user.email, template: 'mfa-changed', props: { name: user.name, change } }, tx)
}
