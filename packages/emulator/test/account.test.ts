// Binding and changing e-mail and phone, and deleting the account (docs/protocol.md §4.16–4.18).
import { APP, authed, call, DEMO_USER, expectError, loginDemo, loginNewUser, post, POOL, useEmulator } from './helpers'

const emulator = useEmulator()

/** Sends a code and reads it back from the control plane. */
async function codeFor(target: string, channel: string): Promise<string> {
  const isEmail = target.includes('@')
  const answer = isEmail
    ? await post(emulator(), '/api/v3/send-email', { email: target, channel }, POOL)
    : await post(emulator(), '/api/v3/send-sms', { phoneNumber: target, channel }, POOL)
  expect(answer.body.statusCode).toBe(200)
  return (await emulator().client.latestCode(target, channel)).code
}

const as = (token: string) => ({
  post: (path: string, body: unknown) => post(emulator(), path, body, authed(token)),
})

describe('e-mail', () => {
  test('bind-email: a user without an e-mail binds one with a CHANNEL_BIND_EMAIL code', async () => {
    const { tokens, userId } = await loginNewUser(emulator())
    const passCode = await codeFor('mine@example.com', 'CHANNEL_BIND_EMAIL')
    const answer = await as(tokens.access_token).post('/api/v3/bind-email', { email: 'mine@example.com', passCode })
    expect(answer.body).toEqual({ statusCode: 200, message: expect.any(String), requestId: expect.any(String) })
    expect(await emulator().client.user(userId)).toMatchObject({ email: 'mine@example.com', emailVerified: true })
  })

  test('bind-email errors: already has one, taken by another user, wrong code', async () => {
    const demo = await loginDemo(emulator())
    expectError(
      await as(demo.access_token).post('/api/v3/bind-email', { email: 'x@example.com', passCode: '1' }),
      400,
      undefined,
      /already has an e-mail/,
    )
    const { tokens } = await loginNewUser(emulator())
    expectError(await as(tokens.access_token).post('/api/v3/bind-email', { email: DEMO_USER.email, passCode: '1' }), 409, 2200)
    expectError(await as(tokens.access_token).post('/api/v3/bind-email', { email: 'free@example.com', passCode: '000000' }), 403, 2001)
    expectError(
      await as(tokens.access_token).post('/api/v3/bind-email', { email: 'free@example.com' }),
      400,
      undefined,
      'passCode should not be empty',
    )
  })

  test('verify-update-email-request → updateEmailToken → update-email', async () => {
    const demo = await loginDemo(emulator())
    const newEmailPassCode = await codeFor('new@example.com', 'CHANNEL_UPDATE_EMAIL')
    const verify = await as(demo.access_token).post('/api/v3/verify-update-email-request', {
      verifyMethod: 'EMAIL_PASSCODE',
      emailPassCodePayload: { newEmail: 'new@example.com', newEmailPassCode },
    })
    expect(verify.body.data).toEqual({ updateEmailToken: expect.any(String), tokenExpiresIn: 60 })
    const update = await as(demo.access_token).post('/api/v3/update-email', { updateEmailToken: verify.body.data.updateEmailToken })
    expect(update.body.data).toEqual({ success: true })
    expect((await emulator().client.user('demo'))?.email).toBe('new@example.com')
    expectError(
      await as(demo.access_token).post('/api/v3/update-email', { updateEmailToken: verify.body.data.updateEmailToken }),
      400,
      undefined,
      /already been used/,
    )
  })

  test('the old address is verified when given (or when the pool requires it)', async () => {
    await emulator().client.config({ verifyOldContact: true })
    const demo = await loginDemo(emulator())
    const newEmailPassCode = await codeFor('new2@example.com', 'CHANNEL_UPDATE_EMAIL')
    const body = { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { newEmail: 'new2@example.com', newEmailPassCode } }
    expectError(
      await as(demo.access_token).post('/api/v3/verify-update-email-request', body),
      400,
      undefined,
      'emailPassCodePayload.oldEmail should not be empty',
    )
    const oldEmailPassCode = await codeFor(DEMO_USER.email, 'CHANNEL_UPDATE_EMAIL')
    const withOld = { ...body, emailPassCodePayload: { ...body.emailPassCodePayload, oldEmail: DEMO_USER.email, oldEmailPassCode } }
    expect((await as(demo.access_token).post('/api/v3/verify-update-email-request', withOld)).body.statusCode).toBe(200)
  })

  test('update tokens expire after 60 s and belong to their user', async () => {
    const demo = await loginDemo(emulator())
    const newEmailPassCode = await codeFor('late@example.com', 'CHANNEL_UPDATE_EMAIL')
    const verify = await as(demo.access_token).post('/api/v3/verify-update-email-request', {
      verifyMethod: 'EMAIL_PASSCODE',
      emailPassCodePayload: { newEmail: 'late@example.com', newEmailPassCode },
    })
    const { tokens } = await loginNewUser(emulator())
    expectError(
      await as(tokens.access_token).post('/api/v3/update-email', { updateEmailToken: verify.body.data.updateEmailToken }),
      403,
      undefined,
      /another user/,
    )
    await emulator().client.shiftClock(60_000)
    expectError(
      await as(demo.access_token).post('/api/v3/update-email', { updateEmailToken: verify.body.data.updateEmailToken }),
      400,
      undefined,
      /has expired/,
    )
  })
})

