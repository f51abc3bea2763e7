// The dashboard's server side: its files, the way a browser gets there from `/`, and the live event stream.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator } from '@authing/miniapp-emulator'
import { APP, call, DEMO_USER, post, signin, useEmulator } from './helpers'

const emulator = useEmulator()

describe('the dashboard page', () => {
  test('is served at /__emulator/ui with a policy that allows nothing but the emulator itself', async () => {
    const page = await call(emulator(), 'GET', '/__emulator/ui')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self';/)
    expect(page.text).toContain('<script type="module" src="/__emulator/ui/app.js"></script>')
    expect((await call(emulator(), 'GET', '/__emulator/ui/')).text).toBe(page.text)
  })

  test('every module the page loads is served, with its content type, from the emulator', async () => {
    const seen = new Set<string>()
    const load = async (path: string): Promise<void> => {
      if (seen.has(path)) return
      seen.add(path)
      const file = await call(emulator(), 'GET', `/__emulator/ui/${path}`)
      expect([path, file.status]).toEqual([path, 200])
      expect(file.headers.get('content-type')).toBe(path.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8')
      const imports = [...file.text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!)
      for (const target of imports) await load(new URL(target, `http://x/${path}`).pathname.slice(1))
    }
    await load('style.css')
    await load('app.js')
    expect(seen.size).toBeGreaterThan(10)
    const text = [...seen].map((path) => readFileSync(join(__dirname, '../ui', path), 'utf8')).join('\n')
    expect(text).not.toMatch(/https?:\/\//) // no CDN, no other host
  })

  test('unknown files and paths out of the folder are 404s; only page files are served', async () => {
    for (const path of ['nope.js', '..%2Fpackage.json', 'tsconfig.json']) {
      const answer = await call(emulator(), 'GET', `/__emulator/ui/${path}`)
      expect(answer.status).toBe(404)
      expect(answer.body).toEqual({ statusCode: 404, message: expect.stringContaining('The dashboard has no file') })
    }
  })

  test('the package publishes the folder it serves', () => {
    expect(JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')).files).toContain('ui')
  })
})

describe('GET /', () => {
  test('sends a browser to the dashboard', async () => {
    const answer = await fetch(`${emulator().url}/`, { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' })
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe('/__emulator/ui')
  })

  test('tells any other client where to go', async () => {
    const answer = await call(emulator(), 'GET', '/', { headers: { accept: '*/*' } })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ statusCode: 200, message: expect.stringContaining('/__emulator/ui') })
    const { data } = answer.body as { data: Record<string, string> }
    expect((await fetch(`${emulator().url}${data.jwks}`)).status).toBe(200)
    expect((await call(emulator(), 'GET', data.controlPlane)).status).not.toBe(404)
    expect((await call(emulator(), 'POST', '/', { json: {} })).body).toMatchObject({
      statusCode: 404,
      message: expect.stringMatching(/^Route POST \/ does not exist/),
    })
  })
})

interface ServerEvent {
  event: string
  id?: string
  data: any
}

/** Opens /__emulator/events and reads it one event at a time. */
async function openEvents(headers: Record<string, string> = {}) {
  const controller = new AbortController()
  const response = await fetch(`${emulator().url}/__emulator/events`, { headers, signal: controller.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''

  async function next(): Promise<ServerEvent> {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const fields = Object.fromEntries(
          block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
        )
        if (fields.event) return { event: fields.event, id: fields.id, data: JSON.parse(fields.data) }
        continue // a comment or a bare retry
      }
      const { value, done } = await reader.read()
      if (done) throw new Error('the event stream ended')
      buffer += value
    }
  }
  /** Events until (and including) the first that matches. */
  async function until(match: (event: ServerEvent) => boolean): Promise<ServerEvent[]> {
    const events = [await next()]
    while (!match(events[events.length - 1]!)) events.push(await next())
    return events
  }
  return { response, next, until, close: () => controller.abort() }
}

describe('GET /__emulator/events', () => {
  // The log outlives resets; each test starts from an empty one.
  beforeEach(() => emulator().client.clearRequests())

  test('starts with hello (the emulator instance), then streams each request masked, with a resumable id', async () => {
    const stream = await openEvents()
    try {
      expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
      const hello = await stream.next()
      expect(hello).toEqual({ event: 'hello', id: undefined, data: { instance: expect.any(String), version: expect.any(String) } })

      await signin(emulator(), { username: DEMO_USER.username, password: DEMO_USER.password })
      const event = await stream.next()
      expect(event.event).toBe('request')
      expect(event.id).toBe(`${hello.data.instance}:${event.data.id}`)
      expect(event.data).toMatchObject({ method: 'POST', path: '/api/v3/signin', status: 200 })
      expect(JSON.parse(event.data.requestBody).passwordPayload.password).toBe('Dem…')
      expect(JSON.parse(event.data.responseBody).data.access_token).toMatch(/^.{4}…$/)
    } finally {
      stream.close()
    }
  })

  test('replays the recent log to a new connection, and only what followed Last-Event-ID to a reconnecting one', async () => {
    await post(emulator(), '/api/v3/send-sms', { phoneNumber: DEMO_USER.phone, channel: 'CHANNEL_LOGIN' }, APP)
    await call(emulator(), 'GET', '/api/v3/system')
    const log = await emulator().client.requests()
    const [first, second] = log.slice(-2)

    const fresh = await openEvents()
    const replayed = await fresh.until((event) => event.data.id === second!.id)
    fresh.close()
    const instance = replayed[0]!.data.instance
    expect(
      replayed
        .filter((event) => event.event === 'request')
        .slice(-2)
        .map((event) => event.data.path),
    ).toEqual(['/api/v3/send-sms', '/api/v3/system'])
    expect(replayed.find((event) => event.data.path === '/api/v3/send-sms')!.data.note).toMatch(/^SMS code \d… for/)

    const resumed = await openEvents({ 'last-event-id': `${instance}:${first!.id}` })
    await resumed.next() // hello
    expect((await resumed.next()).data.id).toBe(second!.id)
    resumed.close()

    // An id from another emulator instance (one that restarted) replays from the start.
    const restarted = await openEvents({ 'last-event-id': `elsewhere:${second!.id}` })
    await restarted.next()
    expect((await restarted.next()).data.id).toBe(log[0]!.id)
    restarted.close()
  })

  test('announces control-plane changes, not reads, and never logs the control plane as requests', async () => {
    const stream = await openEvents()
    try {
      await stream.next() // hello
      await emulator().client.users()
      await emulator().client.createUser({ username: 'live-user' })
      await emulator().client.shiftClock(1000)
      expect(await stream.next()).toEqual({ event: 'change', id: undefined, data: { method: 'POST', path: '/__emulator/users' } })
      expect(await stream.next()).toEqual({ event: 'change', id: undefined, data: { method: 'POST', path: '/__emulator/clock' } })
    } finally {
      stream.close()
    }
  })

  test('closing the emulator ends open streams instead of waiting for them', async () => {
    const running = await startEmulator({ port: 0, logger: false })
    const response = await fetch(`${running.url}/__emulator/events`)
    const reader = response.body!.getReader()
    await reader.read() // hello
    const started = Date.now()
    await running.close()
    expect(Date.now() - started).toBeLessThan(2000)
    const ended = await reader.read().then(
      ({ done }) => done,
      () => true,
    ) // closed, or cut off
    expect(ended).toBe(true)
  })
})
