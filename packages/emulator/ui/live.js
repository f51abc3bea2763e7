// The live feed: one EventSource on /__emulator/events. Completed requests (already masked by the emulator) go to the
// log; every request or control-plane change asks the page to reload what it shows. EventSource reconnects by itself.

/** Request-log entries, oldest first, at most LIMIT. */
export const log = []
const LIMIT = 1000

/**
 * @param {{ onChange(): void, onStatus(connected: boolean): void, onRestart(): void }} handlers
 */
export function connect(handlers) {
  const source = new EventSource('/__emulator/events')
  let instance = null

  source.addEventListener('open', () => handlers.onStatus(true))
  source.addEventListener('error', () => handlers.onStatus(false))
  source.addEventListener('hello', (event) => {
    const hello = JSON.parse(event.data)
    if (instance && instance !== hello.instance) {
      log.length = 0 // a restarted emulator: its log starts over
      handlers.onRestart()
    }
    instance = hello.instance
    handlers.onChange()
  })
  source.addEventListener('request', (event) => {
    const entry = JSON.parse(event.data)
    if (log.length > 0 && entry.id <= log[log.length - 1].id) return // replayed after a reconnect
    log.push(entry)
    if (log.length > LIMIT) log.splice(0, log.length - LIMIT)
    handlers.onChange()
  })
  source.addEventListener('change', (event) => {
    const { method, path } = JSON.parse(event.data)
    if (method === 'DELETE' && path === '/__emulator/requests') log.length = 0 // the log was cleared elsewhere
    handlers.onChange()
  })
}
