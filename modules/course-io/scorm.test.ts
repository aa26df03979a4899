// SCORM packages (scorm-package.ts, scorm-manifest.ts): the manifest is well-formed XML with the
// right schema declarations for each flavour, every file it lists is in the ZIP (and every file in
// the ZIP is listed), only published versions are exported, and only by the course's authors.
import JSZip from 'jszip'
import { SaxesParser, type SaxesTagNS } from 'saxes'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { escapeXml, scormManifest, type ScormFlavour } from './scorm-manifest.ts'
import { buildScormPackage, listScormVersions, type PlayerCourse } from './scorm-package.ts'

afterAll(releaseTestResources)

type Tag = { uri: string; local: string; attributes: Record<string, string>; text: string }

/** Parses XML strictly (namespaces on): a well-formedness error throws. */
function parseXml(xml: string) {
	const parser = new SaxesParser({ xmlns: true })
	const tags: Tag[] = []
	const open: Tag[] = []
	parser.on('error', (error) => {
		throw error
	})
	parser.on('opentag', (node: SaxesTagNS) => {
		const attributes: Record<string, string> = {}
		for (const attribute of Object.values(node.attributes)) attributes[attribute.name] = attribute.value
		const tag = { uri: node.uri, local: node.local, attributes, text: '' }
		tags.push(tag)
		open.push(tag)
	})
	parser.on('text', (text) => {
		const current = open[open.length - 1]
		if (current) current.text += text
	})
	parser.on('closetag', () => open.pop())
	parser.write(xml).close()
	return tags
}

async function unzip(content: Buffer) {
	const zip = await JSZip.loadAsync(content)
	const names = Object.values(zip.files)
		.filter((f) => !f.dir)
		.map((f) => f.name)
	return { zip, names }
}

const EXPECTED = {
	scorm12: {
		namespace: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
		adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
		schemaversion: '1.2',
		scormType: 'adlcp:scormtype',
	},
	scorm2004: {
		namespace: 'http://www.imsglobal.org/xsd/imscp_v1p1',
		adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
		schemaversion: '2004 4th Edition',
		scormType: 'adlcp:scormType',
	},
} as const

