// The example host page's script (embed-example.html): embeds the lab given by ?app= (default ./?embed=1),
// resizes the frame from the lab's stickylab:resize messages, sends every command, and logs every message.
// It listens only to the lab's origin and posts only to it, as docs/embedding.md asks of every host page.

const params = new URLSearchParams(window.location.search)
const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('lab'))
const log = /** @type {HTMLOListElement} */ (document.getElementById('log'))
const lessonSelect = /** @type {HTMLSelectElement} */ (document.getElementById('lesson'))
const stepInput = /** @type {HTMLInputElement} */ (document.getElementById('step'))
const buttons = Array.from(document.querySelectorAll('section button'))

/** The lab's address: ?app= (absolute, or relative to this page), http(s) only. */
function labUrl() {
  try {
    const url = new URL(params.get('app') ?? './?embed=1', window.location.href)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

function showProblem(text) {
  const p = document.getElementById('problem')
  p.textContent = text
  p.hidden = false
}

function summary(data) {
  switch (data.type) {
    case 'stickylab:ready':
      return `ready: API ${data.apiVersion}, Stickylab ${data.version}, ${data.lessons.length} lessons`
    case 'stickylab:resize':
      return `resize: ${data.height} px`
    case 'stickylab:stepCompleted':
      return `stepCompleted: ${data.lessonId}, step ${data.step} (${data.stepId})${data.shownMe ? ', with “Show me”' : ''}: score ${data.score.raw}/${data.score.max}`
    case 'stickylab:lessonCompleted':
      return `lessonCompleted: ${data.lessonId}: score ${data.score.raw}/${data.score.max} (${Math.round(data.score.scaled * 100)}%)`
    case 'stickylab:command':
      return `${data.command}${data.lessonId ? ` ${data.lessonId}` : ''}${data.step !== undefined ? ` step ${data.step}` : ''}${data.theme ? ` ${data.theme}` : ''}`
    default:
      return String(data.type)
  }
}

/** Adds a log entry: a one-line summary that opens to the message's JSON. */
function record(direction, data) {
  const li = document.createElement('li')
  li.className = direction
  li.dataset.type = typeof data?.type === 'string' ? data.type : 'unknown'
  const details = document.createElement('details')
  const head = document.createElement('summary')
  const time = new Date().toLocaleTimeString()
  head.textContent = `${time} ${direction === 'in' ? '←' : '→'} ${summary(data)}`
  const pre = document.createElement('pre')
  pre.textContent = JSON.stringify(data, null, 2)
  details.append(head, pre)
  li.append(details)
  log.append(li)
  // Scroll the log box only: the page itself must not jump whenever the lab reports something.
  const box = log.parentElement
  box.scrollTop = box.scrollHeight
}

const url = labUrl()
if (url === null) {
  showProblem(
    '?app= must be an http(s) address of the lab, for example ?app=https://labs.example.com/stickylab/?embed=1',
  )
} else {
  const labOrigin = url.origin
  document.getElementById('app-url').textContent = url.href

  const send = (message) => {
    frame.contentWindow?.postMessage(message, labOrigin)
    record('out', message)
  }
  const command = (name, extra = {}) => send({ type: 'stickylab:command', command: name, ...extra })
  const step = () => Math.max(1, Math.floor(Number(stepInput.value) || 1))

  window.addEventListener('message', (event) => {
    // Only the lab in our frame, from the lab's origin, is listened to.
    if (event.origin !== labOrigin || event.source !== frame.contentWindow) return
    const data = event.data
    if (typeof data !== 'object' || data === null || typeof data.type !== 'string') return
    record('in', data)
    if (data.type === 'stickylab:resize' && typeof data.height === 'number') {
      frame.style.height = `${Math.ceil(data.height)}px`
    }
    if (data.type === 'stickylab:ready') {
      lessonSelect.replaceChildren(
        ...data.lessons.map((id) => {
          const option = document.createElement('option')
          option.value = id
          option.textContent = id
          return option
        }),
      )
      lessonSelect.disabled = false
      for (const b of buttons) b.disabled = false
      document.getElementById('commands-note').textContent = 'The lab is ready.'
    }
  })

  document
    .getElementById('load-lesson')
    .addEventListener('click', () =>
      command('loadLesson', { lessonId: lessonSelect.value, step: step() }),
    )
  document
    .getElementById('go-to-step')
    .addEventListener('click', () => command('goToStep', { step: step() }))
  document.getElementById('reset').addEventListener('click', () => command('reset'))
  document
    .getElementById('theme-light')
    .addEventListener('click', () => command('setTheme', { theme: 'light' }))
  document
    .getElementById('theme-dark')
    .addEventListener('click', () => command('setTheme', { theme: 'dark' }))
  // Shows that the lab ignores a bad message (with a warning in its console) and keeps working.
  document
    .getElementById('malformed')
    .addEventListener('click', () => command('goToStep', { step: 'two' }))

  // The listener is in place before the frame loads, so the lab's first messages (ready, resize) are never missed.
  frame.src = url.href
}
