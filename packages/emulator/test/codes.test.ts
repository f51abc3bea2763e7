// SMS and e-mail codes: sending, reading them on the control plane, passcode login, single use, expiry and
// throttling on the emulator clock.
import { APP, DEMO, DEMO_USER, claimsOf, expectError, post, POOL, useEmulator } from './helpers'

const emulator = useEmulator()

const sendSms = (phoneNumber: string, channel = 'CHANNEL_LOGIN', extra: Record<string, unknown> = {}) =>
  post(emulator(), '/api/v3/send-sms', { phoneNumber, channel, phoneCountryCode: '+86', ...extra }, POOL)
const sendEmail = (email: string, channel = 'CHANNEL_LOGIN') => post(emulator(), '/api/v3/send-email', { email, channel }, POOL)
const passcodeLogin = (passCodePayload: Record<string, unknown>, options: Record<string, unknown> = {}) =>
  post(emulator(), '/api/v3/signin', { connection: 'PASSCODE', passCodePayload, options }, APP)

describe('send-sms / send-email', () => {
  test('answer an envelope without data, and the code is readable on the control plane', async () => {
    const answer = await sendSms(DEMO_USER.phone)
    expect(answer.body).toEqual({ statusCode: 200, message: expect.any(String), requestId: expect.any(String) })
    const code = await emulator().client.latestCode(DEMO_USER.phone)
    expect(code).toMatchObject({
      kind: 'sms',
      userPoolId: DEMO.userPoolId,
      target: DEMO_USER.phone,
      phoneCountryCode: '+86',
      channel: 'CHANNEL_LOGIN',
      code: expect.stringMatching(/^\d{6}$/),
      used: false,
      expired: false,
    })
    expect(code.remainingSeconds).toBeGreaterThan(295)
    expect((await sendEmail('Someone@Example.com')).body.statusCode).toBe(200)
    expect((await emulator().client.latestCode('someone@example.com')).kind).toBe('email')
  })

  test('one code per minute per target and channel (429), on the emulator clock', async () => {
    expect((await sendSms(DEMO_USER.phone)).body.statusCode).toBe(200)
    expectError(await sendSms(DEMO_USER.phone), 429, undefined, /try again in \d+s/)
    expect((await sendSms(DEMO_USER.phone, 'CHANNEL_BIND_PHONE')).body.statusCode).toBe(200)
    expect((await sendSms('13900000000')).body.statusCode).toBe(200)
    await emulator().client.shiftClock(61_000)
    expect((await sendSms(DEMO_USER.phone)).body.statusCode).toBe(200)
    expect((await sendEmail('a@example.com')).body.statusCode).toBe(200)
    expectError(await sendEmail('a@example.com'), 429)
  })

  test('codes list filters by target and channel, newest first', async () => {
    await sendSms(DEMO_USER.phone)
    await sendSms(DEMO_USER.phone, 'CHANNEL_DELETE_ACCOUNT')
    await sendEmail(DEMO_USER.email)
    const all = await emulator().client.codes()
    expect(all.map((code) => code.channel)).toEqual(['CHANNEL_LOGIN', 'CHANNEL_DELETE_ACCOUNT', 'CHANNEL_LOGIN'])
    expect(await emulator().client.codes({ target: DEMO_USER.phone, channel: 'CHANNEL_DELETE_ACCOUNT' })).toHaveLength(1)
    await expect(emulator().client.latestCode('nobody@example.com')).rejects.toThrow(/No code has been sent/)
  })

  test.each([
    ['no pool header', {}, 400, undefined, 'x-authing-userpool-id should not be empty'],
    ['an unknown pool', { 'x-authing-userpool-id': 'nope' }, 404, 2224, /User pool "nope" does not exist/],
    ['the app header instead of the pool header', APP, 200, undefined, undefined],
  ])('with %s', async (_label, headers, statusCode, apiCode, message) => {
    const answer = await post(emulator(), '/api/v3/send-sms', { phoneNumber: DEMO_USER.phone, channel: 'CHANNEL_LOGIN' }, headers)
    if (statusCode === 200) expect(answer.body.statusCode).toBe(200)
    else expectError(answer, statusCode, apiCode, message)
  })

  test('validate their fields', async () => {
    expectError(
      await post(emulator(), '/api/v3/send-sms', { channel: 'CHANNEL_LOGIN' }, POOL),
      400,
      undefined,
      'phoneNumber should not be empty',
    )
    expectError(await sendSms(DEMO_USER.phone, 'CHANNEL_NOPE'), 400, undefined, /^channel must be one of: CHANNEL_LOGIN/)
    expectError(await sendSms('not-a-phone'), 400, undefined, /phoneNumber is not a valid phone number/)
    expectError(await sendEmail('not-an-email'), 400, undefined, /email is not a valid e-mail address/)
    expectError(await post(emulator(), '/api/v3/send-email', { email: 'a@b.co' }, POOL), 400, undefined, 'channel should not be empty')
  })
})

