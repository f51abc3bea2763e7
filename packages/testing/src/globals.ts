// Installing simulated runtimes where mini program code looks for them: the globals `wx`, `tt` and `uni`, and the
// @tarojs/taro module. Each install returns the function that puts back what was there before.
import { taroModule, type SimulatedTaro, type SimulatedTaroTt } from './taro'
import type { SimulatedTt } from './tt'
import type { SimulatedUni, VueVersion } from './uni'
import { controlsOf, type BaseControls, type SimulatedWx } from './wx'

/** Puts back what an install replaced. */
export type Uninstall = () => void

function setGlobal(name: 'wx' | 'tt' | 'uni', value: unknown): Uninstall {
  const scope = globalThis as Record<string, unknown>
  const had = Object.prototype.hasOwnProperty.call(scope, name)
  const previous = scope[name]
  scope[name] = value
  return () => {
    if (had) scope[name] = previous
    else delete scope[name]
  }
}

/**
 * Makes a simulated wx the global `wx`, as in a WeChat mini program.
 * @example
 * const uninstall = installWx(createWx({ emulator: emulator.url }))
 * const authing = new Authing({ appId, userPoolId, host: emulator.url })
 * afterAll(uninstall)
 */
export function installWx(wx: SimulatedWx): Uninstall {
  return setGlobal('wx', wx)
}

/**
 * Makes a simulated tt the global `tt`, as in a Douyin mini program.
 * @example
 * const uninstall = installTt(createTt({ emulator: emulator.url }))
 */
export function installTt(tt: SimulatedTt): Uninstall {
  return setGlobal('tt', tt)
}

/** Makes a simulated uni the global `uni`, as in a uni-app project. */
export function installUni<V extends VueVersion>(uni: SimulatedUni<V>): Uninstall {
  return setGlobal('uni', uni)
}

/** Replaces every own property of an object. */
function replace(target: object, descriptors: PropertyDescriptorMap): void {
  for (const key of Reflect.ownKeys(target)) delete (target as Record<PropertyKey, unknown>)[key]
  Object.defineProperties(target, descriptors)
}

/** Sets `process.env[name]` (what a Taro build compiles in); returns the function that puts back the old value. */
function setEnv(name: string, value: string): Uninstall {
  const previous = process.env[name]
  process.env[name] = value
  return () => {
    if (previous === undefined) delete process.env[name]
    else process.env[name] = previous
  }
}

/**
 * Makes a simulated Taro the API that `import Taro from '@tarojs/taro'` returns (the module object gets its APIs),
 * and its runtime the global `wx` (or `tt`, with `TARO_ENV` set to `tt`), as in a Taro app built for WeChat (or
 * Douyin).
 */
export function installTaro(taro: SimulatedTaro | SimulatedTaroTt): Uninstall {
  const target = taroModule()
  const before = Object.getOwnPropertyDescriptors(target)
  const apis = Object.getOwnPropertyDescriptors(taro) as PropertyDescriptorMap
  for (const key of Object.keys(controlsOf<BaseControls>(taro)).concat('wx', 'tt')) delete apis[key]
  replace(target, apis)
  const undo = 'tt' in taro ? [setGlobal('tt', taro.tt), setEnv('TARO_ENV', 'tt')] : [setGlobal('wx', taro.wx), setEnv('TARO_ENV', 'weapp')]
  return () => {
    for (const step of undo) step()
    replace(target, before)
  }
}
