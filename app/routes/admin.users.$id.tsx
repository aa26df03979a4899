import { getFormProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormErrors, SelectField, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { changeUserRole } from '#modules/admin/change-user-role.ts'
import { getUserForAdmin } from '#modules/admin/get-user-for-admin.ts'
import { ChangeRoleSchema, DisableUserSchema, EnableUserSchema, ROLE_LABELS, ROLES } from '#modules/admin/schemas.ts'
import { disableUser, enableUser } from '#modules/admin/set-user-disabled.ts'
import { eraseAccount, soleOwnedOrganisations } from '#modules/data-rights/erasure.ts'
import { AdminEraseUserSchema } from '#modules/data-rights/schemas.ts'
import { prisma } from '#modules/db/client.ts'
import {
	AdminPage,
	AuditList,
	describeAudit,
	Facts,
	linkClasses,
	Section,
	TableFrame,
	TableHead,
	tdClasses,
} from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.users.$id'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`${data?.user.name ?? 'User'} | Users | Admin | Circle`,
		'One user: their account, role, enrolments and certificates.',
		NOINDEX,
	)

const RoleFormSchema = ChangeRoleSchema.extend({ intent: z.literal('role') })
const DisableFormSchema = DisableUserSchema.extend({ intent: z.literal('disable') })
const EnableFormSchema = EnableUserSchema.extend({ intent: z.literal('enable') })
const EraseFormSchema = AdminEraseUserSchema.extend({ intent: z.literal('erase') })
const ActionSchema = z.discriminatedUnion('intent', [
	RoleFormSchema,
	DisableFormSchema,
	EnableFormSchema,
	EraseFormSchema,
])

export async function loader({ request, params }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const { user, activeSessions, lastSeenAt, audit } = await withDomainErrors(() =>
		getUserForAdmin({ actorId: admin.id, userId: params.id }),
	)
	return {
		isSelf: admin.id === user.id,
		soleOwnerOf: await soleOwnedOrganisations(prisma, user.id),
		user: {
			id: user.id,
			name: user.name,
			email: user.email,
			role: user.role,
			profession: user.profession,
			registrationBody: user.registrationBody,
			verifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
			disabledAt: user.disabledAt?.toISOString() ?? null,
			erasedAt: user.erasedAt?.toISOString() ?? null,
			createdAt: user.createdAt.toISOString(),
		},
		activeSessions,
		lastSeenAt: lastSeenAt?.toISOString() ?? null,
		enrolments: user.enrolments.map((e) => ({
			id: e.id,
			course: `${e.version.title} (version ${e.version.number})`,
			slug: e.course.slug,
			source: e.source,
			status: e.status,
			startedAt: e.startedAt?.toISOString() ?? null,
			completedAt: e.completedAt?.toISOString() ?? null,
			createdAt: e.createdAt.toISOString(),
		})),
		memberships: user.memberships.map((m) => ({ role: m.role, ...m.organisation })),
		certificates: user.certificates.map((c) => ({
			code: c.code,
			courseTitle: c.courseTitle,
			issuedAt: c.issuedAt.toISOString(),
			revoked: c.revokedAt !== null,
		})),
		audit: audit.map(describeAudit),
	}
}

/** Change role, disable, enable or erase, each with a reason for the audit log. Platform admins only. */
export async function action({ request, params }: Route.ActionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	const submission = parseWithZod(formData, { schema: ActionSchema })
	if (submission.status !== 'success') {
		return data({ intent, result: submission.reply(), done: null }, { status: 400 })
	}
	const value = submission.value
	try {
		if (value.intent === 'role') {
			await changeUserRole({ actorId: admin.id, userId: params.id, role: value.role, reason: value.reason })
			return {
				intent,
				result: submission.reply({ resetForm: true }),
				done: `Their role is now ${ROLE_LABELS[value.role]}.`,
			}
		}
		if (value.intent === 'disable') {
			const { sessionsEnded } = await disableUser({ actorId: admin.id, userId: params.id, reason: value.reason })
			return {
				intent,
				result: submission.reply({ resetForm: true }),
				done: `The account is disabled and ${sessionsEnded} signed-in ${sessionsEnded === 1 ? 'session was' : 'sessions were'} ended.`,
			}
		}
		if (value.intent === 'erase') {
			const summary = await eraseAccount({
				actor: { kind: 'admin', userId: admin.id },
				userId: params.id,
				reason: value.reason,
				now: new Date(),
			})
			return {
				intent,
				result: submission.reply({ resetForm: true }),
				done: `The account is erased: its personal data is gone, ${summary.sessionsEnded} signed-in ${summary.sessionsEnded === 1 ? 'session was' : 'sessions were'} ended, and ${summary.certificatesWithoutName} ${summary.certificatesWithoutName === 1 ? 'certificate verifies' : 'certificates verify'} without the name.`,
			}
		}
		await enableUser({ actorId: admin.id, userId: params.id, reason: value.reason })
		return {
			intent,
			result: submission.reply({ resetForm: true }),
			done: 'The account is enabled: they can sign in again.',
		}
	} catch (error) {
		const response = replyWithDomainError(submission, error)
		return data({ intent, result: response.data.result, done: null }, response.init ?? undefined)
	}
}

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

