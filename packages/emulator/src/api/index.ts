// Authing's API as the SDK calls it: V3 JSON routes with the `{ statusCode, message, data }` envelope, the OAuth /
// OIDC routes (form bodies, `{ error, error_description }`), and the V2 upload (multipart).
import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import type { Emulator } from '../emulator'
import { typed } from '../schema'
import { accountRoutes } from './account'
import { oidcRoutes } from './oidc'
import { profileRoutes } from './profile'
import { sendCodeRoutes } from './send-code'
import { signinRoutes } from './signin'
import { systemRoutes } from './system'
import { uploadRoutes, UPLOAD_LIMIT } from './upload'
import { wechatRoutes } from './wechat'
import { douyinRoutes } from './douyin'

export function apiRoutes(app: FastifyInstance, emu: Emulator): void {
  app.register(async (scope) => {
    const v3 = typed(scope)
    systemRoutes(v3, emu)
    signinRoutes(v3, emu)
    sendCodeRoutes(v3, emu)
    profileRoutes(v3, emu)
    accountRoutes(v3, emu)
    wechatRoutes(v3, emu)
    douyinRoutes(v3, emu)
  })
  app.register(async (oidc) => {
    await oidc.register(formbody)
    oidcRoutes(typed(oidc), emu)
  })
  app.register(async (upload) => {
    await upload.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, parts: 20 } })
    uploadRoutes(typed(upload), emu)
  })
}
