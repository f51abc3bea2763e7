// The build-time constants and mini program globals that @tarojs/taro expects from a Taro build for WeChat, for
// loading Taro outside one. createTaro loads this first; a jest project whose tests import @tarojs/taro needs it as
// a setup file (`setupFiles: ['@authing/miniapp-testing/taro-setup']`). The platform APIs come from createTaro.
const scope = globalThis

// Taro's defaults for its DOM feature switches (normally defined by the Taro build).
const constants = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: false,
  ENABLE_SIZE_APIS: false,
  ENABLE_TEMPLATE_CONTENT: false,
  ENABLE_CLONE_NODE: false,
  ENABLE_CONTAINS: false,
  ENABLE_MUTATION_OBSERVER: false,
}
for (const name of Object.keys(constants)) if (!(name in scope)) scope[name] = constants[name]

process.env.TARO_ENV = process.env.TARO_ENV || 'weapp'
process.env.TARO_PLATFORM = process.env.TARO_PLATFORM || 'mini'

// Globals of the mini program runtime that Taro reads.
scope.getCurrentPages = scope.getCurrentPages || (() => [])
scope.getApp = scope.getApp || (() => ({}))
scope.requirePlugin = scope.requirePlugin || (() => ({}))