export default function AdminUserRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { user, isSelf, enrolments, memberships, certificates, audit } = loaderData
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const submittedIntent = navigation.state === 'idle' ? actionData?.intent : undefined
	const resultFor = (intent: string) => (submittedIntent === intent ? actionData?.result : undefined)

	const [roleForm, roleFields] = useForm({
		id: 'change-role',
		lastResult: resultFor('role'),
		defaultValue: { role: user.role },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RoleFormSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const statusIntent = user.disabledAt ? 'enable' : 'disable'
	const [statusForm, statusFields] = useForm({
		id: `${statusIntent}-user`,
		lastResult: resultFor(statusIntent),
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: user.disabledAt ? EnableFormSchema : DisableFormSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const [eraseForm, eraseFields] = useForm({
		id: 'erase-user',
		lastResult: resultFor('erase'),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: EraseFormSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const done = actionData && 'done' in actionData ? actionData.done : null
	const eraseRefusal = isSelf
		? 'You cannot erase your own account from here: ask another platform admin.'
		: user.role === 'ADMIN'
			? 'A platform admin’s account cannot be erased. Change the role first.'
			: loaderData.soleOwnerOf.length > 0
				? `They are the only owner of ${loaderData.soleOwnerOf.join(', ')}. Another member must be made an owner first.`
				: null

	return (
		<AdminPage
			width="prose"
			back={{ to: '/admin/users', label: 'All users' }}
			title={
				<>
					<span className="sr-only">User: </span>
					{user.name}
				</>
			}
		>
			<p className="mt-2 flex flex-wrap gap-2">
				<Badge tone="brand">{ROLE_LABELS[user.role]}</Badge>
				{user.erasedAt ? (
					<Badge tone="accent">Erased {formatDate(user.erasedAt)}</Badge>
				) : user.disabledAt ? (
					<Badge tone="accent">Disabled {formatDate(user.disabledAt)}</Badge>
				) : (
					<Badge tone="success">Active</Badge>
				)}
			</p>
			{done ? <Notice tone="success" role="status" title={done} className="mt-6" /> : null}

			<Facts
				items={[
					['Email', user.email],
					['Email confirmed', user.verifiedAt ? formatDate(user.verifiedAt) : 'Not yet'],
					['Joined', formatDate(user.createdAt)],
					['Last seen', loaderData.lastSeenAt ? formatDate(loaderData.lastSeenAt) : 'Never'],
					['Signed-in sessions', String(loaderData.activeSessions)],
					['Profession', user.profession ?? 'Not given'],
					['Registration body', user.registrationBody ?? 'Not given'],
				]}
			/>

			<Section id="role-heading" title="Role">
				{isSelf ? (
					<p className="mt-2 text-stone-700">
						This is your own account. You cannot remove your own admin role: ask another platform admin.
					</p>
				) : null}
				<Form method="post" className="mt-4 space-y-4" {...getFormProps(roleForm)}>
					<FormErrors id={roleForm.errorId} errors={roleForm.errors} />
					<input type="hidden" name="intent" value="role" />
					<SelectField
						labelProps={{ children: 'New role' }}
						options={roleOptions}
						selectProps={getSelectProps(roleFields.role)}
						errors={roleFields.role.errors}
					/>
					<TextareaField
						labelProps={{ children: 'Reason' }}
						description="Kept in the audit log. Between 5 and 500 characters."
						textareaProps={{ ...getTextareaProps(roleFields.reason), rows: 2 }}
						errors={roleFields.reason.errors}
					/>
					<SubmitButton pending={busy}>Change role</SubmitButton>
				</Form>
			</Section>

			{user.erasedAt ? null : (
				<Section id="status-heading" title={user.disabledAt ? 'Enable the account' : 'Disable the account'}>
					<p className="mt-2 text-stone-700">
						{user.disabledAt
							? 'They will be able to sign in again. Their courses, progress and certificates are as they left them.'
							: 'They are signed out everywhere at once and cannot sign in until the account is enabled again. Nothing is deleted, and their certificates stay valid.'}
					</p>
					{!user.disabledAt && isSelf ? (
						<p className="mt-2 text-stone-700">You cannot disable your own account.</p>
					) : (
						<Form method="post" className="mt-4 space-y-4" {...getFormProps(statusForm)}>
							<FormErrors id={statusForm.errorId} errors={statusForm.errors} />
							<input type="hidden" name="intent" value={statusIntent} />
							<TextareaField
								labelProps={{ children: 'Reason' }}
								description="Kept in the audit log. Between 5 and 500 characters."
								textareaProps={{ ...getTextareaProps(statusFields.reason), rows: 2 }}
								errors={statusFields.reason.errors}
							/>
							<SubmitButton pending={busy} className={user.disabledAt ? undefined : 'bg-red-700 hover:bg-red-800'}>
								{user.disabledAt ? 'Enable account' : 'Disable account'}
							</SubmitButton>
						</Form>
					)}
				</Section>
			)}

			{user.erasedAt ? null : (
				<Section id="erase-heading" title="Erase the account">
					<p className="mt-2 text-stone-700">
						Only when the person has asked for it (UK GDPR right to erasure). Their name, email addresses, profession,
						sign-in methods, reflections, CPD record, reflective records, emails and network details are removed at once
						and for good; they are signed out everywhere and can never sign in again. Organisations keep their counts,
						and certificates still verify, without the name unless the organisation’s retention policy keeps it.
					</p>
					{eraseRefusal ? (
						<p className="mt-2 text-stone-700">{eraseRefusal}</p>
					) : (
						<Form method="post" className="mt-4 space-y-4" {...getFormProps(eraseForm)}>
							<FormErrors id={eraseForm.errorId} errors={eraseForm.errors} />
							<input type="hidden" name="intent" value="erase" />
							<TextareaField
								labelProps={{ children: 'Reason' }}
								description="How and when they asked (e.g. “Email to the DPO on 1 December 2026”). Kept in the audit log, without their name."
								textareaProps={{ ...getTextareaProps(eraseFields.reason), rows: 2 }}
								errors={eraseFields.reason.errors}
							/>
							<div>
								<label className="flex min-h-11 items-start gap-3">
									<input
										type="checkbox"
										id={eraseFields.confirm.id}
										name={eraseFields.confirm.name}
										value="on"
										aria-invalid={eraseFields.confirm.errors?.length ? true : undefined}
										aria-describedby={eraseFields.confirm.errors?.length ? eraseFields.confirm.errorId : undefined}
										className="mt-1 size-5 accent-brand-700"
									/>
									<span className="text-stone-900">
										The person asked for their account to be erased, and I understand it cannot be undone.
									</span>
								</label>
								<ErrorList
									id={eraseFields.confirm.errors?.length ? eraseFields.confirm.errorId : undefined}
									errors={eraseFields.confirm.errors}
								/>
							</div>
							<SubmitButton pending={busy} className="bg-red-700 hover:bg-red-800">
								Erase account
							</SubmitButton>
						</Form>
					)}
				</Section>
			)}

			<Section id="enrolments-heading" title="Enrolments">
				{enrolments.length ? (
					<TableFrame minWidth="36rem">
						<caption className="sr-only">Enrolments of {user.name}</caption>
						<TableHead columns={['Course', 'How', 'Enrolled', 'Completed']} />
						<tbody className="divide-y divide-stone-200">
							{enrolments.map((e) => (
								<tr key={e.id}>
									<td className={tdClasses}>
										{e.course}
										{e.status === 'REVOKED' ? (
											<>
												{' '}
												<Badge tone="accent">Revoked</Badge>
											</>
										) : null}
									</td>
									<td className={tdClasses}>{e.source.charAt(0) + e.source.slice(1).toLowerCase()}</td>
									<td className={`${tdClasses} whitespace-nowrap`}>{formatDate(e.createdAt)}</td>
									<td className={`${tdClasses} whitespace-nowrap`}>
										{e.completedAt ? formatDate(e.completedAt) : 'Not yet'}
									</td>
								</tr>
							))}
						</tbody>
					</TableFrame>
				) : (
					<p className="mt-3 text-stone-700">No enrolments.</p>
				)}
			</Section>

			<Section id="organisations-heading" title="Organisations">
				{memberships.length ? (
					<ul className="mt-3 list-disc space-y-1 pl-6">
						{memberships.map((m) => (
							<li key={m.id}>
								<Link to={`/admin/organisations/${m.id}`} className={linkClasses}>
									{m.name}
								</Link>{' '}
								({m.role.charAt(0) + m.role.slice(1).toLowerCase()})
							</li>
						))}
					</ul>
				) : (
					<p className="mt-3 text-stone-700">Not a member of any organisation.</p>
				)}
			</Section>

			<Section id="certificates-heading" title="Certificates">
				{certificates.length ? (
					<ul className="mt-3 space-y-2">
						{certificates.map((c) => (
							<li key={c.code}>
								<Link to={`/admin/certificates/${c.code}`} className={`${linkClasses} font-mono`}>
									{c.code}
								</Link>{' '}
								{c.courseTitle}, issued {formatDate(c.issuedAt)}
								{c.revoked ? (
									<>
										{' '}
										<Badge tone="accent">Revoked</Badge>
									</>
								) : null}
							</li>
						))}
					</ul>
				) : (
					<p className="mt-3 text-stone-700">No certificates.</p>
				)}
			</Section>

			<Section id="history-heading" title="History">
				<AuditList entries={audit} empty="No admin changes to this account yet." />
			</Section>
		</AdminPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
