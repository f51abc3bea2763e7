// A tiny local HTTP server for the runtime's tests: echoes requests, answers any status, drops or stalls connections.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What /echo answers: the request as the server saw it. */
export interface Echo {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

const read = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
  })

/** Starts the server on a free port; `close()` stops it. */
export async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const path = (request.url || '').split('?')[0] as string
    const body = await read(request)
    const status = /^\/status\/(\d+)$/.exec(path)
    if (path == '/echo') {
      const echo: Echo = { method: request.method || '', url: request.url || '', headers: request.headers, body: body.toString('latin1') }
      response.writeHead(200, { 'Content-Type': 'application/json', 'X-Custom': 'Yes', 'Set-Cookie': ['a=1', 'b=2'] })
      response.end(JSON.stringify(echo))
    } else if (status) {
      response.writeHead(Number(status[1]), { 'content-type': 'application/json' })
      response.end(JSON.stringify({ status: Number(status[1]) }))
    } else if (path == '/text') {
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.end('{not json')
    } else if (path == '/json-as-text') {
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.end('{"a":1}')
    } else if (path == '/bytes') {
      response.end(Buffer.from([0, 1, 2, 255]))
    } else if (path == '/drop') {
      request.socket.destroy()
    } else if (path == '/half') {
      // Promises 100 bytes, sends 5, then drops the connection.
      response.writeHead(200, { 'content-length': '100' })
      response.write('hello')
      setTimeout(() => request.socket.destroy(), 5)
    } else if (path == '/stall') {
      // never answers: only the client's time limit or abort ends the request
    } else {
      response.writeHead(404)
      response.end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}