describe('passcode login', () => {
  test('by phone: logs in, then the code is used up', async () => {
    await sendSms(DEMO_USER.phone)
    const { code } = await emulator().client.latestCode(DEMO_USER.phone)
    const answer = await passcodeLogin({ phone: DEMO_USER.phone, phoneCountryCode: '+86', passCode: code })
    expect(answer.body.statusCode).toBe(200)
    expect(claimsOf(answer.body.data.access_token).sub).toBe(DEMO_USER.userId)
    expect((await emulator().client.latestCode(DEMO_USER.phone)).used).toBe(true)
    expectError(await passcodeLogin({ phone: DEMO_USER.phone, passCode: code }), 403, 2001)
  })

  test('by e-mail, country code optional', async () => {
    await sendEmail(DEMO_USER.email)
    const { code } = await emulator().client.latestCode(DEMO_USER.email)
    expect((await passcodeLogin({ email: DEMO_USER.email, passCode: code })).body.statusCode).toBe(200)
  })

  test('an expired code → 403 / 2300', async () => {
    await sendSms(DEMO_USER.phone)
    const { code } = await emulator().client.latestCode(DEMO_USER.phone)
    await emulator().client.shiftClock(5 * 60 * 1000)
    expectError(await passcodeLogin({ phone: DEMO_USER.phone, passCode: code }), 403, 2300)
    expect((await emulator().client.latestCode(DEMO_USER.phone)).expired).toBe(true)
  })

  test('a wrong code, a code of another channel, or no code → 403 / 2001', async () => {
    expectError(await passcodeLogin({ phone: DEMO_USER.phone, passCode: '000000' }), 403, 2001)
    await sendSms(DEMO_USER.phone, 'CHANNEL_REGISTER')
    const { code } = await emulator().client.latestCode(DEMO_USER.phone)
    expectError(await passcodeLogin({ phone: DEMO_USER.phone, passCode: code }), 403, 2001)
    await sendSms(DEMO_USER.phone)
    const { code: login } = await emulator().client.latestCode(DEMO_USER.phone, 'CHANNEL_LOGIN')
    expectError(await passcodeLogin({ phone: DEMO_USER.phone, passCode: login === '999999' ? '999998' : '999999' }), 403, 2001)
    expect((await passcodeLogin({ phone: DEMO_USER.phone, passCode: login })).body.statusCode).toBe(200)
  })

  test('a code sent to +86 does not log in +1 with the same digits', async () => {
    await sendSms(DEMO_USER.phone)
    const { code } = await emulator().client.latestCode(DEMO_USER.phone)
    expectError(await passcodeLogin({ phone: DEMO_USER.phone, phoneCountryCode: '+1', passCode: code }), 403, 2001)
  })

  test('an unknown phone needs autoRegister; with it a verified user is created', async () => {
    await sendSms('13700001111')
    const { code } = await emulator().client.latestCode('13700001111')
    expectError(await passcodeLogin({ phone: '13700001111', passCode: code }), 404, 2004)
    const answer = await passcodeLogin({ phone: '13700001111', passCode: code }, { autoRegister: true })
    expect(answer.body.statusCode).toBe(200)
    expect(await emulator().client.user('13700001111')).toMatchObject({
      phone: '13700001111',
      phoneCountryCode: '+86',
      phoneVerified: true,
    })
  })

  test('autoRegister by e-mail respects the registration switch', async () => {
    await emulator().client.config({ allowRegistration: false })
    await sendEmail('fresh@example.com')
    const { code } = await emulator().client.latestCode('fresh@example.com')
    expectError(await passcodeLogin({ email: 'fresh@example.com', passCode: code }, { autoRegister: true }), 403, 2031)
  })

  test('missing fields name the field', async () => {
    expectError(await passcodeLogin({ phone: DEMO_USER.phone }), 400, undefined, 'passCodePayload.passCode should not be empty')
    expectError(await passcodeLogin({ passCode: '123456' }), 400, undefined, /passCodePayload\.phone \(or email\) should not be empty/)
    expectError(
      await post(emulator(), '/api/v3/signin', { connection: 'PASSCODE' }, APP),
      400,
      undefined,
      'passCodePayload should not be empty',
    )
  })
})
