// The authing-emulator command: options, banner, data and seed files; and the built bin when it exists.
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCommand, runCommand, USAGE } from '../src/command'
import { DEMO, DEMO_USER } from './helpers'

const io = () => {
  const lines: string[] = []
  return { lines, print: (line: string) => lines.push(line) }
}

test('starts and prints the banner the SDK user needs', async () => {
  const out = io()
  const running = await runCommand(['--port', '0', '--quiet'], out)
  try {
    const banner = out.lines.join('\n')
    expect(banner).toContain(`Authing emulator listening on ${running?.url}`)
    for (const text of [
      DEMO.appId,
      DEMO.userPoolId,
      DEMO.extIdpConnidentifier,
      DEMO_USER.email,
      DEMO_USER.password,
      `${running?.url}/__emulator`,
      `${running?.url}/__emulator/ui`,
      '不校验合法域名',
    ]) {
      expect(banner).toContain(text)
    }
    const response = await fetch(`${running?.url}/api/v3/system`)
    expect(response.status).toBe(200)
    expect(out.lines.some((line) => line.startsWith('GET /api/v3/system'))).toBe(false)
  } finally {
    await running?.close()
  }
})

test('prints one line per request unless --quiet', async () => {
  const out = io()
  const running = await runCommand(['--port', '0', '--wechat-dev-identity', 'o-dev'], out)
  try {
    expect(out.lines.join('\n')).toContain('on: unknown codes log in as openid o-dev')
    await fetch(`${running?.url}/api/v3/nope`, { method: 'POST' })
    expect(out.lines[out.lines.length - 1]).toMatch(/^POST \/api\/v3\/nope 404 \d+ms — 404 Route POST \/api\/v3\/nope does not exist$/)
  } finally {
    await running?.close()
  }
})

test('--data and --seed files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'))
  const seed = join(dir, 'seed.json')
  const data = join(dir, 'state.json')
  writeFileSync(seed, JSON.stringify({ users: [{ username: 'seeded', password: 'Seeded-1' }] }))
  const out = io()
  const running = await runCommand(['--port', '0', '--quiet', '--seed', seed, '--data', data], out)
  expect(out.lines.join('\n')).toMatch(/seeded, has a password/)
  expect(out.lines.join('\n')).toContain(`${data} (saved on exit)`)
  await running?.close()
  expect(JSON.parse(readFileSync(data, 'utf8')).users.map((user: { username: string }) => user.username)).toEqual(['demo', 'seeded'])
})

test('--help, and clear errors for bad options', async () => {
  const out = io()
  expect(await runCommand(['--help'], out)).toBeUndefined()
  expect(out.lines).toEqual([USAGE])
  expect(() => parseCommand(['--port', 'abc'], out)).toThrow('--port must be a number from 0 to 65535, got "abc"')
  expect(() => parseCommand(['--nope'], out)).toThrow(/Unknown option '--nope'/)
  expect(() => parseCommand(['--seed', '/no/such/file.json'], out)).toThrow(/Cannot read the seed file/)
  expect(parseCommand([], out).options).toMatchObject({ port: 3000, host: undefined })
  expect(parseCommand(['--', '--port', '4000'], out).options.port).toBe(4000)
})

// The command package.json declares: a committed file that loads the build.
const bin = join(
  __dirname,
  '..',
  (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['authing-emulator'],
)

test('the bin says how to build when the build is missing', () => {
  const copy = join(mkdtempSync(join(tmpdir(), 'emulator-bin-')), 'bin')
  mkdirSync(copy)
  copyFileSync(bin, join(copy, 'authing-emulator.js'))
  const run = spawnSync(process.execPath, [join(copy, 'authing-emulator.js'), '--help'], { encoding: 'utf8' })
  expect(run.status).toBe(1)
  expect(run.stderr).toContain('Run `pnpm build` first')
})

// The built bin (`pnpm test` builds first). Skipped in a bare `jest` run on an unbuilt tree, but never in CI, where a
// missing build means the build broke.
;(existsSync(join(__dirname, '..', 'dist', 'cli.js')) || process.env.CI ? test : test.skip)(
  'the built bin starts, logs requests and stops on SIGTERM',
  async () => {
    const child = spawn(process.execPath, [bin, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    /** Resolves with the first match of `pattern` in the output so far or to come. */
    const waitFor = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`never printed ${pattern}: ${output}`)), 10000)
        const check = () => {
          const match = pattern.exec(output)
          if (!match) return
          clearTimeout(timer)
          child.stdout.off('data', check)
          resolve(match)
        }
        child.stdout.on('data', check)
        check()
      })
    const [, url] = await waitFor(/listening on (http:\/\/[\d.]+:\d+)/)
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true)
    expect((await fetch(`${url}/api/v3/system`)).status).toBe(200)
    await waitFor(/GET \/api\/v3\/system 200 \d+ms/)
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
  },
)
