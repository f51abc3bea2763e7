// get-profile, update-profile, update-password and the avatar upload (store, serve back, set as photo).
import { request } from 'node:http'
import { authed, call, DEMO_USER, expectError, loginDemo, loginNewUser, post, signin, useEmulator } from './helpers'

const emulator = useEmulator()

const USER_DTO_FIELDS = [
  'userId',
  'createdAt',
  'updatedAt',
  'status',
  'workStatus',
  'externalId',
  'email',
  'emailVerified',
  'phone',
  'phoneCountryCode',
  'phoneVerified',
  'username',
  'name',
  'nickname',
  'photo',
  'loginsCount',
  'lastLogin',
  'lastIp',
  'gender',
  'passwordLastSetAt',
  'birthdate',
  'country',
  'province',
  'city',
  'address',
  'streetAddress',
  'postalCode',
  'company',
  'browser',
  'device',
  'givenName',
  'familyName',
  'middleName',
  'profile',
  'preferredUsername',
  'website',
  'zoneinfo',
  'locale',
  'formatted',
  'region',
  'userSourceType',
  'userSourceId',
  'lastLoginApp',
  'mainDepartmentId',
  'lastMfaTime',
  'passwordSecurityLevel',
  'resetPasswordOnNextLogin',
  'registerSource',
  'identityNumber',
  'statusChangedAt',
  'tenantId',
]

describe('GET /api/v3/get-profile', () => {
  test('answers the UserDto; optional parts only when asked for', async () => {
    const tokens = await loginDemo(emulator())
    await emulator().client.updateUser('demo', { customData: { level: 3 }, departmentIds: ['d1'] })
    const plain = await call(emulator(), 'GET', '/api/v3/get-profile?withCustomData=false&withDepartmentIds=false&withIdentities=false', {
      headers: authed(tokens.access_token),
    })
    expect(plain.body.statusCode).toBe(200)
    expect(Object.keys(plain.body.data).sort()).toEqual([...USER_DTO_FIELDS].sort())
    expect(plain.body.data).toMatchObject({
      userId: DEMO_USER.userId,
      username: 'demo',
      email: DEMO_USER.email,
      phone: DEMO_USER.phone,
      phoneCountryCode: '+86',
      status: 'Activated',
      gender: 'U',
      emailVerified: true,
      phoneVerified: true,
      loginsCount: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      externalId: null,
    })
    const full = await call(emulator(), 'GET', '/api/v3/get-profile?withCustomData=true&withDepartmentIds=true&withIdentities=true', {
      headers: authed(tokens.access_token),
    })
    expect(full.body.data).toMatchObject({ customData: { level: 3 }, departmentIds: ['d1'], identities: [] })
    const noQuery = await call(emulator(), 'GET', '/api/v3/get-profile', { headers: authed(tokens.access_token) })
    expect(noQuery.body.data.customData).toBeUndefined()
  })

  test('a flag that is not "true"/"false" names the parameter', async () => {
    const tokens = await loginDemo(emulator())
    const answer = await call(emulator(), 'GET', '/api/v3/get-profile?withIdentities=1', { headers: authed(tokens.access_token) })
    expectError(answer, 400, undefined, 'withIdentities must be one of: true, false')
  })
})

describe('POST /api/v3/update-profile', () => {
  test('changes profile fields and merges customData; answers the updated user', async () => {
    const tokens = await loginDemo(emulator())
    const answer = await post(
      emulator(),
      '/api/v3/update-profile',
      {
        nickname: '小明',
        gender: 'M',
        city: 'Shanghai',
        customData: { hobby: 'go' },
        email: 'ignored@example.com',
      },
      authed(tokens.access_token),
    )
    expect(answer.body.statusCode).toBe(200)
    expect(answer.body.data).toMatchObject({
      nickname: '小明',
      gender: 'M',
      city: 'Shanghai',
      email: DEMO_USER.email,
      customData: { hobby: 'go' },
    })
    await post(emulator(), '/api/v3/update-profile', { customData: { level: 1 } }, authed(tokens.access_token))
    expect((await emulator().client.user('demo'))?.customData).toEqual({ hobby: 'go', level: 1 })
  })

  test('a taken username → 409 / 2034; wrong types and values name the field', async () => {
    const { tokens } = await loginNewUser(emulator())
    expectError(await post(emulator(), '/api/v3/update-profile', { username: 'demo' }, authed(tokens.access_token)), 409, 2034)
    expectError(
      await post(emulator(), '/api/v3/update-profile', { gender: 'X' }, authed(tokens.access_token)),
      400,
      undefined,
      'gender must be one of: M, F, U',
    )
    expectError(
      await post(emulator(), '/api/v3/update-profile', { nickname: 42 }, authed(tokens.access_token)),
      400,
      undefined,
      'nickname must be a string',
    )
    expectError(
      await post(emulator(), '/api/v3/update-profile', { customData: 'x' }, authed(tokens.access_token)),
      400,
      undefined,
      'customData must be an object',
    )
  })
})

