// The demo's Welsh (ADR 0041): a Welsh version of the foundations course's content, kept beside the
// English in CourseTranslation rows of its published version, and a demo learner who reads Welsh
// (dysgwr@circle.example) with a place on it. Lessons without Welsh yet show the English, marked so.
import { prisma } from '#modules/db/client.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { translationKey } from '#modules/learning/course-translation.ts'

export const WELSH_LEARNER = { email: 'dysgwr@circle.example', name: 'Elin Pritchard' }

const FOUNDATIONS = 'restorative-practice-foundations'

const COURSE = {
	title: 'Sylfeini Ymarfer Adferol',
	summary:
		'Y man cychwyn rhad ac am ddim i bawb ar Circle: syniadau craidd, iaith ac arferion bob dydd ymarfer adferol a pherthynol, ym mha bynnag leoliad rydych chi’n gweithio neu’n byw.',
	description: `## I bwy mae’r cwrs hwn

I bawb. Mae athrawon a chynorthwywyr addysgu, nyrsys a gweithwyr gofal, gweithwyr cymdeithasol, swyddogion carchar a staff prawf, gweithwyr ieuenctid, rheolwyr, rhieni a gofalwyr i gyd yn dechrau yma. Nid oes angen unrhyw hyfforddiant blaenorol arnoch, ac nid oes dim yn y cwrs yn cymryd yn ganiataol eich bod mewn swydd neu sector penodol.

## Beth fyddwch chi’n ei ddysgu

- **Gweithio GYDA phobl** – ffenestr disgyblaeth gymdeithasol, a pham mae disgwyliadau uchel a chefnogaeth uchel yn perthyn i’w gilydd
- **Iaith adferol** – proses deg, datganiadau teimladol a’r cwestiynau adferol
- **O’r bob dydd i’r ffurfiol** – y continwwm adferol, cylchoedd gwirio i mewn a datrys problemau, a’r hyn sydd ei angen i unioni niwed yn iawn

Mae pob modiwl yn cyfuno fideos byr, darlleniadau ymarferol gydag enghreifftiau, ac awgrymiadau “rhowch gynnig arni” y gallwch eu defnyddio’r un diwrnod.

## Sut mae’n cael ei asesu

Mae pob modiwl yn gorffen gyda chwis byr. Mae’r cwestiynau sy’n cael eu marcio yn gwirio eich bod wedi deall y syniadau yn hytrach na’u dysgu ar eich cof, a daw adborth gyda phob ateb. Nid yw cwestiynau myfyrio’n cael eu marcio: maen nhw’n cael eu cadw yn eich cofnod DPP er mwyn i chi ddod yn ôl atyn nhw neu eu defnyddio mewn goruchwyliaeth, arfarniad neu ailddilysu. Llwyddwch yn y tri chwis i gael eich tystysgrif.

Ar ôl i chi orffen, mae’r cyrsiau sector yn adeiladu’n uniongyrchol ar y sylfaen hon.`,
}

/** Module titles and summaries, in the course's module order. */
const MODULES = [
	{
		title: 'Gweithio GYDA phobl',
		summary:
			'Pam mae perthnasoedd wrth wraidd ymarfer adferol, a sut mae ffenestr disgyblaeth gymdeithasol yn eich helpu i sylwi a ydych chi’n gweithio gyda phobl neu’n gwneud pethau iddyn nhw neu ar eu rhan.',
	},
	{
		title: 'Iaith ymarfer adferol',
		summary:
			'Proses deg, datganiadau teimladol a’r cwestiynau adferol: yr iaith bob dydd sy’n troi gweithio GYDA phobl yn rhywbeth y gallwch ei wneud go iawn.',
	},
	{
		title: 'O sgyrsiau bob dydd i gylchoedd',
		summary:
			'Y continwwm adferol, sut i gynnal cylchoedd gwirio i mewn a datrys problemau, a’r hyn sydd ei angen go iawn i unioni niwed.',
	},
]

