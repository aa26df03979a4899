import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import { HcpcEvidence } from '#app/components/hcpc-evidence.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithProblem, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getLanguage, getT } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { resendInvitation } from '#modules/reflective-records/confirmations.ts'
import { getHcpcEvidence } from '#modules/reflective-records/hcpc.ts'
import { deleteRecord, getRecord } from '#modules/reflective-records/records.ts'
import { RECORD_KIND_INFO } from '#modules/reflective-records/schemas.ts'
import { recordSections } from '#modules/reflective-records/sections.ts'
import type { Route } from './+types/records.$id'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data && 'record' in data
			? `${data.record.title} | Circle`
			: t('record.metaTitleDefault', { ns: 'records' }),
		t('record.metaDescription', { ns: 'records' }),
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const record = await withDomainErrors(() => getRecord({ userId: user.id, recordId: params.id }))
	return {
		record: {
			id: record.id,
			kind: record.kind,
			title: record.title,
			date: record.date,
			partnerStatus: record.partnerStatus,
			partner: record.partner
				? {
						invitedEmail: record.partner.invitedEmail,
						invitedAt: record.partner.invitedAt.toISOString(),
						confirmedAt: record.partner.confirmedAt?.toISOString() ?? null,
						attestation: record.partner.attestation,
					}
				: null,
		},
		// The questions in the reader's language; the PDF keeps the regulators' English (sections.ts).
		sections: recordSections(record, await getLanguage(request)),
		hcpc: record.kind === 'HCPC_PROFILE' ? await getHcpcEvidence({ userId: user.id }) : null,
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const intent = (await request.formData()).get('intent')
	try {
		if (intent === 'resend') {
			await resendInvitation({ userId: user.id, recordId: params.id })
			return { ok: true as const, intent: 'resend' }
		}
		if (intent === 'delete') {
			await deleteRecord({ userId: user.id, recordId: params.id })
			throw redirect('/records?done=deleted')
		}
	} catch (error) {
		if (error instanceof Response) throw error
		return replyWithProblem(error, { intent: String(intent) })
	}
	return data(
		{
			ok: false as const,
			code: 'UNKNOWN_INTENT',
			message: (await getT(request))('record.unknownAction', { ns: 'records' }),
			intent: String(intent),
		},
		{ status: 400 },
	)
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function RecordRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { record, sections, hcpc } = loaderData
	const [searchParams] = useSearchParams()
	const navigation = useNavigation()
	const { t } = useTranslation('records')
	const f = useFormat()
	const info = RECORD_KIND_INFO[record.kind]
	const problem = actionData && !actionData.ok ? actionData.message : null
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/records" className={LINK}>
					{t('index.heading')}
				</Link>
			</p>
			<p className="mt-4 text-stone-600">{t(`kinds.${record.kind}`)}</p>
			<h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900">{record.title}</h1>
			<p className="mt-2 text-stone-700">{f.date(record.date)}</p>

			{searchParams.get('done') === 'created' ? (
				<Notice tone="success" role="status" className="mt-6" title={t('record.saved')}>
					{record.partnerStatus === 'invited' ? t('record.emailed', { email: record.partner?.invitedEmail }) : null}
				</Notice>
			) : null}
			{actionData?.ok ? (
				<Notice tone="success" role="status" className="mt-6" title={t('record.resent')} />
			) : null}
			{problem ? <Notice tone="error" role="alert" className="mt-6" title={problem} /> : null}

			{info.partner ? (
				<section aria-labelledby="partner-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-5">
					<h2 id="partner-heading" className="text-xl font-bold text-stone-900">
						{t(`record.partnerHeading.${info.partner}`)}
					</h2>
					{record.partnerStatus === 'confirmed' && record.partner?.attestation ? (
						<>
							<p className="mt-2">
								<Badge tone="success">{t('record.confirmed')}</Badge>
							</p>
							<dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-stone-800">
								<dt className="font-medium">{t('record.name')}</dt>
								<dd>{record.partner.attestation.name}</dd>
								{record.partner.attestation.pin ? (
									<>
										<dt className="font-medium">{t('record.nmcPin')}</dt>
										<dd>{record.partner.attestation.pin}</dd>
									</>
								) : null}
								{record.partner.attestation.role ? (
									<>
										<dt className="font-medium">{t('record.role')}</dt>
										<dd>{record.partner.attestation.role}</dd>
									</>
								) : null}
								<dt className="font-medium">{t('record.email')}</dt>
								<dd>{record.partner.attestation.email}</dd>
								<dt className="font-medium">{t('record.date')}</dt>
								<dd>{f.date(record.partner.attestation.date)}</dd>
								<dt className="font-medium">{t('record.confirmedOn')}</dt>
								<dd>{record.partner.confirmedAt ? f.date(record.partner.confirmedAt) : ''}</dd>
								{record.partner.attestation.comment ? (
									<>
										<dt className="font-medium">{t('record.comment')}</dt>
										<dd className="whitespace-pre-line">{record.partner.attestation.comment}</dd>
									</>
								) : null}
							</dl>
						</>
					) : record.partnerStatus === 'invited' && record.partner ? (
						<>
							<p className="mt-2">
								<Badge tone="accent">{t('record.waiting')}</Badge>
							</p>
							<p className="mt-2 text-stone-700">
								{t('record.emailedOn', {
									email: record.partner.invitedEmail,
									date: f.date(record.partner.invitedAt),
								})}
							</p>
							<Form method="post" className="mt-3">
								<Button
									type="submit"
									name="intent"
									value="resend"
									variant="secondary"
									aria-disabled={navigation.state !== 'idle' || undefined}
								>
									{t('record.resend')}
								</Button>
							</Form>
						</>
					) : (
						<p className="mt-2 text-stone-700">
							{t('record.noPartner')}
						</p>
					)}
				</section>
			) : null}

			<div className="mt-8 space-y-6">
				{sections.map((section) => (
					<section key={section.key}>
						<h2 className="text-lg font-semibold text-stone-900">{section.heading}</h2>
						<p className="mt-1 whitespace-pre-line text-stone-800">{section.text}</p>
					</section>
				))}
				{hcpc && sections.length === 0 ? (
					<p className="text-stone-700">{t('record.nothingYet')}</p>
				) : null}
			</div>
			{hcpc ? (
				<HcpcEvidence
					evidence={hcpc}
					explainHref={hcpc.gaps.length ? `/records/${record.id}/edit#record-HCPC_PROFILE-gapExplanation` : undefined}
				/>
			) : null}

			<div className="mt-10 flex flex-wrap items-center gap-4 border-t border-stone-200 pt-6">
				<a href={`/records/${record.id}.pdf`} className={LINK}>
					{t('record.pdf')}
				</a>
				<Link to={`/records/${record.id}/edit`} className={LINK}>
					{t('record.edit')}
				</Link>
				<Form
					method="post"
					onSubmit={(event) => {
						if (!confirm(t('record.confirmDelete'))) event.preventDefault()
					}}
				>
					<Button type="submit" name="intent" value="delete" variant="danger" size="sm">
						{t('record.delete')}
					</Button>
				</Form>
			</div>
		</Container>
	)
}
