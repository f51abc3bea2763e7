// Every error's message starts with its code's sentence from the catalogue (ERROR_MESSAGES), then says what is known
// of the case; an error the server explained carries the server's words.
import { ERROR_MESSAGES, type AuthingErrorCode } from '@authing/miniapp-core'
import { setup } from './harness'

const HOUR = 3600 * 1000
const sentence = (code: AuthingErrorCode, detail: string) => `${ERROR_MESSAGES[code]}: ${detail}`

test('the catalogue has one sentence for every documented code', () => {
  expect(ERROR_MESSAGES).toEqual({
    invalid_argument: 'Invalid argument',
    not_logged_in: 'Not logged in',
    session_expired: 'Session ended, log in again',
    network: 'Request failed',
    timeout: 'Request timed out',
    server: 'Unusable server answer',
    api: 'Request refused',
    encrypt_failed: 'Password encryption failed',
    platform: 'Platform call failed',
    storage: 'Storage failed',
    unknown: 'Unexpected error',
  })
})

test('invalid_argument names the argument', async () => {
  const { authing } = setup()
  expect((await authing.sendSms({ phoneNumber: '1' } as never))[0]).toEqual({
    code: 'invalid_argument',
    message: sentence('invalid_argument', 'channel must be a non-empty string'),
  })
  expect((await authing.getUserInfo(7 as never))[0]).toEqual({
    code: 'invalid_argument',
    message: sentence('invalid_argument', 'params must be an object'),
  })
  expect((await authing.loginByCode({ extIdpConnidentifier: 'c', options: [] } as never))[0]).toEqual({
    code: 'invalid_argument',
    message: sentence('invalid_argument', 'options must be an object'),
  })
  // a function is not an argument object (and is not copied as one)
  expect((await authing.sendSms((() => {}) as never))[0]).toEqual({
    code: 'invalid_argument',
    message: sentence('invalid_argument', 'params must be an object'),
  })
  // a path that breaks off at null names the field it was looking for
  expect((await authing.loginByPassword({ passwordPayload: null } as never))[0]).toEqual({
    code: 'invalid_argument',
    message: sentence('invalid_argument', 'passwordPayload.password must be a non-empty string'),
  })
})

test('not_logged_in is the sentence alone', async () => {
  const { authing } = setup()
  expect((await authing.getLoginState())[0]).toEqual({ code: 'not_logged_in', message: 'Not logged in' })
  expect((await authing.refreshToken())[0]).toEqual({ code: 'not_logged_in', message: 'Not logged in' })
})