describe('POST /api/v3/update-password', () => {
  test('after a change the new password works and the old does not', async () => {
    const tokens = await loginDemo(emulator())
    const answer = await post(
      emulator(),
      '/api/v3/update-password',
      { newPassword: 'New-Passw0rd', oldPassword: DEMO_USER.password },
      authed(tokens.access_token),
    )
    expect(answer.body).toEqual({ statusCode: 200, message: expect.any(String), requestId: expect.any(String) })
    expect((await signin(emulator(), { account: 'demo', password: 'New-Passw0rd' })).body.statusCode).toBe(200)
    expectError(await signin(emulator(), { account: 'demo', password: DEMO_USER.password }), 403, 2333)
  })

  test('checks the old password when the user has one', async () => {
    const tokens = await loginDemo(emulator())
    expectError(
      await post(emulator(), '/api/v3/update-password', { newPassword: 'x' }, authed(tokens.access_token)),
      400,
      undefined,
      'oldPassword should not be empty',
    )
    expectError(
      await post(emulator(), '/api/v3/update-password', { newPassword: 'x', oldPassword: 'wrong' }, authed(tokens.access_token)),
      403,
      2203,
    )
  })

  test('a user without a password (WeChat) sets one without oldPassword', async () => {
    const login = await post(
      emulator(),
      '/api/v3/signin-by-mobile',
      {
        connection: 'wechat_mini_program_code',
        extIdpConnidentifier: 'wechat-miniprogram',
        wechatMiniProgramCodePayload: { code: 'mock:o-nopass' },
      },
      { 'x-authing-app-id': '6500000000000000000a0001' },
    )
    const answer = await post(emulator(), '/api/v3/update-password', { newPassword: 'First-1' }, authed(login.body.data.access_token))
    expect(answer.body.statusCode).toBe(200)
    expect((await emulator().client.user('o-nopass'))?.hasPassword).toBe(true)
  })
})

describe('avatar upload', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

  async function upload(folder = 'avatar', name = 'file', body: Buffer = png) {
    const form = new FormData()
    form.append(name, new Blob([new Uint8Array(body)], { type: 'image/png' }), 'me.png')
    return call(emulator(), 'POST', `/api/v2/upload?folder=${folder}`, { raw: form })
  }

  test('stores the file (no auth headers needed), serves it back at the URL, and the URL can become the photo', async () => {
    const answer = await upload()
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      code: 200,
      message: expect.any(String),
      data: { key: expect.stringMatching(/^avatar\/\w+\.png$/), url: expect.any(String) },
    })
    const url: string = answer.body.data.url
    expect(url.startsWith(emulator().url)).toBe(true)
    const fetched = await fetch(url)
    expect(fetched.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(png)

    const tokens = await loginDemo(emulator())
    const updated = await post(emulator(), '/api/v3/update-profile', { photo: url }, authed(tokens.access_token))
    expect(updated.body.data.photo).toBe(url)
    expect(await emulator().client.uploads()).toEqual([
      expect.objectContaining({ key: answer.body.data.key, size: png.length, contentType: 'image/png' }),
    ])
    const [entry] = (await emulator().client.requests()).filter((item) => item.path === '/api/v2/upload')
    expect(entry?.requestBody).toMatch(/multipart: file "me.png", image\/png/)
  })

  test('the URL uses the Host the client used', async () => {
    // fetch cannot set Host, so this one goes through node:http. A phone uses the computer's address on the network.
    const boundary = 'emulator-test-boundary'
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const text = await new Promise<string>((resolve, reject) => {
      const outgoing = request(
        `${emulator().url}/api/v2/upload?folder=avatar`,
        {
          method: 'POST',
          headers: {
            host: '192.168.1.20:8080',
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': body.length,
          },
        },
        (response) => {
          let data = ''
          response.on('data', (chunk) => (data += chunk))
          response.on('end', () => resolve(data))
        },
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    })
    expect(JSON.parse(text).data.url).toMatch(/^http:\/\/192\.168\.1\.20:8080\/uploads\/avatar\//)
  })

  test('errors: no "file" part, a bad folder, a non-multipart body, an unknown file', async () => {
    const wrongPart = await upload('avatar', 'picture')
    expect(wrongPart.status).toBe(400)
    expect(wrongPart.body).toEqual({ code: 400, message: expect.stringMatching(/file should not be empty/) })
    expect((await upload('../etc')).body.code).toBe(400)
    const json = await call(emulator(), 'POST', '/api/v2/upload?folder=avatar', { json: { file: 'x' } })
    expect(json.status).toBe(415)
    expect(json.body.code).toBe(415)
    const missing = await call(emulator(), 'GET', '/uploads/avatar/nope.png')
    expect(missing.status).toBe(404)
    expect(missing.body.code).toBe(404)
  })

  test('a file over 10 MiB → 413', async () => {
    const answer = await upload('avatar', 'file', Buffer.alloc(10 * 1024 * 1024 + 1))
    expect(answer.status).toBe(413)
    expect(answer.body).toEqual({ code: 413, message: expect.stringMatching(/too large/) })
    expect((await call(emulator(), 'GET', '/api/v3/system')).status).toBe(200)
  })
})
