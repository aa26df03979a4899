import {
	closestCenter,
	DndContext,
	type DragEndEvent,
	KeyboardSensor,
	PointerSensor,
	useSensor,
	useSensors,
	type Announcements,
} from '@dnd-kit/core'
import {
	arrayMove,
	SortableContext,
	sortableKeyboardCoordinates,
	useSortable,
	verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { type TFunction } from 'i18next'
import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useFetcher, useNavigation } from 'react-router'
import { Field, SelectField } from '#app/components/forms.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { LessonKindIcon } from '#app/components/ui/icons.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import type { CourseStructureIntent } from '#modules/authoring/schemas.ts'

export type StructureLesson = {
	id: string
	title: string
	kind: 'VIDEO' | 'READING' | 'QUIZ'
	required: boolean
	estimatedMinutes: number
}
export type StructureModule = { id: string; title: string; lessons: StructureLesson[] }
export type StructureReply = {
	ok: boolean
	intent: string
	target: string | null
	message: string
	direction?: string | null
	field?: string | null
	/** New for every successful change: "add" forms are keyed on it, so they empty after an add. */
	nonce?: string
}

/**
 * The modules and lessons of the version being edited. Each can be added, renamed, deleted (after
 * a confirmation that says what happens to learners) and reordered: by dragging a handle (mouse,
 * touch, or the keyboard through dnd-kit's sensor), or with "Move up"/"Move down" buttons that are
 * plain form posts and so work without JavaScript. Every change is announced in a live region.
 */
