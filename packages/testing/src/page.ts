// A host for a mini program's own pages and components in Node: it captures what a module passes to `Page({...})` or
// `Component({...})`, and opens instances of it with their data, `setData`, lifecycle and event handlers called the
// way WeChat calls them. It runs the page's logic, not its WXML: tests tap handlers by name, not buttons by selector
// (for rendering, use miniprogram-simulate as examples/wx/test does).

/** Plain data of a page or component, as `this.data` holds it. */
export type PageData = Record<string, unknown>

/** A dataset as `data-*` attributes give it (`data-field="phone"` → `{ field: 'phone' }`). */
export type Dataset = Record<string, unknown>

/** An element as an event names it. */
export interface EventElement {
  /** The element's `id` attribute. */
  id: string
  /** The element's `data-*` attributes. */
  dataset: Dataset
}

/** An event a component sent with `triggerEvent`. */
export interface SentEvent {
  /** The event's name, e.g. `login` for `bindlogin`. */
  name: string
  /** The detail it was sent with. */
  detail: unknown
}

/** The event object WeChat passes to a handler bound in WXML (`bindtap="onLogin"`). */
export interface PageEvent<Detail = Record<string, unknown>> {
  /** `tap`, `input`, `getphonenumber`, `change`… */
  type: string
  /** When the event happened (epoch milliseconds). */
  timeStamp: number
  /** The element the handler is bound to, with its `data-*` attributes. */
  currentTarget: EventElement
  /** The element that was touched (the same element here). */
  target: EventElement
  /** What the event carries: `{ value }` for input, `{ code }` for getphonenumber, a tap's position… */
  detail: Detail
  /** `mark:` attributes of the element and its ancestors. */
  mark: Dataset
}

/** Where an event comes from, and what it carries. */
export interface EventOptions<Detail = Record<string, unknown>> {
  /** The element's `data-*` attributes. */
  dataset?: Dataset
  /** The element's id. */
  id?: string
  /** `event.detail` (a tap's default is `{ x: 0, y: 0 }`). */
  detail?: Detail
  /** `event.mark`. */
  mark?: Dataset
}

/** What `this` is in a page's or component's functions. */
export interface PageInstance<D extends object = PageData> {
  /** The current data (replaced by a copy on every `setData`, as on WeChat: do not write to it directly). */
  data: D
  /** Updates `data` by keys or paths (`'form.phone'`, `'list[0].name'`), then calls `callback`. */
  setData(patch: Record<string, unknown>, callback?: () => void): void
  /** The page's query (`onLoad`'s argument). */
  options: Record<string, string>
  /** A component's `triggerEvent`: recorded in {@link PageHost.events}. */
  triggerEvent(name: string, detail?: unknown, options?: object): void
  [name: string]: unknown
}

/** One opened page or component. */
export interface PageHost<D extends object = PageData> {
  /** `this` of the page's functions. */
  readonly instance: PageInstance<D>
  /** The current data. */
  readonly data: D
  /** The events a component sent with `triggerEvent`, oldest first. */
  readonly events: SentEvent[]
  /** Calls handler `name` as a tap on an element bound with `bindtap="name"` does, and waits for its promise. */
  tap(name: string, options?: EventOptions): Promise<unknown>
  /** Calls handler `name` as an input event does (`bindinput`), with `detail.value` = `value`. */
  input(name: string, value: string, options?: Omit<EventOptions, 'detail'>): Promise<unknown>
  /** Calls handler `name` with an event of any type, e.g. `trigger('onGetPhone', 'getphonenumber', { detail: { code } })`. */
  trigger(name: string, type: string, options?: EventOptions): Promise<unknown>
  /** Resolves once `data` satisfies `check` (at once, or at the `setData` that makes it so). */
  waitForData(check: (data: D) => boolean): Promise<D>
  /** The page goes to the background: `onHide` / `pageLifetimes.hide`. */
  hide(): Promise<void>
  /** The page comes back: `onShow` / `pageLifetimes.show`. */
  show(): Promise<void>
  /** The page is closed: `onUnload` / `detached`. */
  close(): Promise<void>
}

