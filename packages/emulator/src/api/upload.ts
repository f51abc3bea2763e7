// POST /api/v2/upload?folder=… (multipart field `file`, anonymous) and GET /uploads/<key> serving the stored file.
import { extname } from 'node:path'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import type { Emulator } from '../emulator'
import { ApiError } from '../errors'
import { objectId } from '../ids'
import { obj, str, type TypedServer } from '../schema'

/** Largest accepted upload. */
export const UPLOAD_LIMIT = 10 * 1024 * 1024

const FOLDER = /^[A-Za-z0-9_-]{1,64}$/

/** The `file` part and its bytes. Parser errors without a status (a broken multipart body) become 400. */
async function readFilePart(request: FastifyRequest): Promise<{ part: MultipartFile; data: Buffer }> {
  try {
    const part = await request.file()
    if (!part || part.fieldname !== 'file') throw new ApiError(400, 'file should not be empty (send the file in a part named "file")')
    return { part, data: await part.toBuffer() }
  } catch (error) {
    if (error instanceof ApiError || (error as { statusCode?: number }).statusCode) throw error
    throw new ApiError(400, `Malformed multipart body: ${(error as Error).message}`)
  }
}

export function uploadRoutes(app: TypedServer, emu: Emulator): void {
  const querySchema = obj({ folder: str(), private: str() })
  app.post('/api/v2/upload', { schema: { querystring: querySchema } }, async (request) => {
    const folder = request.query.folder ?? 'default'
    if (!FOLDER.test(folder)) throw new ApiError(400, 'folder may only contain letters, digits, "_" and "-"')
    if (!request.isMultipart()) throw new ApiError(415, 'Upload expects a multipart/form-data body with a "file" part')
    const { part, data } = await readFilePart(request)
    const now = emu.clock.now()
    const extension = extname(part.filename)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 10)
    const key = `${folder}/${objectId(now)}${extension}`
    emu.state.uploads.set(key, { key, filename: part.filename, contentType: part.mimetype, size: data.length, createdAt: now, data })
    emu.requestLog.setRequestBody(request, `(multipart: file "${part.filename}", ${part.mimetype}, ${data.length} bytes)`)
    // Built from the request's Host so the client can fetch it back through the same address.
    const origin = request.host ? `${request.protocol}://${request.host}` : emu.url
    return { code: 200, message: 'success', data: { key, url: `${origin}/uploads/${key}` } }
  })

  app.get<{ Params: { '*': string } }>('/uploads/*', async (request, reply) => {
    const file = emu.state.uploads.get(request.params['*'])
    if (!file) throw new ApiError(404, `No uploaded file at /uploads/${request.params['*']}`)
    return reply.type(file.contentType).header('cache-control', 'no-cache').send(file.data)
  })
}
