// Masking of request-log entries for the dashboard: no usable password, token, code or secret survives, everything
// else is shown as received.
import type { RequestLogEntry } from '@authing/miniapp-emulator'
import { maskBody, maskEntry, maskJson, maskRecord, maskSecret } from '../src/dashboard/mask'
import { APP, authed, call, DEMO_USER, loginDemo, post, useEmulator } from './helpers'

const emulator = useEmulator()

describe('maskSecret', () => {
  test.each([
    ['', ''],
    ['abc', '…'],
    ['482913', '4…'],
    ['Demo-Passw0rd!', 'Dem…'],
    ['eyJhbGciOiJSUzI1NiIsImtpZCI6Ik', 'eyJh…'],
  ])('%j → %j (at most 4 characters, never more than a quarter)', (value, masked) => {
    expect(maskSecret(value)).toBe(masked)
  })
})

describe('maskJson', () => {
  test('masks passwords, tokens, codes and secrets at any depth, and nothing else', () => {
    const body = {
      connection: 'PASSWORD',
      passwordPayload: { username: 'demo', password: 'Demo-Passw0rd!' },
      passCodePayload: { phone: '13800000000', phoneCountryCode: '+86', passCode: '482913' },
      options: { passwordEncryptType: 'rsa', scope: 'openid' },
      data: {
        access_token: 'eyJhbGciOiJSUzI1NiJ9.a.b',
        id_token: 'eyJpZCI6MX0.c.d',
        refresh_token: 'r3fr3sh-t0k3n-value',
        token_type: 'Bearer',
        expires_in: 86400,
      },
      list: [{ code: 123456 }, { newPassword: 'N3w-password', oldPassword: 'Old-password' }],
      client_secret: 'emulator-demo-app-secret',
      appSecret: 'another-secret',
      deleteAccountToken: 'delete-token-1234',
      statusCode: 200,
      apiCode: 2333,
    }
    expect(maskJson(body)).toEqual({
      connection: 'PASSWORD',
      passwordPayload: { username: 'demo', password: 'Dem…' },
      passCodePayload: { phone: '13800000000', phoneCountryCode: '+86', passCode: '4…' },
      options: { passwordEncryptType: 'rsa', scope: 'openid' },
      data: { access_token: 'eyJh…', id_token: 'eyJ…', refresh_token: 'r3fr…', token_type: 'Bearer', expires_in: 86400 },
      list: [{ code: '1…' }, { newPassword: 'N3w…', oldPassword: 'Old…' }],
      client_secret: 'emul…',
      appSecret: 'ano…',
      deleteAccountToken: 'dele…',
      statusCode: 200,
      apiCode: 2333,
    })
  })

  test('leaves the value it was given unchanged', () => {
    const body = { password: 'secret-value' }
    maskJson(body)
    expect(body.password).toBe('secret-value')
  })
})

describe('maskBody', () => {
  test('JSON: masked fields, re-serialised compactly', () => {
    expect(maskBody('{ "account": "demo", "password": "Demo-Passw0rd!" }')).toBe('{"account":"demo","password":"Dem…"}')
  })

  test('JSON with nothing to mask comes back byte for byte', () => {
    const text = '{\n  "phoneNumber": "13800000000",\n  "big": 1e400\n}'
    expect(maskBody(text)).toBe(text)
  })

  test('form-urlencoded: secret parameters masked, the others untouched', () => {
    expect(maskBody('grant_type=refresh_token&redirect_uri=&refresh_token=r3fr3sh%2Ftoken&client_secret=s3cr3t-value')).toBe(
      'grant_type=refresh_token&redirect_uri=&refresh_token=r3f…&client_secret=s3c…',
    )
  })

  test('broken or cut-off JSON: "field": "value" fragments are still masked', () => {
    expect(maskBody('{"statusCode":200,"data":{"access_token":"eyJhbGciOiJSUzI1NiIsInR5')).toBe(
      '{"statusCode":200,"data":{"access_token":"eyJh…',
    )
    expect(maskBody('{"password": "Demo-Passw0rd!", oops}')).toBe('{"password": "Dem…", oops}')
  })

  test('other text is shown as is', () => {
    expect(maskBody('<html>502 Bad Gateway</html>')).toBe('<html>502 Bad Gateway</html>')
    expect(maskBody('(multipart: file "a.png", image/png, 3 bytes)')).toBe('(multipart: file "a.png", image/png, 3 bytes)')
  })
})

describe('maskRecord', () => {
  test('Authorization keeps its scheme; other headers and parameters are untouched', () => {
    expect(
      maskRecord({ authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.payload', 'x-authing-app-id': 'app', cookie: 'sid=1234567890' }),
    ).toEqual({ authorization: 'Bearer eyJh…', 'x-authing-app-id': 'app', cookie: 'sid…' })
    expect(maskRecord({ authorization: 'eyJhbGciOiJSUzI1NiJ9.payload' })).toEqual({ authorization: 'eyJh…' })
    expect(maskRecord({ access_token: ['token-one-value', 'token-two-value'], scope: 'openid' })).toEqual({
      access_token: ['tok…', 'tok…'],
      scope: 'openid',
    })
  })
})

describe('maskEntry on real traffic', () => {
  const secretsIn = (entries: RequestLogEntry[], secrets: string[]) => {
    const text = JSON.stringify(entries.map(maskEntry))
    return secrets.filter((secret) => text.includes(secret))
  }

  test('a password login, an SMS code login, a profile call and a refresh leave no secret readable', async () => {
    const emu = emulator()
    const tokens = await loginDemo(emu)
    await post(emu, '/api/v3/send-sms', { phoneNumber: DEMO_USER.phone, channel: 'CHANNEL_LOGIN' }, APP)
    const { code } = await emu.client.latestCode(DEMO_USER.phone)
    const passcode = await post(
      emu,
      '/api/v3/signin',
      { connection: 'PASSCODE', passCodePayload: { phone: DEMO_USER.phone, passCode: code } },
      APP,
    )
    await call(emu, 'GET', '/api/v3/get-profile', { headers: authed(tokens.access_token) })
    const refreshed = await call(emu, 'POST', '/oidc/token', {
      form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! },
      headers: APP,
    })

    const entries = await emu.client.requests()
    expect(entries.map((entry) => entry.path)).toEqual([
      '/api/v3/signin',
      '/api/v3/send-sms',
      '/api/v3/signin',
      '/api/v3/get-profile',
      '/oidc/token',
    ])
    const secrets = [
      DEMO_USER.password,
      code,
      tokens.access_token,
      tokens.id_token,
      tokens.refresh_token!,
      passcode.body.data.access_token,
      refreshed.body.access_token,
      refreshed.body.refresh_token,
    ]
    expect(secrets.filter((secret) => JSON.stringify(entries).includes(secret))).toEqual(secrets) // all were there
    expect(secretsIn(entries, secrets)).toEqual([]) // none is left
    expect(maskEntry(entries[1]!).note).toBe(`SMS code ${code.slice(0, 1)}… for +86 ${DEMO_USER.phone} (CHANNEL_LOGIN), valid 300s`)
  })

  test('keeps every other field', () => {
    const entry: RequestLogEntry = {
      id: 7,
      requestId: 'r',
      time: '2026-01-01T00:00:00.000Z',
      method: 'GET',
      path: '/api/v3/system',
      query: {},
      status: 200,
      durationMs: 3,
      requestHeaders: { accept: '*/*' },
      requestBody: null,
      responseBody: null,
      error: null,
      fault: null,
      note: null,
    }
    expect(maskEntry(entry)).toEqual(entry)
  })
})
