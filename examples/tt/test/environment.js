// jest's jsdom environment (miniprogram-simulate renders pages into jsdom), plus what the emulator started inside
// the same test file needs and jsdom leaves out — as jest's node environment arranges it:
// - Node's fetch, TextEncoder/TextDecoder, setImmediate and structuredClone;
// - Node's ArrayBuffer and Uint8Array, so that bytes from TextEncoder or Buffer pass `instanceof Uint8Array`;
// - the packages' Node builds rather than their browser builds (jsdom asks for the "browser" export condition).
// A test file selects it with `@jest-environment ./examples/tt/test/environment.js` (a path from jest's rootDir).
const { TestEnvironment } = require('jest-environment-jsdom')

module.exports = class JsdomWithNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    this.customExportConditions = ['node', 'node-addons']
    Object.assign(this.global, {
      fetch,
      Headers,
      Request,
      Response,
      FormData,
      Blob,
      AbortController,
      AbortSignal,
      TextEncoder,
      TextDecoder,
      setImmediate,
      clearImmediate,
      structuredClone,
      ArrayBuffer,
      Uint8Array,
    })
  }
}