describe('SCORM packages', () => {
	for (const flavour of ['scorm12', 'scorm2004'] as const) {
		test(`${flavour}: the manifest is valid XML that declares ${EXPECTED[flavour].schemaversion} and lists exactly the ZIP's files`, async () => {
			const owner = await createSignedInUser()
			const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 2 })
			const built = await buildScormPackage({ actorId: owner.user.id, courseId: course.id, versionNumber: 1, flavour })
			expect(built.filename).toMatch(new RegExp(`^learn-course-.*-v1-${flavour}\\.zip$`))

			const { zip, names } = await unzip(built.content)
			expect(names).toContain('imsmanifest.xml')
			const tags = parseXml(await zip.file('imsmanifest.xml')!.async('string'))
			const expected = EXPECTED[flavour]
			const manifest = tags[0]!
			expect(manifest).toMatchObject({ local: 'manifest', uri: expected.namespace })
			expect(manifest.attributes['xmlns:adlcp']).toBe(expected.adlcp)
			expect(manifest.attributes['xsi:schemaLocation']).toContain(expected.namespace)
			expect(tags.find((t) => t.local === 'schema')?.text).toBe('ADL SCORM')
			expect(tags.find((t) => t.local === 'schemaversion')?.text).toBe(expected.schemaversion)

			// One organisation, its item points at the one SCO resource, whose launch page is in the ZIP.
			const organizations = tags.find((t) => t.local === 'organizations')!
			const organization = tags.find((t) => t.local === 'organization')!
			expect(organizations.attributes.default).toBe(organization.attributes.identifier)
			const item = tags.find((t) => t.local === 'item')!
			const resources = tags.filter((t) => t.local === 'resource')
			expect(resources).toHaveLength(1)
			const resource = resources[0]!
			expect(item.attributes.identifierref).toBe(resource.attributes.identifier)
			expect(resource.attributes[expected.scormType]).toBe('sco')
			expect(resource.attributes.type).toBe('webcontent')
			expect(names).toContain(resource.attributes.href)

			// Every listed file exists; every file but the manifest is listed.
			const listed = tags.filter((t) => t.local === 'file').map((t) => t.attributes.href!)
			for (const href of listed) expect(names).toContain(href)
			expect([...listed].sort()).toEqual(names.filter((n) => n !== 'imsmanifest.xml').sort())
			if (flavour === 'scorm2004') {
				expect(tags.find((t) => t.local === 'deliveryControls')?.attributes).toMatchObject({
					completionSetByContent: 'true',
					objectiveSetByContent: 'true',
				})
			} else {
				// No mastery score: the package decides passed or failed from each quiz's pass mark.
				expect(tags.some((t) => t.local === 'masteryscore')).toBe(false)
			}

			// The launch page carries the course for this flavour and loads the player.
			const html = await zip.file(resource.attributes.href!)!.async('string')
			expect(html).toContain('<script src="player.js"></script>')
			const json = /<script type="application\/json" id="circle-course">([\s\S]*?)<\/script>/.exec(html)![1]!
			const data = JSON.parse(json) as PlayerCourse
			expect(data.scorm).toBe(flavour === 'scorm12' ? '1.2' : '2004')
			expect(data.modules).toHaveLength(2)
			const quiz = data.modules[0]!.lessons.find((l) => l.kind === 'QUIZ')!
			expect(quiz.quiz?.passMark).toBe(70)
			expect(quiz.quiz?.questions.map((q) => q.kind)).toEqual(['SINGLE', 'MULTIPLE', 'REFLECTION', 'SCALE'])
			const video = data.modules[0]!.lessons.find((l) => l.kind === 'VIDEO')!
			// Site paths become absolute: the package plays on another site.
			expect(video.video?.fileUrl).toMatch(/^https?:\/\/[^/]+\/media\/demo-lesson\.mp4$/)
			const player = await zip.file('player.js')!.async('string')
			expect(player).toContain(flavour === 'scorm12' ? "'API'" : "'API_1484_11'")
		})
	}

	test('lesson text is sanitised and no course text can close the launch page’s script', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({
			ownerId: owner.user.id,
			modules: 1,
			markdown: 'Hello <script>alert(1)</script> [bad](javascript:alert(2)) ![x](/media/a.png)',
		})
		await prisma.courseVersion.updateMany({
			where: { courseId: course.id },
			data: { title: "A </script><script>alert(3)</script> $& $' course" },
		})
		const built = await buildScormPackage({
			actorId: owner.user.id,
			courseId: course.id,
			versionNumber: 1,
			flavour: 'scorm12',
		})
		const { zip } = await unzip(built.content)
		const html = await zip.file('index.html')!.async('string')
		expect(html.match(/<script/g)).toHaveLength(2)
		expect(html).toContain("<title>A &lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt; $&amp; $' course</title>")
		const data = JSON.parse(/id="circle-course">([\s\S]*?)<\/script>/.exec(html)![1]!) as PlayerCourse
		expect(data.title).toBe("A </script><script>alert(3)</script> $& $' course")
		const reading = data.modules[0]!.lessons.find((l) => l.kind === 'READING')!
		expect(reading.html).not.toContain('<script')
		expect(reading.html).not.toContain('javascript:')
		expect(reading.html).toMatch(/<img src="https?:\/\/[^/"]+\/media\/a\.png"/)
		const manifest = await zip.file('imsmanifest.xml')!.async('string')
		expect(() => parseXml(manifest)).not.toThrow()
		expect(manifest).toContain(
			'<title>A &lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt; $&amp; $&apos; course</title>',
		)
	})

	test('a draft is refused with a clear message and nothing is built', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, published: false })
		const error = await buildScormPackage({
			actorId: owner.user.id,
			courseId: course.id,
			versionNumber: 1,
			flavour: 'scorm2004',
		}).catch((e: unknown) => e)
		expect(isDomainError(error) && { kind: error.kind, code: error.code, message: error.message }).toEqual({
			kind: 'conflict',
			code: 'NOT_PUBLISHED',
			message:
				'Version 1 is a draft, so it cannot be exported as a SCORM package. Publish it first, or export a published version.',
		})
		const missing = await buildScormPackage({
			actorId: owner.user.id,
			courseId: course.id,
			versionNumber: 7,
			flavour: 'scorm12',
		}).catch((e: unknown) => e)
		expect(isDomainError(missing) && missing.code).toBe('VERSION_NOT_FOUND')
		const { versions } = await listScormVersions({ actorId: owner.user.id, courseId: course.id })
		expect(versions).toEqual([expect.objectContaining({ number: 1, status: 'DRAFT', exportable: false })])
	})

	test('an earlier published (archived) version can still be exported', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		await prisma.courseVersion.updateMany({ where: { courseId: course.id }, data: { status: 'ARCHIVED' } })
		const built = await buildScormPackage({
			actorId: owner.user.id,
			courseId: course.id,
			versionNumber: 1,
			flavour: 'scorm12',
		})
		expect(built.content.length).toBeGreaterThan(1000)
	})

	test('only the course’s authors and admins may export it', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const stranger = await createSignedInUser()
		const learner = await createSignedInUser({ role: 'LEARNER' })
		const admin = await createSignedInUser({ role: 'ADMIN' })
		for (const actor of [stranger, learner]) {
			const error = await buildScormPackage({
				actorId: actor.user.id,
				courseId: course.id,
				versionNumber: 1,
				flavour: 'scorm12',
			}).catch((e: unknown) => e)
			expect(isDomainError(error) && error.kind).toBe('forbidden')
			const listError = await listScormVersions({ actorId: actor.user.id, courseId: course.id }).catch(
				(e: unknown) => e,
			)
			expect(isDomainError(listError) && listError.kind).toBe('forbidden')
		}
		const built = await buildScormPackage({
			actorId: admin.user.id,
			courseId: course.id,
			versionNumber: 1,
			flavour: 'scorm2004',
		})
		expect(built.filename).toMatch(/-v1-scorm2004\.zip$/)
	})
})

describe('scormManifest', () => {
	test('escapes text and drops characters XML forbids', () => {
		expect(escapeXml('a & b < c > "d" \'e\' \u0001f')).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos; f')
		for (const flavour of ['scorm12', 'scorm2004'] as ScormFlavour[]) {
			const xml = scormManifest({
				flavour,
				identifier: '1 course/with spaces',
				title: 'Tom & Jerry\u0000',
				launch: 'index.html',
				files: ['index.html', 'a&b.js'],
			})
			const tags = parseXml(xml)
			expect(tags[0]!.attributes.identifier).toBe('id-1-course-with-spaces')
			expect(tags.find((t) => t.local === 'title')?.text).toBe('Tom & Jerry')
			expect(tags.filter((t) => t.local === 'file').map((t) => t.attributes.href)).toEqual(['index.html', 'a&b.js'])
		}
	})
})
