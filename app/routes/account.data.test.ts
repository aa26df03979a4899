// /account/data and the emailed download link, called as React Router calls them with real Requests:
// sign-in required everywhere, bad form input answered beside the form (400, nothing saved), and the
// link refused for anyone but the export's owner (the test fails if the owner check is removed).
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { prepareDataExport, requestDataExport } from '#modules/data-rights/export.ts'
import { extractLinks } from '#modules/mail/outbox.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createCertificate, createLearner } from '#tests/factories/certificates.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action, loader } from './account.data.tsx'
import { loader as pageLoader } from './account.data_.download.$exportId.tsx'
import { action as fileAction } from './account.data_.download.$exportId.file.ts'

afterAll(async () => {
	await releaseTestResources()
	await prisma.$disconnect()
})

async function readyExport() {
	const { user } = await createCertificate()
	const now = new Date()
	const { exportId } = await requestDataExport({ actorId: user.id, userId: user.id, now })
	await prepareDataExport({ exportId, now })
	const email = await prisma.emailMessage.findFirstOrThrow({ where: { to: user.email, template: 'data-export-ready' } })
	const link = new URL(extractLinks(email.text).find((l) => l.includes('/account/data/download/'))!)
	return { user, exportId, path: `${link.pathname}${link.search}` }
}

describe('/account/data', () => {
	test('needs a signed-in person', async () => {
		expect(statusOf(await runRoute(loader, getRequest('/account/data')))).toBe(302)
		expect(statusOf(await runRoute(action, formRequest('/account/data', { intent: 'request-export' })))).toBe(302)
	})

	test('a request is saved and shown as being prepared', async () => {
		const user = await createLearner()
		const cookie = await sessionCookie(user.id)
		const result = await runRoute(action, formRequest('/account/data', { intent: 'request-export' }, { cookie }))
		expect(result).toMatchObject({ requested: true })
		const page = (await runRoute(loader, getRequest('/account/data', { cookie }))) as { latest: { state: string } }
		expect(page.latest.state).toBe('preparing')
	})

	test('bad input is answered beside the form and saves nothing', async () => {
		const user = await createLearner()
		const cookie = await sessionCookie(user.id)
		const result = await runRoute(action, formRequest('/account/data', { intent: 'delete-everything' }, { cookie }))
		expect(statusOf(result)).toBe(400)
		expect(await prisma.dataExport.count({ where: { userId: user.id } })).toBe(0)
	})
})

describe('the emailed link', () => {
	test('the owner sees the download page and gets the ZIP once; a second try goes back to the page, which says it was used', async () => {
		const { user, exportId, path } = await readyExport()
		const cookie = await sessionCookie(user.id)
		expect(await runRoute(pageLoader, getRequest(path, { cookie }), { exportId })).toMatchObject({
			fileUrl: expect.stringContaining(`/account/data/download/${exportId}/file?token=`),
		})
		const filePath = path.replace(exportId, `${exportId}/file`)
		const file = (await runRoute(fileAction, formRequest(filePath, {}, { cookie }), { exportId })) as Response
		expect(file.status).toBe(200)
		expect(file.headers.get('Content-Type')).toBe('application/zip')
		expect(file.headers.get('Content-Disposition')).toMatch(/^attachment; filename="circle-your-data-/)

		const again = (await runRoute(fileAction, formRequest(filePath, {}, { cookie }), { exportId })) as Response
		expect(again.status).toBe(302)
		expect(again.headers.get('Location')).toBe(path)
		const page = await runRoute(pageLoader, getRequest(path, { cookie }), { exportId })
		expect(statusOf(page)).toBe(410)
		expect(page).toMatchObject({ data: { code: 'DATA_EXPORT_LINK_USED' } })
	})

	test('another signed-in person is refused with 403, and the link is not used up', async () => {
		const { exportId, path } = await readyExport()
		const stranger = await createLearner({ name: 'Not The Owner' })
		const cookie = await sessionCookie(stranger.id)
		const page = await runRoute(pageLoader, getRequest(path, { cookie }), { exportId })
		expect(statusOf(page)).toBe(403)
		expect(page).toMatchObject({ data: { code: 'DATA_EXPORT_NOT_YOURS' } })
		const file = (await runRoute(fileAction, formRequest(path.replace(exportId, `${exportId}/file`), {}, { cookie }), {
			exportId,
		})) as Response
		expect(file.status).toBe(302)
		expect((await prisma.dataExport.findUniqueOrThrow({ where: { id: exportId } })).downloadedAt).toBeNull()
	})

	test('signed out, the link asks for a sign-in; a malformed token is a clear 400', async () => {
		const { user, exportId, path } = await readyExport()
		const signedOut = await runRoute(pageLoader, getRequest(path), { exportId })
		expect(statusOf(signedOut)).toBe(302)
		const cookie = await sessionCookie(user.id)
		const bad = await runRoute(pageLoader, getRequest(`/account/data/download/${exportId}?token=NOT!`, { cookie }), {
			exportId,
		})
		expect(statusOf(bad)).toBe(400)
	})
})