export function CourseStructure({
	courseId,
	editable,
	published,
	modules,
	reply,
}: {
	courseId: string
	editable: boolean
	published: number | null
	modules: StructureModule[]
	reply: StructureReply | null
}) {
	const { t } = useTranslation('studio')
	// A drag shows its new order at once; the server's order takes over as soon as it changes.
	const serverKey = JSON.stringify(modules)
	const [dragged, setDragged] = useState<{ from: string; order: StructureModule[] } | null>(null)
	const order = dragged?.from === serverKey ? dragged.order : modules
	const setOrder = (next: StructureModule[]) => setDragged({ from: serverKey, order: next })
	const fetcher = useFetcher<StructureReply>()
	const shown = fetcher.data && fetcher.state === 'idle' ? fetcher.data : reply
	const addedTo = (intent: CourseStructureIntent, target?: string) =>
		reply?.ok && reply.intent === intent && (target === undefined || reply.target === target)
			? (reply.nonce ?? 'added')
			: 'new'

	// A keyboard move is a form post that redraws the list in its new order, which takes the focus
	// off the pressed button (React moves the item's DOM node, or removes the button when the item
	// reaches an end). Put it back on that button, or its twin, or else the item's drag handle, so the
	// author can press it again. The reply arrives before the new order does, so this runs again
	// when the order changes, and only ever takes focus that has dropped to the page.
	useEffect(() => {
		if (!reply?.ok || !reply.target || !reply.direction) return
		const active = document.activeElement
		if (active && active !== document.body) return
		const other = reply.direction === 'up' ? 'down' : 'up'
		const target =
			document.getElementById(`move-${reply.direction}-${reply.target}`) ??
			document.getElementById(`move-${other}-${reply.target}`) ??
			document.getElementById(`drag-${reply.target}`)
		target?.focus()
	}, [reply, serverKey])

	const sensors = useSensors(
		useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
		useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
	)
	const moduleTitle = (id: string | number) => order.find((m) => m.id === id)?.title ?? t('structure.fallback.module')

	function onModuleDragEnd({ active, over }: DragEndEvent) {
		if (!over || active.id === over.id) return
		const from = order.findIndex((m) => m.id === active.id)
		const to = order.findIndex((m) => m.id === over.id)
		const next = arrayMove(order, from, to)
		setOrder(next)
		void fetcher.submit({ intent: 'reorder-modules', order: JSON.stringify(next.map((m) => m.id)) }, { method: 'post' })
	}

	function onLessonDragEnd(moduleId: string, { active, over }: DragEndEvent) {
		if (!over || active.id === over.id) return
		const next = order.map((m) => {
			if (m.id !== moduleId) return m
			const from = m.lessons.findIndex((l) => l.id === active.id)
			const to = m.lessons.findIndex((l) => l.id === over.id)
			return { ...m, lessons: arrayMove(m.lessons, from, to) }
		})
		setOrder(next)
		const lessonIds = next.find((m) => m.id === moduleId)!.lessons.map((l) => l.id)
		void fetcher.submit({ intent: 'reorder-lessons', moduleId, order: JSON.stringify(lessonIds) }, { method: 'post' })
	}

	const moduleAnnouncements: Announcements = {
		onDragStart: ({ active }) => t('structure.announce.module.start', { title: moduleTitle(active.id) }),
		onDragOver: ({ active, over }) =>
			over
				? t('structure.announce.module.over', {
						title: moduleTitle(active.id),
						position: order.findIndex((m) => m.id === over.id) + 1,
						total: order.length,
					})
				: '',
		onDragEnd: ({ active, over }) =>
			over
				? t('structure.announce.module.end', {
						title: moduleTitle(active.id),
						position: order.findIndex((m) => m.id === over.id) + 1,
						total: order.length,
					})
				: '',
		onDragCancel: ({ active }) => t('structure.announce.module.cancel', { title: moduleTitle(active.id) }),
	}

	return (
		<section aria-labelledby="structure-heading" className="mt-10">
			<h2 id="structure-heading" className="text-2xl font-semibold text-stone-900">
				{t('structure.heading')}
			</h2>
			{editable ? (
				<p className="mt-2 text-stone-700">{t('structure.intro')}</p>
			) : null}
			<div aria-live="polite" role="status" className="mt-4">
				{/* Keyed on the change, so the same words twice ("moved to position 2 of 3") are announced twice. */}
				{shown?.ok ? <Notice key={shown.nonce} tone="success" title={shown.message} /> : null}
			</div>
			<div aria-live="assertive" role="alert">
				{shown && !shown.ok ? (
					<Notice tone="error" title={t('structure.notMade')}>
						{shown.message}
					</Notice>
				) : null}
			</div>

			{order.length === 0 ? (
				<p className="mt-6 text-stone-700">{t('structure.empty')}</p>
			) : editable ? (
				<DndContext
					id="modules-dnd"
					sensors={sensors}
					collisionDetection={closestCenter}
					onDragEnd={onModuleDragEnd}
					accessibility={{ announcements: moduleAnnouncements }}
				>
					<SortableContext items={order.map((m) => m.id)} strategy={verticalListSortingStrategy}>
						<ol className="mt-6 space-y-6">
							{order.map((mod, index) => (
								<SortableItem key={mod.id} id={mod.id} label={t('structure.drag.module', { title: mod.title })}>
									{(handle) => (
										<ModuleCard
											courseId={courseId}
											mod={mod}
											index={index}
											count={order.length}
											modules={order}
											published={published}
											handle={handle}
											sensors={sensors}
											addFormKey={addedTo('add-lesson', mod.id)}
											onLessonDragEnd={(event) => onLessonDragEnd(mod.id, event)}
										/>
									)}
								</SortableItem>
							))}
						</ol>
					</SortableContext>
				</DndContext>
			) : (
				<ol className="mt-6 space-y-6">
					{order.map((mod, index) => (
						<li key={mod.id} className="rounded-xl border border-stone-200 bg-white p-5">
							<h3 className="text-xl font-semibold text-stone-900">
								<span className="text-sm font-medium text-stone-600">
									{t('structure.moduleNumber', { number: index + 1 })}
								</span>
								<span className="block">{mod.title}</span>
							</h3>
							<ol className="mt-4 space-y-2" aria-label={t('structure.lessonsIn', { title: mod.title })}>
								{mod.lessons.map((lesson) => (
									<li
										key={lesson.id}
										className="flex flex-wrap items-center gap-3 rounded-lg border border-stone-200 px-4 py-3"
									>
										<LessonSummary courseId={courseId} lesson={lesson} />
									</li>
								))}
							</ol>
						</li>
					))}
				</ol>
			)}

			{editable ? <AddModuleForm key={addedTo('add-module')} /> : null}
		</section>
	)
}

type Handle = { button: ReactNode }

/** The grip drawn on drag handles (the instructions name it too). */
const DRAG_HANDLE = '⠿'

