import { type EmailMessage, prisma } from '#modules/db/client.ts'
import { isRealDeployment, parseEnv } from '#modules/env/env.ts'
import type { EmailTemplateName } from './templates.ts'

/**
 * Whether the dev outbox pages exist: everywhere but a real deployment (development, tests, the
 * demo: ADR 0052). They show every email, password resets included, to anyone. Reads the environment
 * when called (not the value cached at start), so the answer follows the process's environment.
 */
export function isDevOutboxEnabled(source?: Record<string, string | undefined>): boolean {
	return !isRealDeployment(parseEnv(source))
}

const listFields = {
	id: true,
	to: true,
	subject: true,
	template: true,
	status: true,
	createdAt: true,
	sentAt: true,
} as const

/** The most recent emails, newest first, optionally only those to one address (any letter case). */
export async function listOutbox({ to, limit = 50 }: { to?: string; limit?: number }) {
	return prisma.emailMessage.findMany({
		where: to ? { to: { equals: to.trim(), mode: 'insensitive' } } : {},
		select: listFields,
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: limit,
	})
}

/** One stored email with its HTML and text, or null when there is no such message. */
export async function getOutboxMessage(id: string): Promise<EmailMessage | null> {
	return prisma.emailMessage.findUnique({ where: { id } })
}

/**
 * The newest email to `to` (any letter case), optionally of one template, or null when there is none.
 * Tests use it to pick up the links Circle sends, such as a verification link.
 */
export async function findLatestEmail({
	to,
	template,
}: {
	to: string
	template?: EmailTemplateName
}): Promise<EmailMessage | null> {
	return prisma.emailMessage.findFirst({
		where: { to: { equals: to.trim(), mode: 'insensitive' }, ...(template ? { template } : {}) },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
	})
}

/**
 * Every distinct http(s) address in a piece of text, in order of first appearance. Made for the
 * plain-text version of an email, where links appear as bare addresses or in [brackets].
 */
export function extractLinks(text: string): string[] {
	const found = text.match(/https?:\/\/[^\s<>"'[\]()]+/g) ?? []
	// A sentence may end straight after an address: its full stop is not part of it.
	const links = found.map((link) => link.replace(/[.,;:!?]+$/, ''))
	return [...new Set(links)]
}
