// The README's commands as a user runs them: `pnpm emulator` stops with its pnpm process, and `pnpm demo --host`
// passes on every run against one long-running emulator, leaving it as it was. They run the built packages
// (`pnpm test` builds first); a bare jest run on an unbuilt tree skips them, CI never does.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator } from '@authing/miniapp-emulator'

const root = join(__dirname, '..', '..')
const built = existsSync(join(root, 'packages/emulator/dist/cli.js')) && existsSync(join(root, 'packages/testing/dist/index.js'))
const builtTest = built || process.env.CI ? test : test.skip

/** Runs a command to its end; resolves with its exit code and output. */
function run(command: string, args: string[]) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  )
}

builtTest(
  'killing `pnpm emulator` (the pid of the command) stops the server',
  async () => {
    const pnpm = spawn('pnpm', ['emulator', '--port', '0', '--quiet'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    const url = await new Promise<string>((resolve, reject) => {
      pnpm.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output)
        if (match) resolve(match[1])
      })
      pnpm.on('exit', () => reject(new Error(`pnpm emulator ended before listening: ${output}`)))
    })
    expect((await fetch(`${url}/api/v3/system`)).status).toBe(200)

    // The output pipe closes once every process holding it — pnpm, its shell and the server — has exited.
    const closed = new Promise((resolve) => pnpm.stdout.on('close', resolve))
    pnpm.kill('SIGTERM')
    await closed
    expect(output).toContain('SIGTERM: stopping the emulator')
    await expect(fetch(`${url}/api/v3/system`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } })
  },
  60000,
)

builtTest(
  '`pnpm demo --host` passes twice in a row against one emulator and leaves it as it was',
  async () => {
    const emulator = await startEmulator({ port: 0, logger: false })
    try {
      const { exportedAt: _at, ...before } = await emulator.client.exportState()
      for (const round of [1, 2]) {
        const demo = await run(process.execPath, ['scripts/demo.mjs', '--host', emulator.url])
        expect({ round, code: demo.code, stderr: demo.stderr }).toEqual({ round, code: 0, stderr: '' })
        expect(demo.stdout).toContain('10/10 steps as expected')
        expect(demo.stdout).toContain(`The emulator at ${emulator.url} is back as it was before the demo`)
      }
      const { exportedAt: _after, ...after } = await emulator.client.exportState()
      expect(after).toEqual(before)
    } finally {
      await emulator.close()
    }
  },
  60000,
)

builtTest(
  '`pnpm demo --platform tt` walks the whole session on Douyin',
  async () => {
    const demo = await run(process.execPath, ['scripts/demo.mjs', '--platform', 'tt'])
    expect({ code: demo.code, stderr: demo.stderr }).toEqual({ code: 0, stderr: '' })
    expect(demo.stdout).toContain('loginByCode (Douyin)')
    expect(demo.stdout).toContain('10/10 steps as expected')
  },
  60000,
)

builtTest('`pnpm demo` explains a bad option without a stack trace', async () => {
  const demo = await run(process.execPath, ['scripts/demo.mjs', '--platform', 'foo'])
  expect(demo.code).toBe(2)
  expect(demo.stderr).toBe(
    '--platform must be one of wx, tt, taro, uniapp, got "foo"\nusage: pnpm demo [--platform wx|tt|taro|uniapp] [--host http://127.0.0.1:3000]\n',
  )

  const stopped = await startEmulator({ port: 0, logger: false })
  await stopped.close() // a port where nothing answers any more
  const refused = await run(process.execPath, ['scripts/demo.mjs', '--host', stopped.url])
  expect(refused.code).toBe(1)
  expect(refused.stderr).toBe(
    `Cannot use the emulator at ${stopped.url}: GET /state: nothing answers at ${stopped.url} (connection refused); ` +
      'is the emulator running? Start it with `pnpm emulator` in another terminal, or run `pnpm demo` without --host.\n',
  )
})