test('network and timeout quote the platform', async () => {
  const { authing, faults } = setup()
  faults.request = { errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' }
  expect((await authing.sendEmailCode({ email: 'a@b.c', channel: 'CHANNEL_LOGIN' }))[0]).toEqual({
    code: 'network',
    message: sentence('network', 'request:fail net::ERR_CONNECTION_REFUSED'),
  })
  faults.request = { errMsg: 'request:fail timeout', timeout: true }
  expect((await authing.sendEmailCode({ email: 'a@b.c', channel: 'CHANNEL_LOGIN' }))[0]).toEqual({
    code: 'timeout',
    message: sentence('timeout', 'request:fail timeout'),
  })
  // only the mark makes a timeout: the word in a message does not
  faults.request = { errMsg: 'request:fail timeout', timeout: 'yes' }
  expect((await authing.sendEmailCode({ email: 'a@b.c', channel: 'CHANNEL_LOGIN' }))[0]).toMatchObject({ code: 'network' })
  faults.request = 'offline'
  expect((await authing.sendEmailCode({ email: 'a@b.c', channel: 'CHANNEL_LOGIN' }))[0]).toEqual({
    code: 'network',
    message: sentence('network', 'offline'),
  })
})

test('a failure is described by its errMsg, else its message, else itself; a blank or empty one says so', async () => {
  let reason: unknown
  const { authing } = setup({ adapter: { request: () => Promise.reject(reason) } })
  const failureWith = async (rejection: unknown) => {
    reason = rejection
    return (await authing.sendEmailCode({ email: 'a@b.c', channel: 'CHANNEL_LOGIN' }))[0]!.message
  }
  expect(await failureWith({ errMsg: '  ', message: 'socket closed' })).toBe(sentence('network', 'socket closed'))
  // a function is read like an object: its errMsg, not its source text
  expect(await failureWith(Object.assign(() => 'source', { errMsg: 'request:fail abort' }))).toBe(sentence('network', 'request:fail abort'))
  expect(await failureWith(null)).toBe(sentence('network', 'unknown error'))
  expect(await failureWith(0)).toBe(sentence('network', '0'))
})

test("api and server errors carry the server's words; without them, what the answer was", async () => {
  const { authing, server } = setup()
  server.handlers['POST /api/v3/send-sms'] = () => ({ status: 400, body: { error: 'invalid_request' } })
  expect((await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' }))[0]).toEqual({
    code: 'api',
    statusCode: 400,
    message: sentence('api', 'invalid_request'),
  })
  server.handlers['POST /api/v3/send-sms'] = () => ({
    status: 200,
    body: { statusCode: 429, message: '  ', error_description: 'Too many' },
  })
  expect((await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' }))[0]).toEqual({
    code: 'api',
    statusCode: 429,
    message: 'Too many',
  })
  server.handlers['POST /api/v3/send-sms'] = () => ({ status: 503, body: '<html>busy</html>' })
  expect((await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' }))[0]).toEqual({
    code: 'server',
    statusCode: 503,
    message: sentence('server', 'HTTP 503'),
  })
  server.handlers['POST /api/v3/send-sms'] = () => ({
    status: 200,
    body: { statusCode: 500, message: 'Internal', requestId: 'r1', apiCode: 9 },
  })
  expect((await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' }))[0]).toEqual({
    code: 'server',
    statusCode: 500,
    apiCode: 9,
    requestId: 'r1',
    message: 'Internal',
  })
  // an HTTP 5xx is the server's failure, whatever status its body claims
  server.handlers['POST /api/v3/send-sms'] = () => ({ status: 500, body: { statusCode: 400, message: 'Bad thing' } })
  expect((await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' }))[0]).toEqual({
    code: 'server',
    statusCode: 400,
    message: 'Bad thing',
  })
  // JSON that is no object (here `null`) is an answer without a body
  server.handlers['POST /api/v3/send-sms'] = () => ({ status: 200, body: 'null' })
  expect((await authing.sendSms({ phoneNumber: '1', channel: 'CHANNEL_LOGIN' }))[0]).toEqual({
    code: 'server',
    statusCode: 200,
    message: sentence('server', 'HTTP 200'),
  })
})

test('session_expired says why; encrypt_failed, platform and storage say what failed', async () => {
  const { authing, server, clock, login, faults } = setup({ encryptFunction: () => '' })
  await login()
  server.refreshTokens.clear()
  clock.now += 2 * HOUR
  expect((await authing.getLoginState())[0]).toEqual({
    code: 'session_expired',
    statusCode: 400,
    message: sentence('session_expired', 'refresh token is invalid'),
  })
  expect(
    (await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' }, options: { passwordEncryptType: 'rsa' } }))[0],
  ).toEqual({
    code: 'encrypt_failed',
    message: sentence('encrypt_failed', 'no ciphertext'),
  })
  faults.storage = { errMsg: 'setStorage:fail full' }
  expect((await authing.loginByPassword({ passwordPayload: { account: 'a', password: 'p' } }))[0]).toEqual({
    code: 'storage',
    message: sentence('storage', 'saving the login state: setStorage:fail full'),
  })
})

test('a platform failure says which call failed', async () => {
  const { authing: noCode } = setup({ adapter: { login: () => Promise.resolve('') } })
  expect((await noCode.getLoginCode())[0]).toEqual({ code: 'platform', message: sentence('platform', 'no login code') })
  const { authing, login } = setup({ adapter: { chooseImage: () => Promise.reject({ errMsg: 'chooseMedia:fail cancel' }) } })
  await login()
  expect((await authing.updateAvatar())[0]).toEqual({
    code: 'platform',
    message: sentence('platform', 'choosing an image: chooseMedia:fail cancel'),
  })
})
