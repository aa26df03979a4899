import { Prisma } from '#modules/db/client.ts'
import { ScimError } from './errors.ts'

/** RFC 7644's uniqueness error (409), saying what clashed. */
export function scimUniqueness(detail: string) {
	return new ScimError('conflict', 'SCIM_UNIQUENESS', detail)
}

/** Runs a write, turning a unique-index race (two creates at once) into the RFC's uniqueness error. */
export async function withScimUniqueness<T>(detail: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run()
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw scimUniqueness(detail)
		}
		throw error
	}
}
