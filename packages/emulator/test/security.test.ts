// Who may talk to the emulator: CORS by route, the Host check against DNS rebinding, and the control token off loopback.
import { request as httpRequest } from 'node:http'
import { startEmulator, type RunningEmulator } from '@authing/miniapp-emulator'
import { parseCommand, runCommand } from '../src/command'
import { APP, call, DEMO_USER, POOL, useEmulator } from './helpers'

const emulator = useEmulator()
const FOREIGN = 'https://evil.example'
const DEV_SERVER = 'http://localhost:5173'

/** A GET with a Host header of our choosing (fetch does not let a caller set it). */
function getWithHost(running: RunningEmulator, path: string, host: string): Promise<{ status: number; body: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: running.port, path, headers: { host } }, (response) => {
      let text = ''
      response.on('data', (chunk: Buffer) => (text += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }))
    })
    req.on('error', reject)
    req.end()
  })
}

const preflight = (running: RunningEmulator, path: string, origin: string) =>
  fetch(`${running.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-authing-app-id,x-authing-userpool-id,x-authing-request-from,x-authing-sdk-version',
    },
  })

describe('the control plane, its event stream and the dashboard', () => {
  test.each(['/__emulator/state', '/__emulator', '/__emulator/users', '/__emulator/ui', '/__emulator/ui/app.js'])(
    'refuse %s to a foreign origin, with no CORS header',
    async (path) => {
      const answer = await call(emulator(), 'GET', path, { headers: { origin: FOREIGN } })
      expect(answer.status).toBe(403)
      expect(answer.headers.get('access-control-allow-origin')).toBeNull()
      expect(answer.text).not.toContain('PRIVATE KEY')
      expect(answer.body).toEqual({
        statusCode: 403,
        message: `The control plane and the dashboard answer no cross-origin request (origin ${FOREIGN})`,
      })
    },
  )

  test('refuse the event stream to a foreign origin', async () => {
    const answer = await call(emulator(), 'GET', '/__emulator/events', { headers: { origin: FOREIGN, accept: 'text/event-stream' } })
    expect(answer.status).toBe(403)
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
  })

  test('refuse changes from a loopback page of another port too (a dev server is another origin)', async () => {
    const answer = await call(emulator(), 'POST', '/__emulator/users', { json: { username: 'mallory' }, headers: { origin: DEV_SERVER } })
    expect(answer.status).toBe(403)
    expect(await emulator().client.user('mallory')).toBeNull()
    const options = await preflight(emulator(), '/__emulator/reset', DEV_SERVER)
    expect(options.status).toBe(403)
    expect(options.headers.get('access-control-allow-origin')).toBeNull()
    // A form post from a sandboxed or file:// page has the opaque origin "null".
    expect((await call(emulator(), 'POST', '/__emulator/reset', { headers: { origin: 'null' } })).status).toBe(403)
  })

  test('answer clients that send no Origin, and the same origin (the dashboard)', async () => {
    expect((await call(emulator(), 'GET', '/__emulator/state')).body.format).toBe('authing-emulator-state')
    const same = await call(emulator(), 'POST', '/__emulator/users', { json: { username: 'carol' }, headers: { origin: emulator().url } })
    expect(same.status).toBe(201)
    expect(same.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('the Authing API routes', () => {
  test.each([DEV_SERVER, 'http://127.0.0.1:8080', 'http://[::1]:5173', 'https://localhost:5173', 'http://app.localhost:3001'])(
    'answer the loopback origin %s, preflight included',
    async (origin) => {
      const options = await preflight(emulator(), '/api/v3/signin', origin)
      expect(options.status).toBe(204)
      expect(options.headers.get('access-control-allow-origin')).toBe(origin)
      expect(options.headers.get('access-control-allow-headers')).toMatch(/content-type.*x-authing-app-id.*x-authing-sdk-version/)
      expect(options.headers.get('access-control-allow-methods')).toContain('POST')

      const login = await call(emulator(), 'POST', '/api/v3/signin', {
        json: { connection: 'PASSWORD', passwordPayload: { account: DEMO_USER.username, password: DEMO_USER.password } },
        headers: { ...APP, ...POOL, origin },
      })
      expect(login.body.statusCode).toBe(200)
      expect(login.headers.get('access-control-allow-origin')).toBe(origin)
      expect(login.headers.get('vary')).toMatch(/origin/i)
    },
  )

  test('give a foreign origin no CORS header, and refuse its preflight saying how to allow it', async () => {
    const answer = await call(emulator(), 'GET', '/api/v3/system', { headers: { origin: FOREIGN } })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    const options = await preflight(emulator(), '/api/v3/signin', FOREIGN)
    expect(options.status).toBe(403)
    expect(options.headers.get('access-control-allow-origin')).toBeNull()
    expect((await options.json()).message).toContain(`--cors-origin ${FOREIGN}`)
    // A lookalike of a loopback name is not loopback.
    const lookalike = await call(emulator(), 'GET', '/api/v3/system', { headers: { origin: 'http://localhost.evil.example' } })
    expect(lookalike.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('answer the origins the developer adds, and every origin only with "*"', async () => {
    const running = await startEmulator({ logger: false, corsOrigins: ['http://192.168.1.5:5173', 'https://h5.example.test/'] })
    const any = await startEmulator({ logger: false, corsOrigins: ['*'] })
    try {
      for (const origin of ['http://192.168.1.5:5173', 'https://h5.example.test']) {
        expect((await preflight(running, '/oidc/token', origin)).headers.get('access-control-allow-origin')).toBe(origin)
      }
      expect((await preflight(running, '/oidc/token', FOREIGN)).status).toBe(403)
      expect((await preflight(any, '/api/v2/upload', FOREIGN)).headers.get('access-control-allow-origin')).toBe(FOREIGN)
      // "*" opens the API routes, never the control plane.
      expect((await call(any, 'GET', '/__emulator/state', { headers: { origin: FOREIGN } })).status).toBe(403)
    } finally {
      await running.close()
      await any.close()
    }
  })

  test('an origin option that is not an origin is refused at start', async () => {
    await expect(startEmulator({ logger: false, corsOrigins: ['http://localhost:5173/app'] })).rejects.toThrow(
      'CORS origin "http://localhost:5173/app" is not an origin',
    )
  })
})

describe('the Host check against DNS rebinding', () => {
  test('refuses a foreign host on every route, saying how to allow it', async () => {
    const control = await getWithHost(emulator(), '/__emulator/state', `evil.example:${emulator().port}`)
    expect(control).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        message:
          'Requests addressed to host "evil.example" are refused (protection against DNS rebinding); to allow it, start the emulator with --allowed-host evil.example (allowedHosts: [\'evil.example\'] in-process)',
      },
    })
    const api = await getWithHost(emulator(), '/api/v3/system', 'evil.example')
    expect(api.status).toBe(403)
    expect(api.body).toMatchObject({ statusCode: 403, message: expect.stringContaining('--allowed-host evil.example') })
  })

  test.each(['localhost:3000', '127.0.0.1', '[::1]:3000', '192.168.1.5:3000', '[fe80::1]', 'dev.localhost'])(
    'answers host %s',
    async (host) => {
      expect((await getWithHost(emulator(), '/api/v3/system', host)).status).toBe(200)
    },
  )

  test('answers the hosts the developer allows', async () => {
    const running = await startEmulator({ logger: false, allowedHosts: ['Dev.Example.test', '.tunnel.example'] })
    try {
      for (const host of ['dev.example.test:3000', 'abc.tunnel.example', 'tunnel.example']) {
        expect((await getWithHost(running, '/api/v3/system', host)).status).toBe(200)
      }
      expect((await getWithHost(running, '/api/v3/system', 'eviltunnel.example')).status).toBe(403)
    } finally {
      await running.close()
    }
  })
})

describe('off loopback, the control token', () => {
  let running: RunningEmulator
  beforeAll(async () => {
    running = await startEmulator({ logger: false, host: '0.0.0.0' })
  })
  afterAll(() => running.close())

  test('is generated, and the control plane without it is 401', async () => {
    expect(running.controlToken).toMatch(/^[\w-]{24}$/)
    for (const path of ['/__emulator', '/__emulator/state', '/__emulator/events', '/__emulator/ui']) {
      const answer = await call(running, 'GET', path)
      expect(answer.status).toBe(401)
      expect(answer.body.message).toMatch(/needs the token printed in the emulator banner/)
    }
    expect((await call(running, 'GET', '/__emulator', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
  })

  test('with the token the control plane works, and the API routes stay open without it', async () => {
    const answer = await call(running, 'GET', '/__emulator/state', { headers: { authorization: `Bearer ${running.controlToken}` } })
    expect(answer.body.format).toBe('authing-emulator-state')
    expect((await running.client.users()).length).toBeGreaterThan(0)
    const login = await call(running, 'POST', '/api/v3/signin', {
      json: { connection: 'PASSWORD', passwordPayload: { account: DEMO_USER.username, password: DEMO_USER.password } },
      headers: APP,
    })
    expect(login.body.statusCode).toBe(200)
  })

  test('the dashboard link sets a same-site cookie and leads to the page without the token in the address', async () => {
    const link = await fetch(`${running.url}/__emulator/ui?token=${running.controlToken}`, { redirect: 'manual' })
    expect(link.status).toBe(303)
    expect(link.headers.get('location')).toBe('/__emulator/ui')
    const cookie = link.headers.get('set-cookie')!
    expect(cookie).toBe(`authing_emulator_token=${running.controlToken}; Path=/__emulator; HttpOnly; SameSite=Strict`)
    const page = await call(running, 'GET', '/__emulator/ui', { headers: { cookie: cookie.split(';')[0]! } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect((await call(running, 'GET', '/__emulator/clock', { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200)
    // The token in a query is only the dashboard's link: elsewhere it opens nothing.
    expect((await call(running, 'GET', `/__emulator/state?token=${running.controlToken}`)).status).toBe(401)
  })

  test('a given token is required even on loopback; the default loopback emulator needs none', async () => {
    const locked = await startEmulator({ logger: false, controlToken: 'my-secret-token' })
    try {
      expect(locked.controlToken).toBe('my-secret-token')
      expect((await call(locked, 'GET', '/__emulator')).status).toBe(401)
      expect((await locked.client.info()).name).toBe('@authing/miniapp-emulator')
    } finally {
      await locked.close()
    }
    expect(emulator().controlToken).toBeUndefined()
  })
})

describe('the command', () => {
  test('takes --cors-origin and --allowed-host more than once, and --control-token', () => {
    const { options } = parseCommand(
      ['--cors-origin', 'http://a.test:1', '--cors-origin', '*', '--allowed-host', 'a.test', '--control-token', 't0ken'],
      { print: () => undefined },
    )
    expect(options).toMatchObject({ corsOrigins: ['http://a.test:1', '*'], allowedHosts: ['a.test'], controlToken: 't0ken' })
  })

  test('off loopback, the banner prints the token and the dashboard link', async () => {
    const lines: string[] = []
    const running = await runCommand(['--port', '0', '--quiet', '--host', '0.0.0.0'], { print: (line) => lines.push(line) })
    try {
      const banner = lines.join('\n')
      expect(banner).toContain(`${running!.url}/__emulator/ui?token=${running!.controlToken}`)
      expect(banner).toContain(`Authorization: Bearer ${running!.controlToken}`)
    } finally {
      await running?.close()
    }
  })
})
