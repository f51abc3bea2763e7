// Where the example signs users in.
//
// By default: the local Authing emulator (`pnpm emulator` at the repository root) and its demo app, so the example
// runs with no Authing account. To use a real Authing app, replace the four values (see README.md):
//   appId                 Authing console -> Applications -> your mini program app -> App ID
//   userPoolId            Authing console -> Settings -> Basic settings -> User pool ID
//   host                  the app's authentication address, e.g. 'https://my-app.authing.cn' (or your private deployment)
//   extIdpConnidentifier  the unique identifier of the WeChat (or, built for Douyin, the Douyin) mini program identity source
const config = {
  appId: '6500000000000000000a0001',
  userPoolId: '6500000000000000000b0001',
  host: process.env.AUTHING_HOST || 'http://127.0.0.1:3000',
  extIdpConnidentifier: process.env.TARO_ENV === 'tt' ? 'douyin-miniprogram' : 'wechat-miniprogram',

  // Prefills the forms with the emulator's demo user; empty these for a real app.
  demo: {
    account: 'demo',
    password: 'Demo-Passw0rd!',
    phone: '13800000000',
  },
}

export default config