function SortableItem({ id, label, children }: { id: string; label: string; children: (handle: Handle) => ReactNode }) {
	const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
		id,
	})
	return (
		<li
			ref={setNodeRef}
			style={{ transform: CSS.Transform.toString(transform), transition }}
			className={cx('relative', isDragging && 'z-10 opacity-80')}
		>
			{children({
				button: (
					<button
						type="button"
						id={`drag-${id}`}
						ref={setActivatorNodeRef}
						{...attributes}
						{...listeners}
						aria-label={label}
						className="inline-flex min-h-11 min-w-11 cursor-grab touch-none items-center justify-center rounded-lg border border-stone-300 bg-white text-xl text-stone-700 hover:bg-stone-100 active:cursor-grabbing"
					>
						<span aria-hidden="true">{DRAG_HANDLE}</span>
					</button>
				),
			})}
		</li>
	)
}

function MoveButtons({
	id,
	kind,
	title,
	index,
	count,
}: {
	id: string
	kind: 'module' | 'lesson'
	title: string
	index: number
	count: number
}) {
	const { t } = useTranslation('studio')
	return (
		<>
			{index > 0 ? (
				<Form method="post" preventScrollReset>
					<input type="hidden" name="intent" value={`move-${kind}`} />
					<input type="hidden" name={`${kind}Id`} value={id} />
					<input type="hidden" name="direction" value="up" />
					<Button type="submit" variant="ghost" size="sm" id={`move-up-${id}`}>
						{t('structure.moveUp')}
						<span className="sr-only"> {t(`structure.named.${kind}`, { title })}</span>
					</Button>
				</Form>
			) : null}
			{index < count - 1 ? (
				<Form method="post" preventScrollReset>
					<input type="hidden" name="intent" value={`move-${kind}`} />
					<input type="hidden" name={`${kind}Id`} value={id} />
					<input type="hidden" name="direction" value="down" />
					<Button type="submit" variant="ghost" size="sm" id={`move-down-${id}`}>
						{t('structure.moveDown')}
						<span className="sr-only"> {t(`structure.named.${kind}`, { title })}</span>
					</Button>
				</Form>
			) : null}
		</>
	)
}

function RenameForm({ id, kind, title }: { id: string; kind: 'module' | 'lesson'; title: string }) {
	const { t } = useTranslation('studio')
	const fieldId = `rename-${id}`
	return (
		<details className="group">
			<summary className="inline-flex min-h-9 cursor-pointer items-center rounded-lg px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50">
				{t('structure.rename')}
				<span className="sr-only"> {t(`structure.named.${kind}`, { title })}</span>
			</summary>
			<Form method="post" preventScrollReset className="mt-2 flex flex-wrap items-end gap-2">
				<input type="hidden" name="intent" value={`rename-${kind}`} />
				<input type="hidden" name={`${kind}Id`} value={id} />
				<Field
					className="min-w-60 flex-1"
					labelProps={{ children: t(`structure.newTitle.${kind}`), className: 'text-sm' }}
					inputProps={{ id: fieldId, name: 'title', defaultValue: title, required: true, maxLength: 150 }}
				/>
				<Button type="submit" size="md">
					{t('structure.saveTitle')}
				</Button>
			</Form>
		</details>
	)
}

function DeleteForm({
	id,
	kind,
	title,
	warning,
}: {
	id: string
	kind: 'module' | 'lesson'
	title: string
	warning: string
}) {
	const { t } = useTranslation('studio')
	return (
		<details>
			<summary className="inline-flex min-h-9 cursor-pointer items-center rounded-lg px-3 text-sm font-semibold text-red-800 hover:bg-red-50">
				{t('structure.delete')}
				<span className="sr-only"> {t(`structure.named.${kind}`, { title })}</span>
			</summary>
			<div className="mt-2 rounded-lg border border-red-200 bg-red-50 p-4 text-red-950">
				<p className="font-semibold">{t(`structure.confirmDelete.${kind}`, { title })}</p>
				<p className="mt-1 text-sm">{warning}</p>
				<Form method="post" preventScrollReset className="mt-3">
					<input type="hidden" name="intent" value={`delete-${kind}`} />
					<input type="hidden" name={`${kind}Id`} value={id} />
					<Button type="submit" variant="danger" size="sm">
						{t(`structure.yesDelete.${kind}`)}
					</Button>
				</Form>
			</div>
		</details>
	)
}

