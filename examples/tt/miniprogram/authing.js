import { Authing } from '@authing/miniapp-tt'

// 以下两种密码加密方式可以按需使用，选其一即可
// (an app installs one of the two; this example shows both)

// rsa 加密
import { encryptFunction as rsaEncrypt } from '@authing/miniapp-jsencrypt'

// sm2 加密
import { encryptFunction as sm2Encrypt } from '@authing/miniapp-sm2encrypt'

import config from './config'

/**
 * Picks the plugin from the key the SDK fetched for `passwordEncryptType`: SM2 keys are hex (`04…`), RSA keys PEM.
 * With a single plugin, pass its `encryptFunction` directly.
 * @type {import('@authing/miniapp-tt').EncryptFunction}
 */
function encryptFunction(plainText, publicKey, options) {
  const encrypt = /^0[234][0-9a-f]+$/i.test(publicKey) ? sm2Encrypt : rsaEncrypt
  return encrypt(plainText, publicKey, options)
}

// One client for the whole mini program: it keeps the login state (in storage and in memory) and renews it.
export const authing = new Authing({
  appId: config.appId,

  // 公有云部署：Authing 控制台 -> 选择已创建的小程序应用 -> 应用配置 -> 认证配置 -> 认证地址
  // 私有化部署：填写你的私有服务地址
  host: config.host,

  // 用户池 ID
  userPoolId: config.userPoolId,

  // 非必传，密码默认将以明文传输
  encryptFunction,
})
