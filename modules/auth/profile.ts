import { type Language, prisma, type RegistrationBody } from '#modules/db/client.ts'
import { AuthError } from '#modules/auth/errors.ts'

/** What the account page shows and edits. */
export async function getProfile({ userId }: { userId: string }) {
	const user = await prisma.user.findUnique({
		where: { id: userId },
		select: {
			email: true,
			name: true,
			emailVerifiedAt: true,
			profession: true,
			registrationBody: true,
			registrationNumber: true,
		},
	})
	if (!user) throw new AuthError('not_found', 'USER_NOT_FOUND', 'We could not find your account')
	return user
}

/**
 * Updates the details a learner's certificates and CPD portfolio carry: their name, profession
 * and professional registration. Empty values clear the field; a registration number without a
 * registration body is refused, because it means nothing to a regulator on its own.
 */
export async function updateProfile({
	userId,
	name,
	profession,
	registrationBody,
	registrationNumber,
}: {
	userId: string
	name: string
	profession?: string | null
	registrationBody?: RegistrationBody | null
	registrationNumber?: string | null
}) {
	const trimmedName = name.trim()
	if (!trimmedName) throw new AuthError('invalid', 'NAME_REQUIRED', 'Enter your name', { field: 'name' })
	const number = registrationNumber?.trim() || null
	if (number && !registrationBody) {
		throw new AuthError('invalid', 'REGISTRATION_BODY_REQUIRED', 'Choose the body your registration number is with', {
			field: 'registrationBody',
		})
	}
	await prisma.user.update({
		where: { id: userId },
		data: {
			name: trimmedName,
			profession: profession?.trim() || null,
			registrationBody: registrationBody ?? null,
			registrationNumber: number,
		},
		select: { id: true },
	})
}

/** Remembers the interface language a person chose (ADR 0041); their emails follow it too. */
export async function setLanguage({ userId, language }: { userId: string; language: Language }) {
	await prisma.user.update({ where: { id: userId }, data: { language }, select: { id: true } })
}
