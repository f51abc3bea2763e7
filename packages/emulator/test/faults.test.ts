// Fault injection: every kind, counting, route / method matching, and the control plane staying untouched.
import { APP, call, DEMO_USER, signin, useEmulator } from './helpers'

const emulator = useEmulator()

const system = () => call(emulator(), 'GET', '/api/v3/system')

describe('fault kinds', () => {
  test('latency delays, then answers normally', async () => {
    await emulator().client.setFault({ route: '/api/v3/system', kind: 'latency', ms: 80 })
    const started = Date.now()
    const answer = await system()
    expect(Date.now() - started).toBeGreaterThanOrEqual(75)
    expect(answer.body.rsa.publicKey).toEqual(expect.any(String))
  })

  test('status answers a 5xx with a JSON body', async () => {
    await emulator().client.setFault({ route: '/api/v3/signin', kind: 'status', status: 503 })
    const answer = await signin(emulator(), { account: 'demo', password: DEMO_USER.password })
    expect(answer.status).toBe(503)
    expect(answer.body).toEqual({ statusCode: 503, message: 'Injected fault: HTTP 503' })
  })

  test('html answers 502 with an HTML page', async () => {
    await emulator().client.setFault({ route: '/api/v3/system', kind: 'html' })
    const answer = await system()
    expect(answer.status).toBe(502)
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/)
    expect(answer.text).toMatch(/<h1>502 Bad Gateway<\/h1>/)
  })

  test('truncated answers 200 with JSON cut off', async () => {
    await emulator().client.setFault({ route: '/api/v3/signin', kind: 'truncated' })
    const answer = await signin(emulator(), { account: 'demo', password: DEMO_USER.password })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/application\/json/)
    expect(() => JSON.parse(answer.text)).toThrow()
    expect(answer.text.startsWith('{"statusCode":200')).toBe(true)
  })

  test('empty answers 200 with no body', async () => {
    await emulator().client.setFault({ route: '/oidc/token', kind: 'empty' })
    const answer = await call(emulator(), 'POST', '/oidc/token', {
      form: { grant_type: 'refresh_token', refresh_token: 'x' },
      headers: APP,
    })
    expect(answer.status).toBe(200)
    expect(answer.text).toBe('')
  })

  test('drop closes the connection without an answer; the server keeps serving', async () => {
    await emulator().client.setFault({ route: '/api/v3/system', kind: 'drop', times: 1 })
    await expect(system()).rejects.toThrow()
    expect((await system()).status).toBe(200)
    const [dropped] = (await emulator().client.requests()).filter((entry) => entry.fault === 'drop')
    expect(dropped).toMatchObject({ status: 0, error: 'connection dropped (injected fault)' })
  })
})

describe('matching and life cycle', () => {
  test('times counts down, then the fault is gone', async () => {
    const fault = await emulator().client.setFault({ route: '/api/v3/system', kind: 'status', times: 2 })
    expect(fault).toMatchObject({ id: expect.any(String), route: '/api/v3/system', kind: 'status', times: 2, hits: 0 })
    expect((await system()).status).toBe(500)
    expect((await emulator().client.faults())[0]?.hits).toBe(1)
    expect((await system()).status).toBe(500)
    expect((await system()).status).toBe(200)
    expect(await emulator().client.faults()).toEqual([])
  })

  test('"*" applies to every route but never to the control plane; exact routes win', async () => {
    await emulator().client.setFault({ route: '*', kind: 'status', status: 500 })
    await emulator().client.setFault({ route: '/api/v3/system', kind: 'html' })
    expect((await system()).status).toBe(502)
    expect((await call(emulator(), 'GET', '/api/v3/get-profile')).status).toBe(500)
    expect(await emulator().client.faults()).toHaveLength(2)
    await emulator().client.clearFaults()
    expect((await system()).status).toBe(200)
  })

  test('a method filter, the query string is not part of the route, and single faults can be removed', async () => {
    const fault = await emulator().client.setFault({ route: '/api/v3/get-profile', kind: 'status', method: 'post' })
    expect(fault.method).toBe('POST')
    expect((await call(emulator(), 'GET', '/api/v3/get-profile?withCustomData=true')).status).toBe(200)
    await emulator().client.setFault({ route: '/api/v3/get-profile', kind: 'html' })
    expect((await call(emulator(), 'GET', '/api/v3/get-profile?withCustomData=true')).status).toBe(502)
    await emulator().client.removeFault(fault.id)
    expect(await emulator().client.faults()).toHaveLength(1)
    await expect(emulator().client.removeFault('nope')).rejects.toThrow(/HTTP 404/)
  })

  test('invalid fault specs are refused', async () => {
    const { client } = emulator()
    await expect(client.setFault({ route: '/x', kind: 'explode' as never })).rejects.toThrow(/kind must be one of/)
    await expect(client.setFault({ route: 'x', kind: 'html' })).rejects.toThrow(/route must be/)
    await expect(client.setFault({ route: '/__emulator/users', kind: 'html' })).rejects.toThrow(/control plane/)
    await expect(client.setFault({ route: '/x', kind: 'status', status: 404 })).rejects.toThrow(/status must be >= 500/)
  })

  test('the request log marks faulted requests; reset clears faults', async () => {
    await emulator().client.setFault({ route: '/api/v3/system', kind: 'truncated' })
    await system()
    const entries = await emulator().client.requests()
    expect(entries[entries.length - 1]).toMatchObject({ path: '/api/v3/system', fault: 'truncated', status: 200 })
    await emulator().client.reset()
    expect(await emulator().client.faults()).toEqual([])
  })
})
