import { z } from 'zod'

/**
 * What an email attaches, as stored in EmailMessage.attachments: a descriptor of where the file
 * comes from, never the file itself. The send-email job re-creates each file when it delivers the
 * message, so a retry a day later still attaches the current document and the table stays small.
 * A new kind of attachment is one more member here and one registerAttachmentResolver() call.
 */
export const AttachmentDescriptorSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('certificate'), certificateId: z.string().min(1) }),
	z.object({ kind: z.literal('programme-certificate'), programmeCertificateId: z.string().min(1) }),
	// A reflective circle's calendar invitation (REQUEST) or withdrawal (CANCEL), at the circle's SEQUENCE then.
	z.object({
		kind: z.literal('circle-invitation'),
		bookingId: z.string().min(1),
		method: z.enum(['REQUEST', 'CANCEL']),
		sequence: z.number().int().min(0),
	}),
	// A VAT invoice (CIR-…) or credit note (CRN-…), drawn from the copy stored when it was issued.
	z.object({ kind: z.literal('invoice-document'), number: z.string().min(1) }),
])

export type AttachmentDescriptor = z.infer<typeof AttachmentDescriptorSchema>
export type AttachmentKind = AttachmentDescriptor['kind']

/** A file ready for nodemailer. */
export type ResolvedAttachment = { filename: string; content: Buffer; contentType: string }

export type AttachmentResolver<Kind extends AttachmentKind> = (
	descriptor: Extract<AttachmentDescriptor, { kind: Kind }>,
) => Promise<ResolvedAttachment>

const resolvers = new Map<AttachmentKind, AttachmentResolver<AttachmentKind>>()

/**
 * Teaches mail delivery how to build one kind of attachment (for example the certificates context
 * registering a resolver that renders a certificate's PDF). Register it where the worker will load
 * it: alongside the job handlers in modules/jobs/handlers.ts. Registering a kind again replaces it.
 */
export function registerAttachmentResolver<Kind extends AttachmentKind>(
	kind: Kind,
	resolver: AttachmentResolver<Kind>,
): void {
	resolvers.set(kind, resolver as unknown as AttachmentResolver<AttachmentKind>)
}

/**
 * Reads the descriptors stored on a message (an absent column means none) and builds each file with
 * its registered resolver. Throws when the stored value is not a list of known descriptors or a
 * kind has no resolver, so that the message is retried rather than sent without its attachment.
 */
export async function resolveAttachments(stored: unknown): Promise<ResolvedAttachment[]> {
	if (stored === null || stored === undefined) return []
	const descriptors = z.array(AttachmentDescriptorSchema).parse(stored)
	return Promise.all(
		descriptors.map((descriptor) => {
			const resolver = resolvers.get(descriptor.kind)
			if (!resolver) throw new Error(`No attachment resolver is registered for "${descriptor.kind}"`)
			return resolver(descriptor)
		}),
	)
}
