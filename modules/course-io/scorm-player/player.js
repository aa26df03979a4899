/* Circle's SCORM player (docs/decisions/0039-scorm-export.md). One SCO: it finds the LMS's runtime
 * API (API for SCORM 1.2, API_1484_11 for SCORM 2004) by walking up parent windows and then the
 * opener's, plays the course's lessons in order from the JSON in the launch page, marks quizzes
 * with each quiz's pass mark (the same rule as Circle: the percentage of marked questions answered
 * correctly), keeps a bookmark (location and suspend_data) and reports completion, pass or fail,
 * the score and progress, committing after each change and terminating once on exit.
 * Plain ES2019 with no dependencies: it must run in any LMS's browser. */
/* global window, document */
;(function () {
	'use strict'

	var course = JSON.parse(document.getElementById('circle-course').textContent)
	var is2004 = course.scorm === '2004'
	var API_NAME = is2004 ? 'API_1484_11' : 'API'
	var EL = is2004
		? {
				location: 'cmi.location',
				entry: 'cmi.entry',
				mode: 'cmi.mode',
				exit: 'cmi.exit',
				sessionTime: 'cmi.session_time',
				name: 'cmi.learner_name',
				suspend: 'cmi.suspend_data',
			}
		: {
				location: 'cmi.core.lesson_location',
				entry: 'cmi.core.entry',
				mode: 'cmi.core.lesson_mode',
				exit: 'cmi.core.exit',
				sessionTime: 'cmi.core.session_time',
				name: 'cmi.core.student_name',
				suspend: 'cmi.suspend_data',
			}
	// SCORM 1.2 allows 4,096 characters of suspend_data; SCORM 2004 4th edition 64,000.
	var SUSPEND_LIMIT = is2004 ? 64000 : 4096

	/* ---------- the LMS's runtime API ---------- */

	/** The API object in `win` or one of its parents, or null. A window of another origin is skipped. */
	function scan(win) {
		for (var depth = 0; win && depth < 500; depth++) {
			try {
				if (win[API_NAME]) return win[API_NAME]
			} catch {
				// Another origin's window: its properties cannot be read; its parent may still be ours.
			}
			var parent
			try {
				parent = win.parent
			} catch {
				return null
			}
			if (!parent || parent === win) return null
			win = parent
		}
		return null
	}

	function findApi() {
		var api = scan(window)
		if (!api && window.opener) {
			try {
				api = scan(window.opener) || scan(window.opener.top)
			} catch {
				api = null
			}
		}
		return api
	}

	var api = findApi()
	var lms = {
		connected: false,
		finished: false,
		review: false,
		call: function (name12, name2004, args) {
			var fn = api[is2004 ? name2004 : name12]
			return String(fn.apply(api, args))
		},
		init: function () {
			if (!api) return false
			try {
				this.connected = this.call('LMSInitialize', 'Initialize', ['']) === 'true'
			} catch {
				this.connected = false
			}
			return this.connected
		},
		get: function (element) {
			if (!this.connected || this.finished) return ''
			var value = this.call('LMSGetValue', 'GetValue', [element])
			return value === 'null' || value === 'undefined' ? '' : value
		},
		set: function (element, value) {
			if (!this.connected || this.finished || this.review) return false
			return this.call('LMSSetValue', 'SetValue', [element, String(value)]) === 'true'
		},
		commit: function () {
			if (!this.connected || this.finished) return false
			return this.call('LMSCommit', 'Commit', ['']) === 'true'
		},
		finish: function () {
			if (!this.connected || this.finished) return false
			var ok = this.call('LMSFinish', 'Terminate', ['']) === 'true'
			this.finished = true
			return ok
		},
	}

	/* ---------- the course ---------- */

	var lessons = []
	course.modules.forEach(function (mod, m) {
		mod.lessons.forEach(function (lesson, l) {
			lessons.push({ lesson: lesson, module: m, indexInModule: l })
		})
	})

	// done[i]: lesson i is finished (a quiz: passed). quiz[i]: { best, attempts, passed }.
	var state = { done: {}, quiz: {} }
	var at = -1 // -1: the course's introduction; lessons.length: the end
	var started = Date.now()

	function readSuspendData(text) {
		try {
			var data = JSON.parse(text)
			if (!data || data.v !== 1) return
			;(data.d || []).forEach(function (i) {
				if (lessons[i]) state.done[i] = true
			})
			Object.keys(data.q || {}).forEach(function (key) {
				var q = data.q[key]
				if (lessons[key] && Array.isArray(q)) state.quiz[key] = { best: q[0], attempts: q[1], passed: q[2] === 1 }
			})
		} catch {
			// Not ours, or cut short: start afresh rather than fail.
		}
	}

	function suspendData() {
		var q = {}
		Object.keys(state.quiz).forEach(function (key) {
			var s = state.quiz[key]
			q[key] = [s.best, s.attempts, s.passed ? 1 : 0]
		})
		var done = Object.keys(state.done).map(Number)
		return JSON.stringify({ v: 1, d: done, q: q })
	}

	function outOfAttempts(lesson, record) {
		return Boolean(lesson.quiz.maxAttempts && record && !record.passed && record.attempts >= lesson.quiz.maxAttempts)
	}

	/** Where the learner is: completion, pass or fail, the score and progress. */
	function summary() {
		var requiredTotal = 0
		var requiredDone = 0
		var scores = []
		var requiredQuizzes = 0
		var requiredPassed = 0
		var failed = false
		lessons.forEach(function (entry, i) {
			var lesson = entry.lesson
			if (lesson.required) {
				requiredTotal++
				if (state.done[i]) requiredDone++
			}
			if (!lesson.quiz) return
			var record = state.quiz[i]
			if (record && record.attempts > 0) scores.push(record.best)
			if (!lesson.required) return
			requiredQuizzes++
			if (record && record.passed) requiredPassed++
			if (outOfAttempts(lesson, record)) failed = true
		})
		var score = scores.length
			? Math.round(
					scores.reduce(function (a, b) {
						return a + b
					}, 0) / scores.length,
				)
			: null
		return {
			completed: requiredDone === requiredTotal,
			success: failed ? 'failed' : requiredQuizzes > 0 && requiredPassed === requiredQuizzes ? 'passed' : 'unknown',
			hasQuizzes: requiredQuizzes > 0,
			score: score,
			progress: requiredTotal ? requiredDone / requiredTotal : 1,
			requiredDone: requiredDone,
			requiredTotal: requiredTotal,
		}
	}

	/** Sends the learner's position, bookmark, status and score to the LMS, and commits. */
	function report() {
		if (!lms.connected || lms.finished) return
		var s = summary()
		if (at >= 0 && at < lessons.length) lms.set(EL.location, String(at))
		var data = suspendData()
		if (data.length <= SUSPEND_LIMIT) lms.set(EL.suspend, data)
		if (s.score !== null) {
			var prefix = is2004 ? 'cmi.score.' : 'cmi.core.score.'
			lms.set(prefix + 'min', '0')
			lms.set(prefix + 'max', '100')
			lms.set(prefix + 'raw', String(s.score))
			if (is2004) lms.set('cmi.score.scaled', String(s.score / 100))
		}
		if (is2004) {
			lms.set('cmi.progress_measure', String(Math.round(s.progress * 100) / 100))
			lms.set('cmi.completion_status', s.completed ? 'completed' : 'incomplete')
			lms.set('cmi.success_status', s.success)
		} else {
			var status = 'incomplete'
			if (s.success === 'failed') status = 'failed'
			else if (s.completed) status = s.hasQuizzes ? 'passed' : 'completed'
			lms.set('cmi.core.lesson_status', status)
		}
		lms.commit()
	}

	function sessionTime(ms) {
		var seconds = Math.max(0, ms) / 1000
		var h = Math.floor(seconds / 3600)
		var m = Math.floor((seconds % 3600) / 60)
		var s = seconds % 60
		if (is2004) return 'PT' + h + 'H' + m + 'M' + s.toFixed(2) + 'S'
		function two(n) {
			return (n < 10 ? '0' : '') + n
		}
		return two(Math.min(h, 9999)) + ':' + two(m) + ':' + (s < 10 ? '0' : '') + s.toFixed(2)
	}

	/** Ends the session once: the time spent, suspend (unless finished), a last commit, terminate. */
	function exit() {
		if (!lms.connected || lms.finished) return
		var s = summary()
		report()
		if (!s.completed) lms.set(EL.exit, 'suspend')
		else if (is2004) lms.set(EL.exit, 'normal')
		lms.set(EL.sessionTime, sessionTime(Date.now() - started))
		lms.commit()
		lms.finish()
	}

	/* ---------- the page ---------- */

	var main = document.getElementById('lesson')
	var contents = document.getElementById('contents')
	var progressText = document.getElementById('progress-text')
	var announcer = document.getElementById('announcer')

	function el(tag, attrs, children) {
		var node = document.createElement(tag)
		Object.keys(attrs || {}).forEach(function (name) {
			var value = attrs[name]
			if (value === null || value === undefined || value === false) return
			if (name === 'text') node.textContent = value
			else if (name === 'html')
				node.innerHTML = value // only Circle's sanitised HTML
			else if (name === 'onclick') node.addEventListener('click', value)
			else node.setAttribute(name, value === true ? '' : value)
		})
		;(children || []).forEach(function (child) {
			if (child) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child)
		})
		return node
	}

	function announce(text) {
		announcer.textContent = ''
		window.setTimeout(function () {
			announcer.textContent = text
		}, 50)
	}

	/** Whether lesson i may be opened: in a sequential course, every required lesson before it is done. */
	function unlocked(i) {
		if (!course.sequential) return true
		for (var j = 0; j < i; j++) {
			if (lessons[j].lesson.required && !state.done[j]) return false
		}
		return true
	}

	function kindLabel(lesson) {
		return lesson.kind === 'QUIZ' ? 'Quiz' : lesson.kind === 'VIDEO' ? 'Video' : 'Reading'
	}

	function renderContents() {
		contents.textContent = ''
		course.modules.forEach(function (mod, m) {
			var list = el('ol', { class: 'lesson-list' })
			lessons.forEach(function (entry, i) {
				if (entry.module !== m) return
				var open = unlocked(i)
				var status = state.done[i]
					? 'Done'
					: open
						? kindLabel(entry.lesson)
						: 'Locked until the lessons before it are done'
				list.appendChild(
					el('li', {}, [
						el(
							'button',
							{
								type: 'button',
								'aria-current': i === at ? 'step' : null,
								disabled: !open,
								onclick: function () {
									go(i)
								},
							},
							[entry.lesson.title, el('span', { class: 'lesson-state', text: status })],
						),
					]),
				)
			})
			contents.appendChild(el('li', {}, [el('p', { class: 'module-title', text: mod.title }), list]))
		})
		var s = summary()
		progressText.textContent =
			s.requiredDone +
			' of ' +
			s.requiredTotal +
			' required lessons done' +
			(s.score !== null ? ', quiz score ' + s.score + '%' : '')
	}

	function heading(text) {
		return el('h2', { tabindex: '-1', id: 'lesson-heading', text: text })
	}

	function focusHeading() {
		var h = document.getElementById('lesson-heading')
		if (h) h.focus()
	}

	function button(text, onclick, secondary) {
		return el('button', {
			type: 'button',
			class: secondary ? 'button button-secondary' : 'button',
			text: text,
			onclick: onclick,
		})
	}

	function go(i) {
		at = i
		render()
		report()
		focusHeading()
	}

	function next() {
		var i = at + 1
		while (i < lessons.length && !unlocked(i)) i++
		go(Math.min(i, lessons.length))
	}

	function completeAndNext(i) {
		if (!state.done[i]) {
			state.done[i] = true
			announce('Lesson done.')
		}
		next()
	}

	function navigation(doneLabel) {
		var i = at
		var actions = el('div', { class: 'actions' })
		if (i > 0)
			actions.appendChild(
				button(
					'Previous lesson',
					function () {
						go(i - 1)
					},
					true,
				),
			)
		if (doneLabel) {
			actions.appendChild(
				button(state.done[i] ? 'Next' : doneLabel, function () {
					completeAndNext(i)
				}),
			)
		}
		return actions
	}

	function renderIntro() {
		main.appendChild(heading('About this course'))
		main.appendChild(el('p', { text: course.summary }))
		if (course.descriptionHtml) main.appendChild(el('div', { class: 'prose', html: course.descriptionHtml }))
		if (course.outcomes.length) {
			main.appendChild(el('h3', { text: 'By the end you will be able to' }))
			main.appendChild(
				el(
					'ul',
					{},
					course.outcomes.map(function (o) {
						return el('li', { text: o })
					}),
				),
			)
		}
		var anyDone = Object.keys(state.done).length > 0
		main.appendChild(
			el('div', { class: 'actions' }, [
				button(anyDone ? 'Carry on' : 'Start the course', function () {
					next()
				}),
			]),
		)
	}

	function renderReading(lesson) {
		main.appendChild(el('div', { class: 'prose', html: lesson.html }))
		main.appendChild(navigation('Mark as done and continue'))
	}

	function renderVideo(lesson) {
		var video = lesson.video
		if (video && video.embedUrl) {
			main.appendChild(
				el('iframe', {
					class: 'video-frame',
					src: video.embedUrl,
					title: 'Video: ' + lesson.title,
					allow: 'fullscreen; picture-in-picture; encrypted-media',
					allowfullscreen: true,
					referrerpolicy: 'strict-origin-when-cross-origin',
				}),
			)
		} else if (video && video.fileUrl) {
			var player = el('video', { controls: true, preload: 'metadata', src: video.fileUrl, class: 'video-frame' })
			if (video.captionsUrl) {
				player.appendChild(
					el('track', { kind: 'captions', src: video.captionsUrl, srclang: 'en', label: 'English', default: true }),
				)
			}
			main.appendChild(player)
		}
		if (video) {
			main.appendChild(
				el('p', { class: 'notice' }, [
					'If the video does not play here (some learning platforms block videos from other sites), ',
					el('a', {
						href: video.linkUrl,
						target: '_blank',
						rel: 'noopener noreferrer',
						text: 'open the video in a new window',
					}),
					'.' + (lesson.transcript ? ' The transcript below has everything it says.' : ''),
				]),
			)
		} else {
			main.appendChild(
				el('p', {
					class: 'notice notice-warning',
					text: 'This video is not available in this package. Use the transcript below.',
				}),
			)
		}
		if (lesson.transcript) {
			main.appendChild(
				el('details', {}, [
					el('summary', { text: 'Transcript' }),
					el('div', { class: 'transcript', text: lesson.transcript }),
				]),
			)
		}
		main.appendChild(navigation('Mark as watched and continue'))
	}

	/* ---------- quizzes ---------- */

	/** The answers in the form, or the problems (one per unanswered question), in question order. */
	function readAnswers(form, quiz) {
		var answers = []
		var problems = []
		quiz.questions.forEach(function (q, n) {
			var name = 'q' + n
			if (q.kind === 'REFLECTION') {
				var text = form.elements[name].value
				if (!text.trim())
					problems.push({ n: n, message: 'Question ' + (n + 1) + ': write a reflection before you submit.' })
				else if (text.length > 5000)
					problems.push({
						n: n,
						message: 'Question ' + (n + 1) + ': your reflection must be 5,000 characters or fewer.',
					})
				answers.push({ text: text })
				return
			}
			var chosen = Array.prototype.slice
				.call(form.querySelectorAll('input[name="' + name + '"]:checked'))
				.map(function (input) {
					return Number(input.value)
				})
			if (chosen.length === 0) {
				var what =
					q.kind === 'SCALE'
						? 'choose a point on the scale.'
						: q.kind === 'SINGLE'
							? 'choose an answer.'
							: 'choose at least one answer.'
				problems.push({ n: n, message: 'Question ' + (n + 1) + ': ' + what })
			}
			answers.push({ chosen: chosen })
		})
		return { answers: answers, problems: problems }
	}

	/** Circle's marking rule: the percentage of SINGLE and MULTIPLE questions exactly right (100 when none). */
	function mark(quiz, answers) {
		var marked = 0
		var right = 0
		var results = quiz.questions.map(function (q, n) {
			if (q.kind !== 'SINGLE' && q.kind !== 'MULTIPLE') return null
			marked++
			var correct = []
			q.options.forEach(function (o, i) {
				if (o.correct) correct.push(i)
			})
			var chosen = answers[n].chosen
			var ok =
				chosen.length === correct.length &&
				chosen.every(function (i) {
					return correct.indexOf(i) >= 0
				})
			if (ok) right++
			return ok
		})
		var score = marked === 0 ? 100 : Math.round((right / marked) * 100)
		return { score: score, passed: score >= quiz.passMark, results: results }
	}

	function renderQuestion(q, n) {
		var name = 'q' + n
		var hintId = name + '-hint'
		var errorId = name + '-error'
		var fieldset = el('fieldset', { id: name + '-fieldset', 'aria-describedby': q.guidance ? hintId : null }, [
			el('legend', { text: 'Question ' + (n + 1) + ': ' + q.prompt }),
			q.guidance ? el('p', { class: 'hint', id: hintId, text: q.guidance }) : null,
			el('p', { class: 'field-error', id: errorId, hidden: true }),
		])
		if (q.kind === 'REFLECTION') {
			var id = name + '-text'
			fieldset.appendChild(el('label', { for: id, text: 'Your reflection' }))
			fieldset.appendChild(
				el('p', {
					class: 'hint',
					id: name + '-private',
					text: 'Your reflection stays in this window: it is not sent to your learning platform.',
				}),
			)
			fieldset.appendChild(
				el('textarea', { id: id, name: name, maxlength: '5000', 'aria-describedby': name + '-private ' + errorId }),
			)
			return fieldset
		}
		var choices = []
		if (q.kind === 'SCALE') {
			for (var v = q.scaleMin; v <= q.scaleMax; v++) {
				var label = String(v)
				if (v === q.scaleMin && q.scaleMinLabel) label += ' (' + q.scaleMinLabel + ')'
				if (v === q.scaleMax && q.scaleMaxLabel) label += ' (' + q.scaleMaxLabel + ')'
				choices.push({ value: v, text: label, type: 'radio' })
			}
		} else {
			if (q.kind === 'MULTIPLE') fieldset.appendChild(el('p', { class: 'hint', text: 'Choose all that apply.' }))
			q.options.forEach(function (o, i) {
				choices.push({ value: i, text: o.text, type: q.kind === 'SINGLE' ? 'radio' : 'checkbox' })
			})
		}
		choices.forEach(function (c, i) {
			var id = name + '-' + i
			fieldset.appendChild(
				el('div', { class: 'choice' }, [
					el('input', { type: c.type, id: id, name: name, value: String(c.value), 'aria-describedby': errorId }),
					el('label', { for: id, text: c.text }),
				]),
			)
		})
		return fieldset
	}

	function renderQuizResult(lesson, i, outcome, answers) {
		var record = state.quiz[i]
		var quiz = lesson.quiz
		main.appendChild(
			el('h3', {
				id: 'quiz-result',
				tabindex: '-1',
				text:
					'You scored ' +
					outcome.score +
					'%: ' +
					(outcome.passed ? 'you passed' : 'not yet a pass') +
					' (the pass mark is ' +
					quiz.passMark +
					'%)',
			}),
		)
		quiz.questions.forEach(function (q, n) {
			var ok = outcome.results[n]
			var parts = [el('p', { text: 'Question ' + (n + 1) + ': ' + q.prompt })]
			if (ok !== null)
				parts.push(el('p', { class: ok ? 'result-correct' : 'result-wrong', text: ok ? 'Correct' : 'Not correct' }))
			else parts.push(el('p', { text: 'Not marked: thank you for your answer.' }))
			if (ok !== null && answers[n].chosen) {
				answers[n].chosen.forEach(function (c) {
					var option = q.options[c]
					if (option && option.feedback)
						parts.push(el('p', { class: 'hint', text: option.text + ': ' + option.feedback }))
				})
			}
			if (q.explanation) parts.push(el('p', { class: 'hint', text: q.explanation }))
			main.appendChild(el('div', { class: 'question-result' }, parts))
		})
		var actions = el('div', { class: 'actions' })
		if (outcome.passed) {
			actions.appendChild(
				button('Continue', function () {
					next()
				}),
			)
		} else if (outOfAttempts(lesson, record)) {
			main.appendChild(
				el('p', {
					class: 'notice notice-warning',
					text:
						'You have used all ' +
						quiz.maxAttempts +
						' attempts at this quiz, so the course is recorded as not passed.',
				}),
			)
			actions.appendChild(
				button(
					'Continue',
					function () {
						next()
					},
					true,
				),
			)
		} else {
			actions.appendChild(
				button('Try again', function () {
					go(i)
				}),
			)
		}
		main.appendChild(actions)
		document.getElementById('quiz-result').focus()
	}

	function renderQuiz(lesson) {
		var i = at
		var quiz = lesson.quiz
		var record = state.quiz[i]
		main.appendChild(
			el('p', {
				text:
					'Pass mark: ' +
					quiz.passMark +
					'%. ' +
					(quiz.maxAttempts
						? 'Attempts allowed: ' + quiz.maxAttempts + (record ? ' (used: ' + record.attempts + ')' : '') + '.'
						: 'You can try as many times as you need.'),
			}),
		)
		if (record && record.passed) {
			main.appendChild(el('p', { class: 'notice', text: 'You passed this quiz with ' + record.best + '%.' }))
			main.appendChild(navigation('Next'))
			return
		}
		if (outOfAttempts(lesson, record)) {
			main.appendChild(
				el('p', {
					class: 'notice notice-warning',
					text:
						'You have used all ' +
						quiz.maxAttempts +
						' attempts at this quiz. Your best score was ' +
						record.best +
						'%.',
				}),
			)
			main.appendChild(navigation(null))
			return
		}
		var errors = el('div', { class: 'error-summary', id: 'quiz-errors', tabindex: '-1', role: 'alert', hidden: true })
		var form = el('form', { novalidate: true, 'aria-labelledby': 'lesson-heading' })
		form.appendChild(errors)
		quiz.questions.forEach(function (q, n) {
			form.appendChild(renderQuestion(q, n))
		})
		form.appendChild(
			el('div', { class: 'actions' }, [el('button', { type: 'submit', class: 'button', text: 'Submit answers' })]),
		)
		form.addEventListener('submit', function (event) {
			event.preventDefault()
			var read = readAnswers(form, quiz)
			quiz.questions.forEach(function (_q, n) {
				var message = form.querySelector('#q' + n + '-error')
				var problem = read.problems.filter(function (p) {
					return p.n === n
				})[0]
				message.hidden = !problem
				message.textContent = problem ? problem.message : ''
			})
			if (read.problems.length) {
				errors.hidden = false
				errors.textContent = ''
				errors.appendChild(el('h3', { text: 'There is a problem' }))
				errors.appendChild(
					el(
						'ul',
						{},
						read.problems.map(function (p) {
							return el('li', {}, [el('a', { href: '#q' + p.n + '-fieldset', text: p.message })])
						}),
					),
				)
				errors.focus()
				return
			}
			var outcome = mark(quiz, read.answers)
			var previous = state.quiz[i] || { best: 0, attempts: 0, passed: false }
			state.quiz[i] = {
				best: Math.max(previous.attempts ? previous.best : 0, outcome.score),
				attempts: previous.attempts + 1,
				passed: previous.passed || outcome.passed,
			}
			if (outcome.passed) state.done[i] = true
			report()
			main.textContent = ''
			renderLessonHeader(lesson)
			renderContents()
			renderQuizResult(lesson, i, outcome, read.answers)
		})
		main.appendChild(form)
		main.appendChild(navigation(null))
	}

	function renderEnd() {
		var s = summary()
		main.appendChild(heading(s.completed ? 'You have finished the course' : 'The end of the course'))
		var lines = []
		lines.push(s.requiredDone + ' of ' + s.requiredTotal + ' required lessons are done.')
		if (s.score !== null) lines.push('Your quiz score: ' + s.score + '%.')
		if (s.success === 'passed') lines.push('You passed.')
		if (s.success === 'failed') lines.push('You did not pass: a quiz has no attempts left.')
		if (!s.completed && s.success !== 'failed')
			lines.push('Go back to the lessons not yet done (see the contents) to finish the course.')
		lines.forEach(function (line) {
			main.appendChild(el('p', { text: line }))
		})
		var actions = el('div', { class: 'actions' })
		if (lms.connected && !lms.finished) {
			actions.appendChild(
				button(s.completed ? 'Finish and save' : 'Save and exit', function () {
					exit()
					main.textContent = ''
					main.appendChild(heading('Saved'))
					main.appendChild(
						el('p', {
							id: 'saved',
							text: 'Your progress is saved in your learning platform. You can close this window.',
						}),
					)
					renderStatus()
					focusHeading()
				}),
			)
		}
		main.appendChild(actions)
	}

	function renderLessonHeader(lesson) {
		var entry = lessons[at]
		main.appendChild(
			el('p', {
				class: 'eyebrow',
				text:
					'Module ' +
					(entry.module + 1) +
					' of ' +
					course.modules.length +
					': ' +
					course.modules[entry.module].title +
					' · ' +
					kindLabel(lesson) +
					', about ' +
					lesson.minutes +
					' minutes' +
					(lesson.required ? '' : ' (optional)'),
			}),
		)
		main.appendChild(heading(lesson.title))
	}

	function render() {
		main.textContent = ''
		if (at < 0) renderIntro()
		else if (at >= lessons.length) renderEnd()
		else {
			var lesson = lessons[at].lesson
			renderLessonHeader(lesson)
			if (lesson.kind === 'QUIZ') renderQuiz(lesson)
			else if (lesson.kind === 'VIDEO') renderVideo(lesson)
			else renderReading(lesson)
		}
		renderContents()
	}

	function renderStatus() {
		var node = document.getElementById('lms-state')
		if (!api)
			node.textContent = 'No learning platform found: you can take the course, but your progress will not be saved.'
		else if (!lms.connected) node.textContent = 'Your learning platform did not answer: your progress may not be saved.'
		else if (lms.finished) node.textContent = 'Your progress is saved.'
		else {
			var name = lms.get(EL.name)
			node.textContent =
				(name ? 'Learning as ' + name + '. ' : '') +
				(lms.review ? 'Review mode: nothing you do here is recorded.' : 'Your progress is saved as you go.')
		}
	}

	/* ---------- start ---------- */

	if (lms.init()) {
		lms.review = lms.get(EL.mode) === 'review'
		var saved = lms.get(EL.suspend)
		if (saved) readSuspendData(saved)
		var location = parseInt(lms.get(EL.location), 10)
		if (!isNaN(location) && location >= 0 && location < lessons.length && unlocked(location)) at = location
		if (is2004) {
			var completion = lms.get('cmi.completion_status')
			if (completion === 'unknown' || completion === 'not attempted' || completion === '')
				lms.set('cmi.completion_status', 'incomplete')
		} else {
			var status = lms.get('cmi.core.lesson_status')
			if (status === 'not attempted' || status === '') lms.set('cmi.core.lesson_status', 'incomplete')
		}
		lms.commit()
	}
	renderStatus()
	render()
	window.addEventListener('pagehide', exit)
	window.addEventListener('beforeunload', exit)
})()
