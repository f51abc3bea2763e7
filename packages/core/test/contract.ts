// The result contract, in one place: every public method with one valid argument, the documented error codes, and the
// check that a result is a two-element tuple whose error is plain, readable, documented data.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Authing } from '@authing/miniapp-core'

export type Call = [name: string, call: (a: Authing, arg: any) => Promise<unknown>, valid: unknown]

/** Every public method that resolves to a result, with one valid argument. */
export const METHODS: Call[] = [
  ['getLoginState', (a) => a.getLoginState(), undefined],
  ['clearLoginState', (a) => a.clearLoginState(), undefined],
  ['getPublicKey', (a, x) => a.getPublicKey(x), 'rsa'],
  ['getLoginCode', (a) => a.getLoginCode(), undefined],
  ['loginByCode', (a, x) => a.loginByCode(x), { extIdpConnidentifier: 'c' }],
  [
    'loginByPhone',
    (a, x) => a.loginByPhone(x),
    { extIdpConnidentifier: 'c', wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: 'p' } } },
  ],
  ['loginByPassword', (a, x) => a.loginByPassword(x), { passwordPayload: { account: 'a', password: 'p' } }],
  ['loginByPassCode', (a, x) => a.loginByPassCode(x), { passCodePayload: { passCode: '1', phone: '138' } }],
  ['sendSms', (a, x) => a.sendSms(x), { phoneNumber: '138', channel: 'CHANNEL_LOGIN' }],
  ['sendEmailCode', (a, x) => a.sendEmailCode(x), { email: 'a@b.c', channel: 'CHANNEL_LOGIN' }],
  ['refreshToken', (a) => a.refreshToken(), undefined],
  ['logout', (a) => a.logout(), undefined],
  ['updatePassword', (a, x) => a.updatePassword(x), { newPassword: 'n', oldPassword: 'o' }],
  ['getUserInfo', (a, x) => a.getUserInfo(x), { withCustomData: true }],
  ['updateUserInfo', (a, x) => a.updateUserInfo(x), { nickname: 'n' }],
  ['updateAvatar', (a) => a.updateAvatar(), undefined],
  ['getPhone', (a, x) => a.getPhone(x), { extIdpConnidentifier: 'c', code: 'p' }],
  ['bindPhone', (a, x) => a.bindPhone(x), { phoneNumber: '138', passCode: '1' }],
  ['updatePhoneRequest', (a, x) => a.updatePhoneRequest(x), { phonePassCodePayload: { newPhoneNumber: '1', newPhonePassCode: '2' } }],
  ['updatePhone', (a, x) => a.updatePhone(x), { updatePhoneToken: 't' }],
  ['bindEmail', (a, x) => a.bindEmail(x), { email: 'a@b.c', passCode: '1' }],
  ['updateEmailRequest', (a, x) => a.updateEmailRequest(x), { emailPassCodePayload: { newEmail: 'a@b.c', newEmailPassCode: '1' } }],
  ['updateEmail', (a, x) => a.updateEmail(x), { updateEmailToken: 't' }],
  [
    'deleteAccountRequest',
    (a, x) => a.deleteAccountRequest(x),
    { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: 'a@b.c', passCode: '1' } },
  ],
  ['deleteAccount', (a, x) => a.deleteAccount(x), { deleteAccountToken: 't' }],
  ['decryptData', (a, x) => a.decryptData(x), { extIdpConnidentifier: 'c', encryptedData: 'e', iv: 'i', code: 'k' }],
  ['bindWxByCode', (a, x) => a.bindWxByCode(x), { extIdpConnidentifier: 'c' }],
]

/**
 * What each method needs, as the README's Methods table says: groups of dotted paths, each group satisfied when at least
 * one of its paths holds a non-empty string. An argument that satisfies no path of some group must be refused locally.
 */