/** Lesson texts by the lesson's stable key. Lessons with only a title here are still in English. */
const LESSONS: Record<string, { title: string; markdown?: string; transcript?: string; quiz?: WelshQuestion[] }> = {
	'welcome-working-with': {
		title: 'Croeso: beth yw ymarfer adferol (a beth nad yw)',
		transcript: `Helo, a chroeso i Circle. Hoffwn ddechrau gydag eiliad y bydd y rhan fwyaf ohonom yn ei hadnabod.

Meddyliwch am adeg yn y gwaith pan gafodd penderfyniad a oedd yn effeithio arnoch ei wneud yn rhywle arall, gan bobl na wnaeth ofyn erioed beth oeddech chi’n ei feddwl. Efallai mai rota newydd oedd hi, newid i bolisi, neu ystafell yr oeddech yn dibynnu arni yn cael ei rhoi’n sydyn i dîm arall. Hyd yn oed os oedd y penderfyniad yn un call, mae’n debyg eich bod ychydig yn llai parod i wneud iddo weithio.

Nawr meddyliwch am adeg pan eisteddodd rhywun gyda chi, egluro beth oedd yn digwydd, gwrando ar eich barn a bod yn onest am yr hyn a allai newid a’r hyn na allai. Efallai fod y canlyniad yr un mor anodd. Ond roeddech chi’n fwy tebygol o’i dderbyn, ac mae’n debyg eich bod yn ymddiried ychydig mwy yn y person hwnnw wedyn.

Y gwahaniaeth hwnnw sydd wrth wraidd ymarfer adferol. Mae’n ffordd o weithio sy’n trin perthnasoedd fel y peth sy’n gwneud popeth arall yn bosibl: dysgu, gwella, gofal a newid. Mae’n rhoi offer ymarferol i ni ar gyfer meithrin y perthnasoedd hynny, ar gyfer delio â gwrthdaro pan ddaw, ac ar gyfer unioni pethau pan fydd rhywun wedi cael ei frifo.

Gadewch i mi fod yn glir am yr hyn nad ydyw. Nid yw’n golygu bod yn feddal. Nid yw’n golygu gadael i bobl osgoi’r canlyniadau. Ac nid sgript i’w darllen ar ôl ffrae ydyw. O’i wneud yn dda, mae’n gofyn llawer gan bobl. Mae’n disgwyl iddyn nhw wynebu’r hyn maen nhw wedi’i wneud a chwarae rhan yn ei unioni, ac mae’n rhoi help go iawn iddyn nhw wneud hynny.

Mae un syniad arall yr hoffwn i chi ei gario drwy’r cwrs hwn: mae ymddygiad yn heintus. Os codaf fy llais, mae’r ystafell yn mynd yn uwch. Os arhosaf yn dawel ac yn chwilfrydig, mae’r bobl o’m cwmpas fel arfer yn ei chael hi’n haws gwneud yr un peth. Mae hynny’n golygu mai anaml y bydd polisi newydd yn ffordd gyflymaf o newid diwylliant. Llond llaw o bobl yn ymddwyn yn wahanol, yn gyson, nes bod y ffordd newydd yn dod yn normal, sy’n gwneud hynny. Gall pob un ohonom fod yn un o’r bobl hynny.

Dros dri modiwl byddwn yn edrych ar ffenestr disgyblaeth gymdeithasol, proses deg, iaith datganiadau teimladol a chwestiynau adferol, a sut mae cylchoedd yn gweithio. Boed eich lleoliad yn ystafell ddosbarth, yn ward, yn landin carchar neu’n fwrdd y gegin, mae’r egwyddorion yr un fath. Gadewch i ni ddechrau.`,
	},
	'social-discipline-window': {
		title: 'Ffenestr disgyblaeth gymdeithasol',
		markdown: `## Dau gwestiwn am sut rydyn ni’n ymateb

Pryd bynnag y bydd ymddygiad rhywun yn methu’r nod, boed yn ddisgybl, yn glaf, yn rhywun ar brawf, yn gydweithiwr neu’n blentyn i ni, rydyn ni’n gwneud dau ddewis, fel arfer heb sylwi.

1. **Faint rydyn ni’n ei ddisgwyl?** Dyma her: gosod ffiniau, enwi safonau, dal pobl at yr hyn a gytunwyd ganddyn nhw.
2. **Faint rydyn ni’n helpu?** Dyma gefnogaeth: anogaeth, help ymarferol, gofal a chynhesrwydd.

Rhowch y ddwy ddimensiwn hynny at ei gilydd ac fe gewch bedair ffordd fras o ymateb. Fel arfer, gelwir y model syml hwn yn **ffenestr disgyblaeth gymdeithasol**, ac mae’n un o’r syniadau mwyaf defnyddiol mewn ymarfer adferol.

## Y pedair ffordd o weithio

- **I – her uchel, cefnogaeth isel.** Mae’r ymateb yn gosbol neu’n awdurdodol. Caiff rheolau eu gorfodi a chosbau eu rhoi, heb fawr o ddiddordeb yn yr hyn sydd y tu ôl i’r ymddygiad. Efallai y bydd pobl yn cydymffurfio tra bo rhywun yn eu gwylio, ond yn aml maen nhw’n teimlo’n ddig ac yn dysgu fawr ddim am effaith yr hyn a wnaethon nhw.
- **AR RAN – her isel, cefnogaeth uchel.** Mae’r ymateb yn oddefol neu’n achubol. Rydyn ni’n gwneud esgusodion dros bobl, yn datrys eu problemau drostyn nhw neu’n gostwng y safon am fod bywyd yn anodd iddyn nhw. Mae’n teimlo’n garedig, ond yn dawel bach mae’n cymryd eu cyfrifoldeb oddi arnyn nhw a gall eu gadael yn dibynnu arnon ni.
- **DIM – her isel, cefnogaeth isel.** Mae’r ymateb yn esgeulus. Rydyn ni’n anwybyddu’r broblem, yn gobeithio y bydd yn diflannu neu’n ei gadael i rywun arall. Dyma lle mae staff blinedig sydd dan ormod o bwysau yn aml yn cyrraedd.
- **GYDA – her uchel, cefnogaeth uchel.** Yr ymateb adferol. Rydyn ni’n glir ac yn onest am yr hyn a ddisgwylir, ac rydyn ni’n gweithio ochr yn ochr â’r person i’w helpu i’w gyflawni. Rydyn ni’n gwneud pethau *gyda* nhw, nid *iddyn* nhw nac *ar eu rhan*.

Y pwynt allweddol yw nad yw her a chefnogaeth yn wrthgyferbyniol. Does dim rhaid i chi ddewis rhwng bod yn gadarn a bod yn garedig. Mae ffenestr GYDA yn gofyn am y ddau ar yr un pryd.

## Does neb yn byw mewn un blwch

Rydyn ni i gyd yn symud o gwmpas y ffenestr. Mae gan y rhan fwyaf ohonom ffenestr “gartref” rydyn ni’n troi’n ôl ati, a than bwysau rydyn ni’n tueddu i lithro tuag at I (cyfarth, bygwth) neu DIM (cerdded heibio, ei adael tan wedyn). Gall rhieni sydd fel arfer yn amyneddgar fynd yn awdurdodol ar ddiwedd diwrnod hir; gall rheolwr gofalgar achub cydweithiwr sy’n cael trafferth am fisoedd heb godi’r gwir broblem erioed.

Nid bod yn berffaith yw’r nod. Y nod yw sylwi ym mha ffenestr rydych chi, a symud tuag at GYDA yn amlach.

## Enghraifft

Mae Callum yn gynorthwyydd gofal iechyd ar ward feddygol brysur. Dros y pythefnos diwethaf mae wedi cyrraedd ddeg i bymtheg munud yn hwyr ar gyfer pedair shifft gynnar, ac mae staff y nos wedi gorfod aros ymlaen. Mae gan ei reolwr ward, Denise, sawl dewis.

- **I:** Mae’n rhoi rhybudd ysgrifenedig heb siarad ag ef yn gyntaf.
- **AR RAN:** Mae’n ei symud yn dawel i shifftiau hwyrach ac yn llenwi’r bylchau ei hun, heb sôn am yr hwyrni byth.
- **DIM:** Mae’n sylwi, yn dweud dim wrth Callum ac yn cwyno amdano wrth staff eraill.
- **GYDA:** Mae’n dod o hyd i eiliad breifat ac yn dweud: “Callum, rwyt ti wedi bod yn hwyr bedair gwaith yn y pythefnos diwethaf, ac mae tîm y nos wedi gorfod aros ymlaen bob tro. Mae angen i ti fod yma erbyn hanner awr wedi saith. Beth sydd wedi bod yn dy rwystro?”

Yn y sgwrs GYDA, mae Callum yn egluro bod llwybr ei fws wedi newid a’i fod bellach yn helpu ei fam i godi bob bore ers iddi gael strôc. Gyda’i gilydd maen nhw’n cytuno y bydd yn dechrau’n hwyrach ddau ddiwrnod yr wythnos am y mis nesaf, ac y byddan nhw’n adolygu’r trefniant wedyn. Mae Denise hefyd yn glir, os bydd yr hwyrni’n parhau ar y diwrnodau eraill, y bydd angen iddi fynd â’r mater ymhellach.

Nid yw’r safon wedi symud: mae angen i Callum fod ar amser o hyd. Yr hyn sydd wedi newid yw bod Denise wedi gweithio ar y broblem gydag ef, felly mae’n llawer mwy tebygol o’i datrys.

## Rhowch gynnig arni

- Y tro nesaf y byddwch yn ymateb i broblem, oedwch am eiliad a gofynnwch i chi’ch hun: *ym mha ffenestr ydw i nawr?*
- Sylwch ar y ffenestr rydych chi’n llithro tuag ati pan fyddwch wedi blino, ar frys neu’n bryderus. Mae gwybod eich patrwm yn hanner y frwydr.
- Dewiswch un sefyllfa sy’n codi dro ar ôl tro yn y gwaith neu gartref. Ysgrifennwch sut byddai ymateb GYDA yn swnio, gan gynnwys y disgwyliad a’r cynnig o help.
- Gofynnwch i gydweithiwr rydych chi’n ymddiried ynddo pa ffenestr mae’n eich gweld yn ei defnyddio amlaf. Gwrandewch ar yr ateb heb amddiffyn eich hun.`,
	},
	'module-1-quiz': {
		title: 'Gwiriwch eich dealltwriaeth: gweithio GYDA phobl',
		quiz: [
			{
				prompt:
					'Nid yw Amir, disgybl ym Mlwyddyn 10, wedi cyflwyno gwaith cartref ers tair wythnos. Pa ymateb sydd agosaf at weithio GYDA fe?',
				explanation:
					'Mae gweithio GYDA yn cadw’r disgwyliad yn glir (her uchel) gan helpu’r person yn weithredol i’w gyflawni (cefnogaeth uchel).',
				options: [
					{
						text: 'Ei gyfarfod yn fyr, ailddatgan yr hyn a ddisgwylir, gofyn beth sy’n ei rwystro a chytuno ar gynllun gyda dyddiad i wirio.',
						feedback:
							'Ie. Mae’r disgwyliad yn aros yn glir ac mae Amir yn rhan o benderfynu sut i’w gyflawni. Y cyfuniad hwnnw o her uchel a chefnogaeth uchel yw ffenestr GYDA.',
					},
					{
						text: 'Rhoi cosb ar ôl ysgol iddo a chofnodi’r gwaith cartref coll ar y system.',
						feedback:
							'Mae hyn yn cadw safon glir, sy’n bwysig, ond heb unrhyw gefnogaeth na chwilfrydedd mae yn ffenestr I. Efallai y bydd Amir yn gwneud y gosb ac yn dal i beidio â chyflwyno’r darn nesaf.',
					},
					{
						text: 'Dweud wrtho am beidio â phoeni am waith cartref am y tro gan fod pethau’n ymddangos yn anodd iddo gartref.',
						feedback:
							'Mae hyn yn gynnes, ond mae’n gostwng y disgwyliad, sy’n ei roi yn ffenestr AR RAN. Gall adael Amir ymhellach ar ei hôl hi ac anfon y neges nad oes neb yn credu y gall ymdopi.',
					},
					{
						text: 'Ei adael am y tro; mae’n debyg y bydd yn dal i fyny cyn diwedd y tymor.',
						feedback:
							'Dyma ffenestr DIM: dim her na chefnogaeth. Mae’n ymateb dealladwy pan fyddwn dan bwysau, ond fel arfer mae’r broblem yn tyfu tra byddwn yn aros.',
					},
				],
			},
			{
				prompt:
					'Pa rai o’r datganiadau hyn am ffenestr disgyblaeth gymdeithasol sy’n gywir? Dewiswch bob un sy’n berthnasol.',
				options: [
					{
						text: 'Mae gweithio GYDA phobl yn cyfuno disgwyliadau clir â chefnogaeth weithredol.',
						feedback: 'Cywir. Her uchel a chefnogaeth uchel gyda’i gilydd sy’n diffinio ffenestr GYDA.',
					},
					{
						text: 'Ffenestr AR RAN yw’r dewis mwyaf caredig fel arfer yn y tymor hir.',
						feedback:
							'Gall deimlo’n garedig ar y pryd, ond mae achub pobl yn cymryd eu cyfrifoldeb a’u cyfle i ddysgu oddi arnyn nhw. Dros amser gall gynyddu dibyniaeth yn hytrach na hyder.',
					},
					{
						text: 'Dan straen, mae’r rhan fwyaf ohonom yn llithro tuag at ymatebion I neu DIM.',
						feedback:
							'Cywir. Mae blinder a phwysau’n tueddu i’n gwthio tuag at gyfarth neu ddiffodd. Sylwi ar hyn yw’r cam cyntaf i’w newid.',
					},
					{
						text: 'Mae gweithio GYDA phobl yn golygu gostwng disgwyliadau er mwyn i bawb lwyddo.',
						feedback:
							'Ddim yn hollol. Mae gweithio GYDA yn cadw disgwyliadau’n uchel. Yr hyn sy’n newid yw faint o help rydyn ni’n ei gynnig a faint rydyn ni’n cynnwys y person wrth eu cyflawni.',
					},
				],
			},
			{
				prompt:
					'Mae Joanne yn rheoli tîm cymunedol. Mae hi eisiau i gydweithwyr roi’r gorau i siarad ar draws ei gilydd mewn cyfarfodydd. Pa ddull sy’n debygol o wneud y gwahaniaeth mwyaf?',
				explanation:
					'Mae ymddygiad yn lledaenu. Mae’r hyn y mae arweinwyr yn ei wneud yn gyson yn cael mwy o ddylanwad na’r hyn maen nhw’n ei ysgrifennu.',
				options: [
					{
						text: 'Anfon set newydd o reolau cyfarfod at y tîm drwy e-bost.',
						feedback:
							'Mae disgwyliadau clir yn helpu, ond anaml y bydd rheol a anfonir oddi uchod, heb drafodaeth nac esiampl, yn newid arferion ar ei phen ei hun.',
					},
					{
						text: 'Trefnu i AD gynnal gweithdy cyfathrebu nad yw hi’n ei fynychu.',
						feedback:
							'Gall hyfforddiant helpu, ond os yw’r rheolwr yn absennol efallai y bydd y tîm yn dod i’r casgliad nad oes disgwyl i bawb ymddwyn yn y ffordd newydd mewn gwirionedd.',
					},
					{
						text: 'Gwrando’n llawn ei hun yn gyson, gwahodd cydweithwyr tawelach i gyfrannu, ac enwi’n bwyllog pan fydd pobl yn cael eu torri ar eu traws.',
						feedback:
							'Ie. Mae modelu’r ymddygiad, bob tro, yn ei wneud yn weladwy ac yn normal. Mae eraill yn tueddu i gopïo’r hyn maen nhw’n gweld y person mwyaf dylanwadol yn yr ystafell yn ei wneud.',
					},
					{
						text: 'Aros i weld a fydd y broblem yn setlo ar ei phen ei hun.',
						feedback:
							'Dyma ffenestr DIM. Fel arfer mae patrymau fel hyn yn mynd yn fwy sefydlog, ac mae cydweithwyr tawelach yn rhoi’r gorau i gyfrannu’n llwyr.',
					},
				],
			},
			{
				prompt:
					'Pa mor hyderus ydych chi’n teimlo am adnabod ym mha ffenestr rydych chi’n gweithio yn ystod eiliad anodd?',
				scaleMinLabel: 'Ddim yn hyderus o gwbl',
				scaleMaxLabel: 'Hyderus iawn',
			},
			{
				prompt:
					'Meddyliwch am sefyllfa ddiweddar pan wnaethoch ymateb o ffenestr I, AR RAN neu DIM. Beth ddigwyddodd, a sut gallai ymateb GYDA fod wedi edrych a swnio?',
				guidance:
					'Byddwch yn onest ac yn garedig â chi’ch hun: mae pawb yn symud o gwmpas y ffenestr. Disgrifiwch y sefyllfa’n fyr, enwch y ffenestr roeddech chi ynddi, yna ysgrifennwch yr union eiriau y gallech fod wedi’u defnyddio i gyfuno disgwyliad clir â chefnogaeth go iawn.',
			},
		],
	},
	'fair-process': { title: 'Proses deg: ymgysylltu, egluro a disgwyliadau clir' },
	'affective-statements': { title: 'Datganiadau teimladol: dweud sut mae’n taro' },
	'restorative-questions': { title: 'Y cwestiynau adferol' },
	'module-2-quiz': { title: 'Gwiriwch eich dealltwriaeth: iaith adferol' },
	'restorative-continuum': { title: 'Y continwwm: o air tawel i gyfarfod ffurfiol' },
	'running-circles': { title: 'Cylchoedd: gwirio i mewn a datrys problemau' },
	'repairing-harm': { title: 'Unioni niwed a chymryd cyfrifoldeb' },
	'module-3-quiz': { title: 'Gwiriwch eich dealltwriaeth: cylchoedd ac unioni niwed' },
}

