// Runs a framework's CLI and records what the build cost: its time, and the size of the SDK's code in the output.
import { execFile } from 'node:child_process'
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from './app'

/** Where each build's figures are appended, one JSON line per target. */
export const REPORT = join(ROOT, '.ci/out/builds.jsonl')

/** Runs `node <script> ...args` in `cwd` (a CLI of the app's own toolchain); rejects with its output on failure. */
export function runCli(cwd: string, script: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return runNode(cwd, join(cwd, 'node_modules', script), args, env)
}

/**
 * Runs `node <script> ...args` in `cwd`; resolves with the time it took, rejects with its output on failure.
 * The environment is the developer's, without what jest adds (`NODE_ENV=test` would make the CLIs build for development).
 */
export function runNode(cwd: string, script: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const shell = { ...process.env }
  delete shell.NODE_ENV
  delete shell.JEST_WORKER_ID
  const started = Date.now()
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd, env: { ...shell, ...env, FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${script} ${args.join(' ')} failed:\n${stdout}\n${stderr}`))
        else resolve(Date.now() - started)
      },
    )
  })
}

/** Every file under `dir`, recursively. */
export function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesOf(path) : [path]
  })
}

/** A text the SDK's core always contains (a header name it sends): finds the output file that carries the SDK. */
const SDK_MARKER = 'x-authing-sdk-version'

/** Records a target's build time and the size (bytes, and gzip) of the output file that holds the SDK. */
export function report(target: string, output: string, buildMs: number): void {
  const scripts = filesOf(output).filter((file) => file.endsWith('.js'))
  const carrier = scripts.find((file) => readFileSync(file, 'utf8').includes(SDK_MARKER))
  if (!carrier) throw new Error(`no script of ${output} contains "${SDK_MARKER}": the build left the SDK out`)
  const bytes = readFileSync(carrier)
  const line = {
    target,
    buildSeconds: Math.round(buildMs / 100) / 10,
    sdkFile: relative(output, carrier),
    sdkFileBytes: bytes.length,
    sdkFileGzipBytes: gzipSync(bytes).length,
  }
  mkdirSync(join(ROOT, '.ci/out'), { recursive: true })
  appendFileSync(REPORT, JSON.stringify(line) + '\n')
}
