import { getFormProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormErrors, SelectField, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { changeUserRole } from '#modules/admin/change-user-role.ts'
import { getUserForAdmin } from '#modules/admin/get-user-for-admin.ts'
import { ChangeRoleSchema, DisableUserSchema, EnableUserSchema, ROLES } from '#modules/admin/schemas.ts'
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

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data ? t('user.meta.title', { ns: 'admin', name: data.user.name }) : t('user.meta.fallback', { ns: 'admin' }),
		t('user.meta.description', { ns: 'admin' }),
		NOINDEX,
	)
}

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
			title: e.version.title,
			versionNumber: e.version.number,
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
	const t = await getT(request)
	try {
		if (value.intent === 'role') {
			await changeUserRole({ actorId: admin.id, userId: params.id, role: value.role, reason: value.reason })
			return {
				intent,
				result: submission.reply({ resetForm: true }),
				done: t('user.done.role', { ns: 'admin', role: t(`platformRoles.${value.role}`, { ns: 'admin' }) }),
			}
		}
		if (value.intent === 'disable') {
			const { sessionsEnded } = await disableUser({ actorId: admin.id, userId: params.id, reason: value.reason })
			return {
				intent,
				result: submission.reply({ resetForm: true }),
				done: t('user.done.disabled', { ns: 'admin', count: sessionsEnded }),
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
				done: t('user.done.erased', {
					ns: 'admin',
					sessions: t('user.done.erasedSessions', { ns: 'admin', count: summary.sessionsEnded }),
					certificates: t('user.done.erasedCertificates', { ns: 'admin', count: summary.certificatesWithoutName }),
				}),
			}
		}
		await enableUser({ actorId: admin.id, userId: params.id, reason: value.reason })
		return {
			intent,
			result: submission.reply({ resetForm: true }),
			done: t('user.done.enabled', { ns: 'admin' }),
		}
	} catch (error) {
		const response = replyWithDomainError(submission, error)
		return data({ intent, result: response.data.result, done: null }, response.init ?? undefined)
	}
}

