// A page of a built mini program, created the way WeChat creates one from `Page()` or `Component()` options:
// the instance the page's code sees as `this` (data, setData, its methods), and its lifecycle.

/** What a page's file registered: `Page(options)`, or `Component(options)` (uni-app and others build pages so). */
export interface Registration {
  kind: 'page' | 'component'
  options: Record<string, unknown>
}

type Method = (this: unknown, ...args: unknown[]) => unknown
type Instance = Record<string, unknown> & { data: Record<string, unknown> }

/** Data crosses to WeChat's view layer as JSON: what setData keeps is a JSON copy. */
const viewCopy = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))

/** Sets `data` at a setData path such as `root.cn.[0].v` or `list[2].name`. */
function setPath(data: Record<string, unknown>, path: string, value: unknown): void {
  const keys = (path.match(/[^.[\]]+|\[\d+\]/g) ?? [path]).map((key) => (/^\[\d+\]$/.test(key) ? Number(key.slice(1, -1)) : key))
  let target = data as Record<string | number, unknown>
  keys.slice(0, -1).forEach((key, index) => {
    if (typeof target[key] != 'object' || target[key] === null) target[key] = typeof keys[index + 1] == 'number' ? [] : {}
    target = target[key] as Record<string | number, unknown>
  })
  target[keys[keys.length - 1]] = value
}

export class PageInstance {
  /** The page's `this`: its data, `setData` and methods, as the framework's runtime uses them. */
  readonly instance: Instance
  private readonly updates = new Set<() => void>()
  private readonly lifetimes: Record<string, Method | undefined>

  constructor(
    readonly route: string,
    private readonly registration: Registration,
  ) {
    const { options } = registration
    const instance: Instance = {
      data: viewCopy(options.data ?? {}),
      route,
      __route__: route,
      is: route,
      options: {},
      setData: (patch: Record<string, unknown>, callback?: () => void) => {
        for (const [path, value] of Object.entries(patch)) setPath(instance.data, path, viewCopy(value))
        for (const update of [...this.updates]) update()
        if (callback) setTimeout(() => callback.call(instance))
      },
      selectComponent: () => null,
      selectAllComponents: () => [],
      triggerEvent: () => undefined,
      getOpenerEventChannel: () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined }),
    }
    if (registration.kind == 'page') {
      for (const [key, value] of Object.entries(options)) if (key != 'data') instance[key] = value
      this.lifetimes = {}
    } else {
      // A component's properties are part of its data, with their default values; `properties` is the same object.
      const properties = (options.properties ?? {}) as Record<string, { value?: unknown } | unknown>
      for (const [name, spec] of Object.entries(properties)) {
        if (!(name in instance.data)) instance.data[name] = viewCopy((spec as { value?: unknown })?.value ?? null)
      }
      instance.properties = instance.data
      const behaviors = (options.behaviors as Record<string, unknown>[] | undefined) ?? []
      for (const source of [...behaviors, options]) Object.assign(instance, source.methods)
      const lifetimes = { ...(options as Record<string, Method>), ...(options.lifetimes as Record<string, Method>) }
      this.lifetimes = { created: lifetimes.created, attached: lifetimes.attached, ready: lifetimes.ready }
    }
    this.instance = instance
  }

  /** Runs the lifecycle of a page being opened: (created, attached,) onLoad, onShow, onReady / ready. */
  launch(query: Record<string, string>): void {
    const { instance, lifetimes } = this
    instance.options = query
    lifetimes.created?.call(instance)
    lifetimes.attached?.call(instance)
    this.call('onLoad', query)
    this.call('onShow')
    if (this.registration.kind == 'component') lifetimes.ready?.call(instance)
    this.call('onReady')
  }

  /** Calls a method of the page (a lifecycle hook or an event handler) as WeChat does, with the page as `this`. */
  call(name: string, ...args: unknown[]): unknown {
    const method = this.instance[name]
    if (typeof method != 'function') return undefined
    return (method as Method).apply(this.instance, args)
  }

  /** Listens to every setData; returns the function that stops listening. */
  onUpdate(listener: () => void): () => void {
    this.updates.add(listener)
    return () => this.updates.delete(listener)
  }
}
