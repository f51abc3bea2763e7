// Type-checks a snippet in a program of its own, so that platform typings which cannot share one program
// (miniprogram-api-typings and @dcloudio/types both declare mini program globals) are each checked alone.
import { join } from 'node:path'
import ts from 'typescript'

const root = join(__dirname, '../../..')

/**
 * The type errors of `source`, compiled as if it were the file `path` (so its `/// <reference types>` and imports
 * resolve from there) with the repository's base compiler options.
 */
export function typeErrors(path: string, source: string): string[] {
  const base = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.base.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      },
    },
  )!
  const options: ts.CompilerOptions = { ...base.options, types: [], noEmit: true }
  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile
  host.getSourceFile = (name, language, ...rest) =>
    name == path ? ts.createSourceFile(name, source, language) : getSourceFile.call(host, name, language, ...rest)
  const fileExists = host.fileExists
  host.fileExists = (name) => name == path || fileExists.call(host, name)
  const program = ts.createProgram([path], options, host)
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start || 0).line + 1}: `
      : ''
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
  })
}

/** The functions of the SDK's structural platform type (`MiniProgramApi` of @authing/miniapp-core). */
const MEMBERS = [
  'request',
  'getStorage',
  'setStorage',
  'removeStorage',
  'login',
  'uploadFile',
  'chooseMedia',
  'chooseImage',
  'getRandomValues',
  'onAppShow',
  'offAppShow',
]

/**
 * Checks each function of a platform global from real typings against the SDK's `MiniProgramApi`, and returns the
 * error of each one that does not fit, by name.
 * @param path - where the check pretends to live (typings resolve from there)
 * @param typings - the package of `/// <reference types>`
 * @param global - `wx` or `uni`
 */
export function misfits(path: string, typings: string, global: string): Record<string, string> {
  const lines = MEMBERS.map((name) => `export const ${name}: MiniProgramApi['${name}'] = ${global}.${name}`)
  const source = [`/// <reference types="${typings}" />`, `import type { MiniProgramApi } from '@authing/miniapp-core'`, ...lines].join(
    '\n',
  )
  const found: Record<string, string> = {}
  for (const error of typeErrors(path, source)) {
    const line = Number(/^[^:]+:(\d+): /.exec(error)?.[1])
    const name = MEMBERS[line - 3]
    if (!name) throw new Error(error)
    found[name] = error
  }
  return found
}