export const REQUIRED: Record<string, string[][]> = {
  loginByCode: [['extIdpConnidentifier']],
  loginByPhone: [
    ['extIdpConnidentifier'],
    ['wechatMiniProgramCodeAndPhonePayload.wxPhoneInfo.code', 'miniProgramCodeAndPhonePayload.wxPhoneInfo.code'],
  ],
  loginByPassword: [
    ['passwordPayload.password'],
    ['passwordPayload.account', 'passwordPayload.username', 'passwordPayload.email', 'passwordPayload.phone'],
  ],
  loginByPassCode: [['passCodePayload.passCode'], ['passCodePayload.phone', 'passCodePayload.email']],
  sendSms: [['phoneNumber'], ['channel']],
  sendEmailCode: [['email'], ['channel']],
  updatePassword: [['newPassword']],
  getPhone: [['extIdpConnidentifier'], ['code']],
  bindPhone: [['phoneNumber'], ['passCode']],
  updatePhoneRequest: [['phonePassCodePayload.newPhoneNumber'], ['phonePassCodePayload.newPhonePassCode']],
  updatePhone: [['updatePhoneToken']],
  bindEmail: [['email'], ['passCode']],
  updateEmailRequest: [['emailPassCodePayload.newEmail'], ['emailPassCodePayload.newEmailPassCode']],
  updateEmail: [['updateEmailToken']],
  deleteAccountRequest: [['verifyMethod']],
  deleteAccount: [['deleteAccountToken']],
  decryptData: [['extIdpConnidentifier'], ['encryptedData'], ['iv'], ['code']],
}

/** Methods whose argument object may be left out. */
export const OPTIONAL_ARGUMENT = new Set(['getUserInfo', 'bindWxByCode'])

/** Methods whose purpose is to change the login state (log in, renew, log out, end the account). */
export const CHANGES_STATE = new Set([
  'loginByCode',
  'loginByPhone',
  'loginByPassword',
  'loginByPassCode',
  'refreshToken',
  'logout',
  'clearLoginState',
  'deleteAccount',
])

/** The error codes documented in the package README's "Errors" table: the only ones a result may carry. */
export const CODES: readonly string[] = (() => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8')
  const errors = readme.slice(readme.indexOf('## Errors'))
  const table = errors.slice(errors.indexOf('|---')) // the rows, below the header
  return Array.from(table.matchAll(/^\| `([a-z_]+)` \|/gm), (match) => match[1]!)
})()

const FIELDS = new Set(['message', 'code', 'statusCode', 'apiCode', 'requestId'])

/** Throws unless `message` reads as a sentence: non-blank text, not serialised data, not "[object …]". */
export function expectReadable(message: unknown): void {
  expect(typeof message).toBe('string')
  const text = (message as string).trim()
  expect(text.length).toBeGreaterThan(3)
  expect(text).not.toMatch(/^[{["]|\[object |^(undefined|null|false)$/)
}

/**
 * Throws unless `result` is `[null, data]` or `[error, undefined]` where `error` is plain data with a readable
 * `message`, a documented `code`, and correctly typed `statusCode`, `apiCode` and `requestId` when present.
 * @param relayed - texts a server sent, which an error message may quote as they are (when not blank)
 */
export function expectResult(result: unknown, relayed: unknown[] = []): void {
  expect(Array.isArray(result)).toBe(true)
  expect((result as unknown[]).length).toBe(2)
  const [error, data] = result as [Record<string, unknown> | null, unknown]
  if (error === null) return
  expect(data).toBeUndefined()
  expect(Object.getPrototypeOf(error)).toBe(Object.prototype)
  for (const key of Object.keys(error)) expect(FIELDS).toContain(key)
  const quotes = (text: unknown) => typeof text == 'string' && text.trim() != '' && (error.message as string).includes(text)
  if (relayed.some(quotes))
    expect(typeof error.message).toBe('string') // the server's words, as it sent them
  else expectReadable(error.message)
  expect(CODES).toContain(error.code)
  if (error.statusCode !== undefined) expect(Number.isInteger(error.statusCode)).toBe(true)
  if (error.apiCode !== undefined) expect(typeof error.apiCode).toBe('number')
  if (error.requestId !== undefined) expect(typeof error.requestId).toBe('string')
}

/** Text for anything thrown, even a value that cannot be read or converted (a hostile proxy). */
function safeText(value: unknown): string {
  try {
    return value instanceof Error
      ? `${value.name}: ${value.message}`
      : typeof value == 'object' && value
        ? Object.prototype.toString.call(value)
        : String(value)
  } catch {
    return '(unreadable)'
  }
}

/**
 * Resolves with the result of a call, or with `{ threw }` / `{ rejected }` (as text, safe to print) when the call
 * broke the contract by throwing or rejecting.
 */
export function settle(call: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(call()).catch((rejected: unknown) => ({ rejected: safeText(rejected) }))
  } catch (threw) {
    return Promise.resolve({ threw: safeText(threw) })
  }
}
