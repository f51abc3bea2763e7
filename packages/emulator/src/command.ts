// The `authing-emulator` command: argument parsing, the start-up banner, and starting the server.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { EmulatorOptions } from './options'
import { startEmulator, type RunningEmulator } from './start'
import { DEMO, DEMO_USER } from './state/seed'
import type { EmulatorSeed, EmulatorUser } from './types'

export const USAGE = `Usage: authing-emulator [options]

  --port <n>                     port to listen on (default 3000; 0 picks a free one)
  --host <host>                  interface to listen on (default 127.0.0.1; 0.0.0.0 for other devices)
  --data <file>                  state file: loaded at start if it exists, saved on exit
  --seed <file>                  JSON seed (users, userPools, apps, connections) added to the demo data
  --wechat-dev-identity <openid> map unknown wx.login codes (e.g. from WeChat DevTools) to this openid
  --wechat-dev-phone <number>    map unknown phone codes to this phone number
  --douyin-dev-identity <openid> map unknown tt.login codes (e.g. from Douyin DevTools) to this openid
  --cors-origin <origin>         let web pages of this origin call the API routes (repeatable; "*" for any);
                                 loopback origins such as http://localhost:5173 always may
  --allowed-host <name>          answer requests addressed to this host name too (repeatable; ".example.test"
                                 for its subdomains); loopback names and IP addresses always work
  --control-token <token>        token the control plane requires (default: generated when --host is not loopback)
  --quiet                        do not print one line per request
  --help                         show this help`

export interface CliIo {
  print(line: string): void
}

export interface ParsedCommand {
  help: boolean
  options: EmulatorOptions
}

/** Parses the command line; throws with a readable message on bad input. */
export function parseCommand(argv: string[], io: CliIo): ParsedCommand {
  const { values } = parseArgs({
    // `pnpm emulator -- --port 4000` passes the `--` through.
    args: argv[0] === '--' ? argv.slice(1) : argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string' },
      'wechat-dev-identity': { type: 'string' },
      'wechat-dev-phone': { type: 'string' },
      'douyin-dev-identity': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'allowed-host': { type: 'string', multiple: true },
      'control-token': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const port = values.port === undefined ? 3000 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${values.port}"`)
  let seed: EmulatorSeed | undefined
  if (values.seed) {
    try {
      seed = JSON.parse(readFileSync(values.seed, 'utf8')) as EmulatorSeed
    } catch (error) {
      throw new Error(`Cannot read the seed file ${values.seed}: ${(error as Error).message}`)
    }
  }
  return {
    help: values.help === true,
    options: {
      port,
      host: values.host,
      data: values.data,
      seed,
      wechatDevIdentity: values['wechat-dev-identity'],
      wechatDevPhone: values['wechat-dev-phone'],
      douyinDevIdentity: values['douyin-dev-identity'],
      corsOrigins: values['cors-origin'],
      allowedHosts: values['allowed-host'],
      controlToken: values['control-token'],
      logger: values.quiet ? false : (line) => io.print(line),
    },
  }
}

function describeUser(user: EmulatorUser): string {
  const ids = [user.username, user.email, user.phone && `${user.phoneCountryCode} ${user.phone}`].filter(Boolean).join(' / ')
  const password = user.userId === DEMO_USER.userId ? `, password ${DEMO_USER.password}` : user.hasPassword ? ', has a password' : ''
  return `${ids || user.userId}${password}`
}

/** The start-up banner: where it listens, what the SDK needs, and how to drive it. */
export async function banner(running: RunningEmulator, options: EmulatorOptions): Promise<string[]> {
  const users = await running.client.users()
  const row = (label: string, value: string) => `  ${label.padEnd(22)}${value}`
  const devIdentity = options.wechatDevIdentity
    ? `on: unknown codes log in as openid ${options.wechatDevIdentity}`
    : 'off (--wechat-dev-identity <openid>)'
  return [
    `Authing emulator listening on ${running.url}`,
    '',
    row('host', running.url),
    row('appId', DEMO.appId),
    row('userPoolId', DEMO.userPoolId),
    row('extIdpConnidentifier', `${DEMO.extIdpConnidentifier} (WeChat appid ${DEMO.wechatAppId})`),
    row('', `${DEMO.douyinExtIdpConnidentifier} (Douyin appid ${DEMO.douyinAppId})`),
    row('users', users.length === 0 ? '(none)' : describeUser(users[0] as EmulatorUser)),
    ...users.slice(1, 10).map((user) => row('', describeUser(user))),
    ...(users.length > 10 ? [row('', `… and ${users.length - 10} more`)] : []),
    ...(running.controlToken
      ? [
          row('dashboard', `${running.url}/__emulator/ui?token=${running.controlToken} (open this link once; it sets a cookie)`),
          row('control plane', `${running.url}/__emulator (send "Authorization: Bearer ${running.controlToken}")`),
          row('control token', running.controlToken),
        ]
      : [row('dashboard', `${running.url}/__emulator/ui (open it in a browser)`), row('control plane', `${running.url}/__emulator`)]),
    row('JWKS', `${running.url}/oidc/.well-known/jwks.json`),
    row('WeChat codes', `mint at POST ${running.url}/__emulator/wechat/login-codes, or send "mock:<openid>"`),
    row('WeChat dev identity', devIdentity),
    row('Douyin codes', `mint at POST ${running.url}/__emulator/douyin/login-codes, or send "mock:<openid>"`),
    row(
      'Douyin dev identity',
      options.douyinDevIdentity
        ? `on: unknown codes log in as openid ${options.douyinDevIdentity}`
        : 'off (--douyin-dev-identity <openid>)',
    ),
    row('data file', options.data ? `${options.data} (saved on exit)` : 'none (state is in memory only)'),
    '',
    '  WeChat DevTools: set the SDK host to the URL above and tick "不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书"',
    '  (Details → Local Settings → "Does not verify valid domain names…"). Real devices need HTTPS and a whitelisted domain.',
    '',
  ]
}

/** Runs the command: prints help, or starts the emulator and prints the banner. Returns the emulator, if started. */
export async function runCommand(argv: string[], io: CliIo): Promise<RunningEmulator | undefined> {
  const { help, options } = parseCommand(argv, io)
  if (help) {
    io.print(USAGE)
    return undefined
  }
  const running = await startEmulator(options)
  for (const line of await banner(running, options)) io.print(line)
  return running
}
