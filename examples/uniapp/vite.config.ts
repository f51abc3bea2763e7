import { defineConfig } from 'vite'
import uni from '@dcloudio/vite-plugin-uni'

// https://uniapp.dcloud.net.cn/collocation/vite-config.html
export default defineConfig({
  plugins: [uni()],
  // The Authing host can be given when building (AUTHING_HOST=https://… uni build); src/config.ts falls back to the
  // local emulator. Always defined: a mini program has no `process` to read at run time.
  define: { 'process.env.AUTHING_HOST': JSON.stringify(process.env.AUTHING_HOST ?? '') },
})