export default function AdminUserRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { user, isSelf, enrolments, memberships, certificates, audit } = loaderData
	const { t } = useTranslation('admin')
	const format = useFormat()
	const roleOptions = ROLES.map((r) => ({ value: r, label: t(`platformRoles.${r}`) }))
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
		? t('user.refusal.self')
		: user.role === 'ADMIN'
			? t('user.refusal.admin')
			: loaderData.soleOwnerOf.length > 0
				? t('user.refusal.soleOwner', { organisations: loaderData.soleOwnerOf.join(', ') })
				: null

	return (
		<AdminPage
			width="prose"
			back={{ to: '/admin/users', label: t('user.back') }}
			title={
				<>
					<span className="sr-only">{t('user.userLabel')}</span>
					{user.name}
				</>
			}
		>
			<p className="mt-2 flex flex-wrap gap-2">
				<Badge tone="brand">{t(`platformRoles.${user.role}`)}</Badge>
				{user.erasedAt ? (
					<Badge tone="accent">{t('user.erasedOn', { date: format.date(user.erasedAt) })}</Badge>
				) : user.disabledAt ? (
					<Badge tone="accent">{t('user.disabledOn', { date: format.date(user.disabledAt) })}</Badge>
				) : (
					<Badge tone="success">{t('user.active')}</Badge>
				)}
			</p>
			{done ? <Notice tone="success" role="status" title={done} className="mt-6" /> : null}

			<Facts
				items={[
					[t('user.facts.email'), user.email],
					[t('user.facts.confirmed'), user.verifiedAt ? format.date(user.verifiedAt) : t('user.notYet')],
					[t('user.facts.joined'), format.date(user.createdAt)],
					[t('user.facts.lastSeen'), loaderData.lastSeenAt ? format.date(loaderData.lastSeenAt) : t('user.never')],
					[t('user.facts.sessions'), format.number(loaderData.activeSessions)],
					[t('user.facts.profession'), user.profession ?? t('user.notGiven')],
					[t('user.facts.registrationBody'), user.registrationBody ?? t('user.notGiven')],
				]}
			/>

			<Section id="role-heading" title={t('user.role.heading')}>
				{isSelf ? <p className="mt-2 text-stone-700">{t('user.role.self')}</p> : null}
				<Form method="post" className="mt-4 space-y-4" {...getFormProps(roleForm)}>
					<FormErrors id={roleForm.errorId} errors={roleForm.errors} />
					<input type="hidden" name="intent" value="role" />
					<SelectField
						labelProps={{ children: t('user.role.newRole') }}
						options={roleOptions}
						selectProps={getSelectProps(roleFields.role)}
						errors={roleFields.role.errors}
					/>
					<TextareaField
						labelProps={{ children: t('user.reason') }}
						description={t('user.reasonHint')}
						textareaProps={{ ...getTextareaProps(roleFields.reason), rows: 2 }}
						errors={roleFields.reason.errors}
					/>
					<SubmitButton pending={busy}>{t('user.role.submit')}</SubmitButton>
				</Form>
			</Section>

			{user.erasedAt ? null : (
				<Section
					id="status-heading"
					title={user.disabledAt ? t('user.status.enableHeading') : t('user.status.disableHeading')}
				>
					<p className="mt-2 text-stone-700">
						{user.disabledAt ? t('user.status.enableBody') : t('user.status.disableBody')}
					</p>
					{!user.disabledAt && isSelf ? (
						<p className="mt-2 text-stone-700">{t('user.status.self')}</p>
					) : (
						<Form method="post" className="mt-4 space-y-4" {...getFormProps(statusForm)}>
							<FormErrors id={statusForm.errorId} errors={statusForm.errors} />
							<input type="hidden" name="intent" value={statusIntent} />
							<TextareaField
								labelProps={{ children: t('user.reason') }}
								description={t('user.reasonHint')}
								textareaProps={{ ...getTextareaProps(statusFields.reason), rows: 2 }}
								errors={statusFields.reason.errors}
							/>
							<SubmitButton pending={busy} className={user.disabledAt ? undefined : 'bg-red-700 hover:bg-red-800'}>
								{user.disabledAt ? t('user.status.enable') : t('user.status.disable')}
							</SubmitButton>
						</Form>
					)}
				</Section>
			)}

			{user.erasedAt ? null : (
				<Section id="erase-heading" title={t('user.erase.heading')}>
					<p className="mt-2 text-stone-700">{t('user.erase.body')}</p>
					{eraseRefusal ? (
						<p className="mt-2 text-stone-700">{eraseRefusal}</p>
					) : (
						<Form method="post" className="mt-4 space-y-4" {...getFormProps(eraseForm)}>
							<FormErrors id={eraseForm.errorId} errors={eraseForm.errors} />
							<input type="hidden" name="intent" value="erase" />
							<TextareaField
								labelProps={{ children: t('user.reason') }}
								description={t('user.erase.reasonHint')}
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
									<span className="text-stone-900">{t('user.erase.confirm')}</span>
								</label>
								<ErrorList
									id={eraseFields.confirm.errors?.length ? eraseFields.confirm.errorId : undefined}
									errors={eraseFields.confirm.errors}
								/>
							</div>
							<SubmitButton pending={busy} className="bg-red-700 hover:bg-red-800">
								{t('user.erase.submit')}
							</SubmitButton>
						</Form>
					)}
				</Section>
			)}

			<Section id="enrolments-heading" title={t('user.enrolments.heading')}>
				{enrolments.length ? (
					<TableFrame minWidth="36rem">
						<caption className="sr-only">{t('user.enrolments.caption', { name: user.name })}</caption>
						<TableHead
							columns={[
								t('user.enrolments.columns.course'),
								t('user.enrolments.columns.how'),
								t('user.enrolments.columns.enrolled'),
								t('user.enrolments.columns.completed'),
							]}
						/>
						<tbody className="divide-y divide-stone-200">
							{enrolments.map((e) => (
								<tr key={e.id}>
									<td className={tdClasses}>
										{t('user.enrolments.course', { title: e.title, number: e.versionNumber })}
										{e.status === 'REVOKED' ? (
											<>
												{' '}
												<Badge tone="accent">{t('user.enrolments.revoked')}</Badge>
											</>
										) : null}
									</td>
									<td className={tdClasses}>{t(`user.enrolments.sources.${e.source}`)}</td>
									<td className={`${tdClasses} whitespace-nowrap`}>{format.date(e.createdAt)}</td>
									<td className={`${tdClasses} whitespace-nowrap`}>
										{e.completedAt ? format.date(e.completedAt) : t('user.notYet')}
									</td>
								</tr>
							))}
						</tbody>
					</TableFrame>
				) : (
					<p className="mt-3 text-stone-700">{t('user.enrolments.none')}</p>
				)}
			</Section>

			<Section id="organisations-heading" title={t('user.organisations.heading')}>
				{memberships.length ? (
					<ul className="mt-3 list-disc space-y-1 pl-6">
						{memberships.map((m) => (
							<li key={m.id}>
								<Link to={`/admin/organisations/${m.id}`} className={linkClasses}>
									{m.name}
								</Link>{' '}
								({t(`organisation.roles.${m.role}`)})
							</li>
						))}
					</ul>
				) : (
					<p className="mt-3 text-stone-700">{t('user.organisations.none')}</p>
				)}
			</Section>

			<Section id="certificates-heading" title={t('user.certificates.heading')}>
				{certificates.length ? (
					<ul className="mt-3 space-y-2">
						{certificates.map((c) => (
							<li key={c.code}>
								<Link to={`/admin/certificates/${c.code}`} className={`${linkClasses} font-mono`}>
									{c.code}
								</Link>{' '}
								{t('user.certificates.issued', { title: c.courseTitle, date: format.date(c.issuedAt) })}
								{c.revoked ? (
									<>
										{' '}
										<Badge tone="accent">{t('user.certificates.revoked')}</Badge>
									</>
								) : null}
							</li>
						))}
					</ul>
				) : (
					<p className="mt-3 text-stone-700">{t('user.certificates.none')}</p>
				)}
			</Section>

			<Section id="history-heading" title={t('user.history.heading')}>
				<AuditList entries={audit} empty={t('user.history.empty')} />
			</Section>
		</AdminPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