function learnerNote(t: TFunction<'studio'>, published: number | null) {
	return published ? t('structure.learnersKeep', { version: published }) : t('structure.neverPublished')
}

function ModuleCard({
	courseId,
	mod,
	index,
	count,
	modules,
	published,
	handle,
	sensors,
	addFormKey,
	onLessonDragEnd,
}: {
	courseId: string
	mod: StructureModule
	index: number
	count: number
	modules: StructureModule[]
	published: number | null
	handle: Handle
	sensors: ReturnType<typeof useSensors>
	addFormKey: string
	onLessonDragEnd: (event: DragEndEvent) => void
}) {
	const { t } = useTranslation('studio')
	const lessonTitle = (id: string | number) =>
		mod.lessons.find((l) => l.id === id)?.title ?? t('structure.fallback.lesson')
	const position = (id: string | number) => mod.lessons.findIndex((l) => l.id === id) + 1
	const announcements: Announcements = {
		onDragStart: ({ active }) => t('structure.announce.lesson.start', { title: lessonTitle(active.id) }),
		onDragOver: ({ active, over }) =>
			over
				? t('structure.announce.lesson.over', {
						title: lessonTitle(active.id),
						position: position(over.id),
						total: mod.lessons.length,
					})
				: '',
		onDragEnd: ({ active, over }) =>
			over
				? t('structure.announce.lesson.end', {
						title: lessonTitle(active.id),
						position: position(over.id),
						total: mod.lessons.length,
					})
				: '',
		onDragCancel: ({ active }) => t('structure.announce.lesson.cancel', { title: lessonTitle(active.id) }),
	}
	return (
		<div className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
			<div className="flex flex-wrap items-start gap-3">
				{handle.button}
				<h3 className="min-w-0 flex-1 text-xl font-semibold text-stone-900">
					<span className="block text-sm font-medium text-stone-600">
						{t('structure.moduleNumber', { number: index + 1 })}
					</span>
					{mod.title}
				</h3>
				<div className="flex flex-wrap items-start gap-1">
					<MoveButtons id={mod.id} kind="module" title={mod.title} index={index} count={count} />
					<RenameForm id={mod.id} kind="module" title={mod.title} />
					<DeleteForm
						id={mod.id}
						kind="module"
						title={mod.title}
						warning={`${t('structure.deletesLessons', { count: mod.lessons.length })} ${learnerNote(t, published)}`}
					/>
				</div>
			</div>

			{mod.lessons.length === 0 ? (
				<p className="mt-4 text-stone-700">{t('structure.noLessons')}</p>
			) : (
				<DndContext
					id={`lessons-dnd-${mod.id}`}
					sensors={sensors}
					collisionDetection={closestCenter}
					onDragEnd={onLessonDragEnd}
					accessibility={{ announcements }}
				>
					<SortableContext items={mod.lessons.map((l) => l.id)} strategy={verticalListSortingStrategy}>
						<ol className="mt-4 space-y-2" aria-label={t('structure.lessonsIn', { title: mod.title })}>
							{mod.lessons.map((lesson, i) => (
								<SortableItem key={lesson.id} id={lesson.id} label={t('structure.drag.lesson', { title: lesson.title })}>
									{(lessonHandle) => (
										<div className="flex flex-wrap items-start gap-3 rounded-lg border border-stone-200 bg-stone-50 px-3 py-2">
											{lessonHandle.button}
											<div className="flex min-w-0 flex-1 flex-wrap items-center gap-2 py-2">
												<LessonSummary courseId={courseId} lesson={lesson} />
											</div>
											<div className="flex flex-wrap items-start gap-1">
												<MoveButtons
													id={lesson.id}
													kind="lesson"
													title={lesson.title}
													index={i}
													count={mod.lessons.length}
												/>
												<RenameForm id={lesson.id} kind="lesson" title={lesson.title} />
												{modules.length > 1 ? <MoveToModule lesson={lesson} from={mod} modules={modules} /> : null}
												<DeleteForm
													id={lesson.id}
													kind="lesson"
													title={lesson.title}
													warning={learnerNote(t, published)}
												/>
											</div>
										</div>
									)}
								</SortableItem>
							))}
						</ol>
					</SortableContext>
				</DndContext>
			)}
			<AddLessonForm key={addFormKey} moduleId={mod.id} moduleTitle={mod.title} />
		</div>
	)
}