type WelshQuestion = {
	prompt: string
	guidance?: string
	explanation?: string
	scaleMinLabel?: string
	scaleMaxLabel?: string
	options?: Array<{ text: string; feedback?: string }>
}

/**
 * The Welsh texts of the foundations course's published version, as key → text (the questions and
 * options matched by position). Exported for the test that checks every key is a real one.
 */
export async function foundationsWelshTexts(versionId: string) {
	const [modules, lessons] = await Promise.all([
		prisma.module.findMany({ where: { versionId }, orderBy: { position: 'asc' }, select: { id: true } }),
		prisma.lesson.findMany({
			where: { versionId },
			select: {
				id: true,
				key: true,
				questions: {
					orderBy: { position: 'asc' },
					select: { id: true, options: { orderBy: { position: 'asc' }, select: { id: true } } },
				},
			},
		}),
	])
	const texts = new Map<string, string>()
	for (const field of ['title', 'summary', 'description'] as const) {
		texts.set(translationKey('course', null, field), COURSE[field])
	}
	modules.forEach((module, index) => {
		const welsh = MODULES[index]
		if (!welsh) return
		texts.set(translationKey('module', module.id, 'title'), welsh.title)
		texts.set(translationKey('module', module.id, 'summary'), welsh.summary)
	})
	for (const lesson of lessons) {
		const welsh = LESSONS[lesson.key]
		if (!welsh) continue
		texts.set(translationKey('lesson', lesson.id, 'title'), welsh.title)
		if (welsh.markdown) texts.set(translationKey('lesson', lesson.id, 'markdown'), welsh.markdown)
		if (welsh.transcript) texts.set(translationKey('lesson', lesson.id, 'transcript'), welsh.transcript)
		welsh.quiz?.forEach((question, q) => {
			const row = lesson.questions[q]
			if (!row) return
			const set = (field: 'prompt' | 'guidance' | 'explanation' | 'scaleMinLabel' | 'scaleMaxLabel') => {
				const text = question[field]
				if (text) texts.set(translationKey('question', row.id, field), text)
			}
			for (const field of ['prompt', 'guidance', 'explanation', 'scaleMinLabel', 'scaleMaxLabel'] as const) set(field)
			question.options?.forEach((option, o) => {
				const optionRow = row.options[o]
				if (!optionRow) return
				texts.set(translationKey('option', optionRow.id, 'text'), option.text)
				if (option.feedback) texts.set(translationKey('option', optionRow.id, 'feedback'), option.feedback)
			})
		})
	}
	return texts
}