describe('phone', () => {
  test('bind-phone with a CHANNEL_BIND_PHONE code; country code optional', async () => {
    const { tokens, userId } = await loginNewUser(emulator())
    const passCode = await codeFor('13500000001', 'CHANNEL_BIND_PHONE')
    const answer = await as(tokens.access_token).post('/api/v3/bind-phone', { phoneNumber: '13500000001', passCode })
    expect(answer.body.statusCode).toBe(200)
    expect(await emulator().client.user(userId)).toMatchObject({ phone: '13500000001', phoneCountryCode: '+86', phoneVerified: true })
  })

  test('bind-phone errors: already has one; taken', async () => {
    const demo = await loginDemo(emulator())
    expectError(
      await as(demo.access_token).post('/api/v3/bind-phone', { phoneNumber: '13500000002', passCode: '1' }),
      400,
      undefined,
      /already has a phone/,
    )
    const { tokens } = await loginNewUser(emulator())
    expectError(await as(tokens.access_token).post('/api/v3/bind-phone', { phoneNumber: DEMO_USER.phone, passCode: '1' }), 409, 2035)
  })

  test('verify-update-phone-request → updatePhoneToken → update-phone', async () => {
    const demo = await loginDemo(emulator())
    const newPhonePassCode = await codeFor('13500000003', 'CHANNEL_BIND_PHONE')
    const oldPhonePassCode = await codeFor(DEMO_USER.phone, 'CHANNEL_UNBIND_PHONE')
    const verify = await as(demo.access_token).post('/api/v3/verify-update-phone-request', {
      verifyMethod: 'PHONE_PASSCODE',
      phonePassCodePayload: {
        newPhoneNumber: '13500000003',
        newPhonePassCode,
        newPhoneCountryCode: '+86',
        oldPhoneNumber: DEMO_USER.phone,
        oldPhonePassCode,
      },
    })
    expect(verify.body.data).toEqual({ updatePhoneToken: expect.any(String), tokenExpiresIn: 60 })
    expect(
      (await as(demo.access_token).post('/api/v3/update-phone', { updatePhoneToken: verify.body.data.updatePhoneToken })).body.data,
    ).toEqual({ success: true })
    expect((await emulator().client.user('demo'))?.phone).toBe('13500000003')
  })

  test('verify-update-phone-request validates its payload', async () => {
    const demo = await loginDemo(emulator())
    expectError(
      await as(demo.access_token).post('/api/v3/verify-update-phone-request', { verifyMethod: 'PHONE_PASSCODE' }),
      400,
      undefined,
      'phonePassCodePayload should not be empty',
    )
    expectError(
      await as(demo.access_token).post('/api/v3/verify-update-phone-request', {
        verifyMethod: 'EMAIL_PASSCODE',
        phonePassCodePayload: { newPhoneNumber: '1', newPhonePassCode: '1' },
      }),
      400,
      undefined,
      'verifyMethod must be one of: PHONE_PASSCODE',
    )
    expectError(
      await as(demo.access_token).post('/api/v3/verify-update-phone-request', {
        verifyMethod: 'PHONE_PASSCODE',
        phonePassCodePayload: { newPhoneNumber: DEMO_USER.phone, newPhonePassCode: '1' },
      }),
      400,
      undefined,
      /already the phone number/,
    )
  })
})