function LessonSummary({ courseId, lesson }: { courseId: string; lesson: StructureLesson }) {
	const { t } = useTranslation('studio')
	return (
		<>
			<Link
				to={`/studio/courses/${courseId}/lessons/${lesson.id}`}
				className="font-semibold text-brand-800 underline underline-offset-2"
			>
				{lesson.title}
			</Link>
			<Badge tone="neutral" className="gap-1">
				<LessonKindIcon kind={lesson.kind} className="size-4" />
				{t(`kind.${lesson.kind}`)}
			</Badge>
			<span className="text-sm text-stone-700">{t('structure.minutes', { minutes: lesson.estimatedMinutes })}</span>
			{lesson.required ? null : <Badge tone="neutral">{t('structure.optional')}</Badge>}
		</>
	)
}

function MoveToModule({
	lesson,
	from,
	modules,
}: {
	lesson: StructureLesson
	from: StructureModule
	modules: StructureModule[]
}) {
	const { t } = useTranslation('studio')
	const fieldId = `to-module-${lesson.id}`
	return (
		<details>
			<summary className="inline-flex min-h-9 cursor-pointer items-center rounded-lg px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50">
				{t('structure.moveTo')}
				<span className="sr-only"> {t('structure.moveToNamed', { title: lesson.title })}</span>
			</summary>
			<Form method="post" preventScrollReset className="mt-2 flex flex-wrap items-end gap-2">
				<input type="hidden" name="intent" value="move-lesson-to-module" />
				<input type="hidden" name="lessonId" value={lesson.id} />
				<SelectField
					labelProps={{ children: t('structure.module'), className: 'text-sm' }}
					selectProps={{ id: fieldId, name: 'toModuleId' }}
					options={modules.filter((m) => m.id !== from.id).map((m) => ({ value: m.id, label: m.title }))}
				/>
				<Button type="submit">{t('structure.moveLesson')}</Button>
			</Form>
		</details>
	)
}

const LESSON_KINDS = ['READING', 'VIDEO', 'QUIZ'] as const

function AddLessonForm({ moduleId, moduleTitle }: { moduleId: string; moduleTitle: string }) {
	const { t } = useTranslation('studio')
	const navigation = useNavigation()
	const busy =
		navigation.state === 'submitting' &&
		navigation.formData?.get('intent') === 'add-lesson' &&
		navigation.formData?.get('moduleId') === moduleId
	return (
		<Form
			method="post"
			preventScrollReset
			className="mt-4 flex flex-wrap items-end gap-3 border-t border-stone-200 pt-4"
			aria-label={t('structure.addLessonTo', { title: moduleTitle })}
		>
			<input type="hidden" name="intent" value="add-lesson" />
			<input type="hidden" name="moduleId" value={moduleId} />
			<Field
				className="min-w-56 flex-1"
				labelProps={{ children: t('structure.newLessonTitle'), className: 'text-sm' }}
				inputProps={{ id: `lesson-title-${moduleId}`, name: 'title', required: true, maxLength: 150 }}
			/>
			<SelectField
				labelProps={{ children: t('structure.lessonKind'), className: 'text-sm' }}
				selectProps={{ id: `lesson-kind-${moduleId}`, name: 'kind', defaultValue: 'READING' }}
				options={LESSON_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
			/>
			<Button type="submit" variant="secondary" disabled={busy}>
				{busy ? t('structure.adding') : t('structure.addLesson')}
			</Button>
		</Form>
	)
}

function AddModuleForm() {
	const { t } = useTranslation('studio')
	return (
		<Form
			method="post"
			preventScrollReset
			className="mt-8 flex flex-wrap items-end gap-3 rounded-xl border border-dashed border-stone-400 p-5"
			aria-label={t('structure.addModuleForm')}
		>
			<input type="hidden" name="intent" value="add-module" />
			<Field
				className="min-w-60 flex-1"
				labelProps={{ children: t('structure.newModuleTitle') }}
				inputProps={{ id: 'new-module-title', name: 'title', required: true, maxLength: 150 }}
			/>
			<Button type="submit">{t('structure.addModule')}</Button>
		</Form>
	)
}