/**
 * Writes the Welsh version of the foundations course and the Welsh-reading demo learner, enrolled on
 * it. Idempotent: a second run changes nothing.
 */
export async function seedWelsh({ passwordHash }: { passwordHash: string }) {
	const course = await prisma.course.findUnique({
		where: { slug: FOUNDATIONS },
		select: { id: true, publishedVersionId: true },
	})
	if (!course?.publishedVersionId) return
	const versionId = course.publishedVersionId
	const texts = await foundationsWelshTexts(versionId)
	await prisma.$transaction(
		[...texts].map(([key, text]) =>
			prisma.courseTranslation.upsert({
				where: { versionId_language_key: { versionId, language: 'cy', key } },
				update: {},
				create: { versionId, language: 'cy', key, text },
				select: { id: true },
			}),
		),
	)

	const learner = await prisma.user.upsert({
		where: { email: WELSH_LEARNER.email },
		update: {},
		create: {
			...WELSH_LEARNER,
			role: 'LEARNER',
			language: 'cy',
			passwordHash,
			emailVerifiedAt: new Date(),
			profession: 'Athro',
		},
		select: { id: true },
	})
	const enrolled = await prisma.enrolment.findFirst({
		where: { userId: learner.id, courseId: course.id },
		select: { id: true },
	})
	if (!enrolled) await enrolInCourse({ userId: learner.id, courseId: course.id, source: 'FREE' })
}