describe('account deletion', () => {
  test('PHONE_PASSCODE: deleteAccountToken → delete-account; the user and its tokens are gone', async () => {
    const demo = await loginDemo(emulator())
    const passCode = await codeFor(DEMO_USER.phone, 'CHANNEL_DELETE_ACCOUNT')
    const verify = await as(demo.access_token).post('/api/v3/verify-delete-account-request', {
      verifyMethod: 'PHONE_PASSCODE',
      phonePassCodePayload: { phoneNumber: DEMO_USER.phone, passCode, phoneCountryCode: '+86' },
    })
    expect(verify.body.data).toEqual({ deleteAccountToken: expect.any(String), tokenExpiresIn: 60 })
    const deleted = await as(demo.access_token).post('/api/v3/delete-account', { deleteAccountToken: verify.body.data.deleteAccountToken })
    expect(deleted.body.data).toEqual({ success: true })
    expect(await emulator().client.user('demo')).toBeNull()
    expect(await emulator().client.sessions({ userId: DEMO_USER.userId })).toEqual([])
    expectError(await call(emulator(), 'GET', '/api/v3/get-profile', { headers: authed(demo.access_token) }), 401, 2020)
    const refresh = await call(emulator(), 'POST', '/oidc/token', {
      form: { grant_type: 'refresh_token', refresh_token: demo.refresh_token! },
      headers: APP,
    })
    expect(refresh.body.error).toBe('invalid_grant')
  })

  test('EMAIL_PASSCODE must name the user’s own address', async () => {
    const demo = await loginDemo(emulator())
    const passCode = await codeFor('other@example.com', 'CHANNEL_DELETE_ACCOUNT')
    expectError(
      await as(demo.access_token).post('/api/v3/verify-delete-account-request', {
        verifyMethod: 'EMAIL_PASSCODE',
        emailPassCodePayload: { email: 'other@example.com', passCode },
      }),
      400,
      undefined,
      /not the e-mail address of this user/,
    )
    const own = await codeFor(DEMO_USER.email, 'CHANNEL_DELETE_ACCOUNT')
    expect(
      (
        await as(demo.access_token).post('/api/v3/verify-delete-account-request', {
          verifyMethod: 'EMAIL_PASSCODE',
          emailPassCodePayload: { email: DEMO_USER.email, passCode: own },
        })
      ).body.statusCode,
    ).toBe(200)
  })

  test('PASSWORD only for users with neither phone nor e-mail; a wrong password → 403 / 2006', async () => {
    const demo = await loginDemo(emulator())
    expectError(
      await as(demo.access_token).post('/api/v3/verify-delete-account-request', {
        verifyMethod: 'PASSWORD',
        passwordPayload: { password: DEMO_USER.password },
      }),
      400,
      undefined,
      /only for users without phone and e-mail/,
    )
    const { tokens } = await loginNewUser(emulator())
    expectError(
      await as(tokens.access_token).post('/api/v3/verify-delete-account-request', {
        verifyMethod: 'PASSWORD',
        passwordPayload: { password: 'wrong' },
      }),
      403,
      2006,
    )
    expectError(
      await as(tokens.access_token).post('/api/v3/verify-delete-account-request', { verifyMethod: 'PASSWORD' }),
      400,
      undefined,
      'passwordPayload should not be empty',
    )
  })

  test('a delete token is single use and expires after 60 s', async () => {
    const { tokens } = await loginNewUser(emulator())
    const request = () =>
      as(tokens.access_token).post('/api/v3/verify-delete-account-request', {
        verifyMethod: 'PASSWORD',
        passwordPayload: { password: 'Passw0rd!' },
      })
    const first = (await request()).body.data.deleteAccountToken
    await emulator().client.shiftClock(61_000)
    expectError(await as(tokens.access_token).post('/api/v3/delete-account', { deleteAccountToken: first }), 400, undefined, /has expired/)
    expectError(await as(tokens.access_token).post('/api/v3/delete-account', { deleteAccountToken: 'nope' }), 400, undefined, /invalid/)
  })
})