/** A page or component definition captured by {@link loadPage}; open as many fresh instances of it as tests need. */
export interface PageDefinition<D extends object = PageData> {
  /** `'Page'` or `'Component'`: what the module called. */
  readonly kind: 'Page' | 'Component'
  /** The options object the module passed. */
  readonly options: Record<string, unknown>
  /**
   * Creates an instance with a fresh copy of the initial data and runs its start-up lifecycle as WeChat does
   * (Page: onLoad(query), onShow, onReady; Component: created, attached, then as a page onLoad and show, ready).
   * Resolves when every promise those functions returned has settled (rejects with the first error).
   */
  open(query?: Record<string, string>): Promise<PageHost<D>>
}

type Fn = (this: PageInstance<object>, ...args: unknown[]) => unknown
type Options = Record<string, unknown>

const isFunction = (value: unknown): value is Fn => typeof value == 'function'

/** A deep copy as WeChat's data channel makes it (JSON: functions and `undefined` vanish, as `undefined`). */
function copy<T>(value: T): T {
  const text = JSON.stringify(value) as string | undefined
  return text === undefined ? (undefined as T) : (JSON.parse(text) as T)
}

/** Splits `'a.b[2].c'` into `['a', 'b', 2, 'c']`. */
function pathOf(key: string): (string | number)[] {
  const parts: (string | number)[] = []
  for (const segment of key.split('.')) {
    const [name, ...indexes] = segment.split('[')
    if (name) parts.push(name)
    for (const index of indexes) parts.push(Number(index.replace(']', '')))
  }
  return parts
}

/** Sets `value` at `path` inside `target`, creating objects and arrays on the way. */
function setPath(target: Record<string | number, unknown>, path: (string | number)[], value: unknown): void {
  let node = target
  path.slice(0, -1).forEach((part, i) => {
    if (typeof node[part] != 'object' || node[part] === null) node[part] = typeof path[i + 1] == 'number' ? [] : {}
    node = node[part] as Record<string | number, unknown>
  })
  node[path[path.length - 1]] = value
}

/** The default data of a component's `properties` (`{ title: String }` or `{ title: { type, value } }`). */
function propertyDefaults(properties: unknown): PageData {
  const defaults: PageData = {}
  const EMPTY = new Map<unknown, unknown>([
    [String, ''],
    [Number, 0],
    [Boolean, false],
    [Object, null],
    [Array, []],
  ])
  for (const [name, spec] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    const declared = spec as { type?: unknown; value?: unknown }
    defaults[name] = isFunction(spec) || spec === null ? EMPTY.get(spec) : 'value' in declared ? declared.value : EMPTY.get(declared.type)
  }
  return defaults
}

/** The hooks of each moment of a definition's life, in the order WeChat calls them. */
function hooksOf(kind: 'Page' | 'Component', options: Options) {
  const methods = (kind == 'Page' ? options : (options.methods ?? {})) as Options
  const lifetimes = (options.lifetimes ?? {}) as Options
  const pageLifetimes = (options.pageLifetimes ?? {}) as Options
  const own = (name: string) => lifetimes[name] ?? options[name] // `lifetimes` wins over the legacy top-level form
  if (kind == 'Page') {
    return {
      methods,
      start: [
        ['onLoad', methods.onLoad],
        ['onShow', methods.onShow],
        ['onReady', methods.onReady],
      ] as const,
      show: [methods.onShow],
      hide: [methods.onHide],
      close: [methods.onUnload],
    }
  }
  return {
    methods,
    start: [
      ['created', own('created')],
      ['attached', own('attached')],
      ['onLoad', methods.onLoad],
      ['show', pageLifetimes.show ?? methods.onShow],
      ['ready', own('ready')],
    ] as const,
    show: [pageLifetimes.show ?? methods.onShow],
    hide: [pageLifetimes.hide ?? methods.onHide],
    close: [methods.onUnload, own('detached')],
  }
}

