/**
 * @packageDocumentation
 * The platform-neutral Authing client for mini programs. Apps import `Authing` from a platform package
 * (`@authing/miniapp-wx`, `-tt`, `-taro`, `-uniapp`), which re-exports everything here.
 *
 * Guide: [README](https://github.com/authing/miniapp-sdk/tree/main/packages/core#readme).
 *
 * @module \@authing/miniapp-core
 */
export { Authing } from './authing'
export { createMiniProgramAdapter, createWebAdapter, type MiniProgramApi, type WebCrypto } from './mini-program'
export { VERSION } from './version'
export type { Adapter, AdapterStorage, HttpRequest, HttpResponse, Platform, UploadRequest } from './adapter'
export { ERROR_MESSAGES, type AuthingError, type AuthingErrorCode, type AuthingError as ErrorData } from './errors'
export type * from './types'
