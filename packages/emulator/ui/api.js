// The control plane, as the dashboard uses it: JSON in and out; a failure throws with the emulator's message.

async function call(method, path, body) {
  const response = await fetch(`/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  const data = text ? JSON.parse(text) : undefined
  if (!response.ok) throw new Error(data?.message ?? `HTTP ${response.status}`)
  return data
}

const at = (path, value) => `${path}/${encodeURIComponent(value)}`

export const api = {
  info: () => call('GET', ''),
  codes: () => call('GET', '/codes'),
  wechatCodes: () => call('GET', '/wechat/codes'),
  mintLoginCode: (input) => call('POST', '/wechat/login-codes', input),
  mintPhoneCode: (input) => call('POST', '/wechat/phone-codes', input),
  douyinCodes: () => call('GET', '/douyin/codes'),
  mintDouyinLoginCode: (input) => call('POST', '/douyin/login-codes', input),
  users: (q) => call('GET', q ? `/users?q=${encodeURIComponent(q)}` : '/users'),
  createUser: (input) => call('POST', '/users', input),
  updateUser: (userId, patch) => call('PATCH', at('/users', userId), patch),
  deleteUser: (userId) => call('DELETE', at('/users', userId)),
  setPassword: (userId, password) => call('PUT', `${at('/users', userId)}/password`, { password }),
  sessions: () => call('GET', '/sessions'),
  revokeSession: (id) => call('POST', `${at('/sessions', id)}/revoke`, {}),
  clearRequests: () => call('DELETE', '/requests'),
  clock: () => call('GET', '/clock'),
  shiftClock: (ms) => call('POST', '/clock', { shiftMs: ms }),
  setClockOffset: (ms) => call('POST', '/clock', { offsetMs: ms }),
  faults: () => call('GET', '/faults'),
  setFault: (spec) => call('POST', '/faults', spec),
  removeFault: (id) => call('DELETE', at('/faults', id)),
  clearFaults: () => call('DELETE', '/faults'),
}