function define<D extends object>(kind: 'Page' | 'Component', options: Options): PageDefinition<D> {
  const hooks = hooksOf(kind, options)
  return {
    kind,
    options,
    async open(query = {}) {
      const listeners = new Set<() => void>()
      const events: SentEvent[] = []
      const instance = {
        data: copy({ ...propertyDefaults(options.properties), ...((options.data ?? {}) as PageData) }) as D,
        options: { ...query },
        setData(patch: Record<string, unknown>, callback?: () => void) {
          const next = copy(instance.data) as Record<string | number, unknown>
          for (const [key, value] of Object.entries(patch)) {
            const copied = copy(value)
            if (copied === undefined) continue // WeChat refuses undefined (and functions): the field keeps its value
            setPath(next, pathOf(key), copied)
          }
          instance.data = next as D
          if (kind == 'Component') instance.properties = instance.data
          for (const listener of [...listeners]) listener()
          callback?.call(instance)
        },
        triggerEvent(name: string, detail?: unknown) {
          events.push({ name, detail })
        },
      } as PageInstance<D>
      if (kind == 'Component') instance.properties = instance.data
      for (const [name, value] of Object.entries(hooks.methods)) if (isFunction(value)) instance[name] = value.bind(instance)

      /** Calls functions in order (as WeChat does, without waiting between them), then waits for all they started. */
      const run = async (fns: readonly unknown[]) => {
        await Promise.all(fns.filter(isFunction).map((fn) => fn.call(instance)))
      }
      const call = (name: string, type: string, { dataset = {}, id = '', detail, mark = {} }: EventOptions = {}) => {
        const handler = instance[name]
        if (!isFunction(handler)) {
          const known = Object.keys(hooks.methods).filter((key) => isFunction(hooks.methods[key]))
          return Promise.reject(new TypeError(`The ${kind} has no handler "${name}" (it has: ${known.join(', ')})`))
        }
        const element = { id, dataset: { ...dataset } }
        const event: PageEvent = {
          type,
          timeStamp: Date.now(),
          currentTarget: element,
          target: element,
          detail: detail ?? (type == 'tap' ? { x: 0, y: 0 } : {}),
          mark: { ...mark },
        }
        return Promise.resolve(handler.call(instance, event))
      }

      // onLoad gets the query; WeChat calls the start-up hooks one after the other without waiting for their promises.
      const started = hooks.start.map(([name, fn]) =>
        isFunction(fn) ? fn.call(instance, name == 'onLoad' ? query : undefined) : undefined,
      )
      await Promise.all(started)
      const host: PageHost<D> = {
        instance,
        get data() {
          return instance.data
        },
        events,
        tap: (name, eventOptions) => call(name, 'tap', eventOptions),
        input: (name, value, eventOptions) => call(name, 'input', { ...eventOptions, detail: { value, cursor: value.length, keyCode: 0 } }),
        trigger: (name, type, eventOptions) => call(name, type, eventOptions),
        waitForData: (check) =>
          new Promise((resolve) => {
            const listener = () => {
              if (!check(instance.data)) return
              listeners.delete(listener)
              resolve(instance.data)
            }
            listeners.add(listener)
            listener()
          }),
        hide: () => run(hooks.hide),
        show: () => run(hooks.show),
        close: () => run(hooks.close),
      }
      return host
    },
  }
}

/**
 * Loads a page or component module and captures the definition it registers with `Page({...})` or
 * `Component({...})` (the two globals are provided while `load` runs, then put back).
 *
 * Load the module after installing the simulated `wx` (and after pointing the app's config at the emulator): the
 * module's top-level code, e.g. `new Authing(...)`, runs now. A module already loaded registers nothing; the error
 * says so (in jest, each test file has its own modules: load it once per file, open it in each test).
 * @param load - loads the module, e.g. `() => require('../pages/login/login')`
 * @example
 * const LoginPage = loadPage(() => require('../pages/login/login'))
 * const page = await LoginPage.open()
 * await page.tap('onLogin')
 * expect(page.data.status).toBe('loggedIn')
 */
export function loadPage<D extends object = PageData>(load: () => unknown): PageDefinition<D> {
  const scope = globalThis as Record<string, unknown>
  const saved = { Page: Object.getOwnPropertyDescriptor(scope, 'Page'), Component: Object.getOwnPropertyDescriptor(scope, 'Component') }
  const registered: PageDefinition<D>[] = []
  scope.Page = (options: Options) => void registered.push(define<D>('Page', options))
  scope.Component = (options: Options) => void registered.push(define<D>('Component', options))
  try {
    load()
  } finally {
    for (const name of ['Page', 'Component'] as const) {
      const before = saved[name]
      if (before) Object.defineProperty(scope, name, before)
      else delete scope[name]
    }
  }
  if (registered.length != 1) {
    throw new Error(
      registered.length == 0
        ? 'loadPage: the module called neither Page({...}) nor Component({...}); was it loaded before (cached)?'
        : `loadPage: the module registered ${registered.length} pages or components; load one at a time`,
    )
  }
  return registered[0]
}
