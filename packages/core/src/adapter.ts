/**
 * The adapter contract: everything platform-specific that the core needs, as plain functions.
 * A platform package (wx, Taro, uni-app) builds one of these; the core never touches a platform global.
 */

/** An HTTP request as the core hands it to the adapter: URL, headers and body are final. */
export interface HttpRequest {
  /** Absolute URL, query string included. */
  url: string
  /** HTTP method: `GET` or `POST` (Authing's mini program API uses no others). */
  method: 'GET' | 'POST'
  /** Header names exactly as they should be sent. */
  headers: Record<string, string>
  /** The serialised body (JSON or form-urlencoded text), absent for GET. */
  body?: string
  /** Milliseconds after which the request must be abandoned. */
  timeout: number
}

/** An HTTP response of any status: 4xx and 5xx are responses, not failures. */
export interface HttpResponse {
  /** HTTP status code. */
  status: number
  /** The body: raw text, or an object when the platform parsed JSON itself. The core accepts both. */
  body: unknown
}

/** A multipart file upload (used for the avatar). */
export interface UploadRequest {
  /** Absolute URL, query string included. */
  url: string
  /** Local path of the file, as returned by {@link Adapter.chooseImage}. */
  filePath: string
  /** Multipart field name of the file part. */
  name: string
  /** Milliseconds after which the upload must be abandoned. */
  timeout: number
}

/** Asynchronous key/value storage that keeps objects (like `wx.setStorage`). */
export interface AdapterStorage {
  /** Resolves with the stored value, or `undefined`/`null` when the key does not exist. Rejects only when storage fails. */
  getItem(key: string): Promise<unknown>
  /** Stores a value (an object is stored as an object). */
  setItem(key: string, value: unknown): Promise<void>
  /** Removes a key; removing a missing key succeeds. */
  removeItem(key: string): Promise<void>
}

/** The mini program platform whose login protocol a client speaks: WeChat (`wx`) or Douyin (`tt`). */
export type Platform = 'wx' | 'tt'

/**
 * What a platform provides to the core. Every function returns a promise; none is called by the constructor.
 *
 * Failures: `request` and `uploadFile` resolve for every HTTP status and reject only on transport failure, with an
 * object whose `timeout` is `true` when the time limit was hit (so the core reports `timeout` rather than `network`;
 * `errMsg` or `message` says what happened). The other functions reject with the platform's error.
 */
export interface Adapter {
  /** Sends an HTTP request. */
  request(request: HttpRequest): Promise<HttpResponse>
  /** Persistent storage for the login state. */
  storage: AdapterStorage
  /**
   * Resolves with a fresh, never-used platform login code (`wx.login`). Absent where there is no WeChat login (a
   * Taro or uni-app web build): the WeChat methods (`loginByCode`, `loginByPhone`, `getLoginCode`, `bindWxByCode`,
   * `getPhone`) then fail with `platform` before sending anything.
   */
  login?(): Promise<string>
  /** Lets the user pick one image and resolves with its local file path. */
  chooseImage(): Promise<string>
  /** Uploads a local file as multipart/form-data; the response body is usually text. */
  uploadFile(request: UploadRequest): Promise<HttpResponse>
  /** Cryptographically secure random bytes, where the platform has them (`wx.getRandomValues`). */
  getRandomValues?(length: number): Promise<Uint8Array>
  /**
   * Subscribes to the app coming back to the foreground and returns an unsubscribe function, where the platform has
   * such an event. The core uses it to renew an expiring session in the background.
   */
  onAppShow?(listener: () => void): () => void
  /**
   * The platform whose protocol (login connections, payloads and endpoints) the client speaks, as the platform package
   * decides it (`options.platform` overrides it). Absent: `wx`.
   */
  platform?: Platform
}
