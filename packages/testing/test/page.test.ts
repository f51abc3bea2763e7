// The page / component host: what loadPage captures, and instances driven as WeChat drives them.
import { loadPage, type PageInstance } from '@authing/miniapp-testing'

const global = globalThis as any
/** A definition registered by a "module" that is just the call itself. */
const page = (options: object) => loadPage(() => global.Page(options))
const component = (options: object) => loadPage(() => global.Component(options))

test('a page: data, lifecycle in order with the query, handlers with a tap event', async () => {
  const calls: string[] = []
  const Login = page({
    data: { status: 'checking', form: { phone: '' }, list: [{ name: 'a' }] },
    async onLoad(this: PageInstance, query: Record<string, string>) {
      calls.push(`onLoad ${query.from}`)
      await Promise.resolve()
      this.setData({ status: 'loggedOut' })
    },
    onShow: () => calls.push('onShow'),
    onReady: () => calls.push('onReady'),
    onHide: () => calls.push('onHide'),
    onUnload: () => calls.push('onUnload'),
    onInput(this: PageInstance, event: any) {
      this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail.value })
    },
    async onLogin(this: PageInstance, event: any) {
      calls.push(`tap ${event.type} ${JSON.stringify(event.detail)} ${event.currentTarget.id}`)
      this.setData({ 'list[1].name': 'b', status: 'loggedIn' })
      return 'done'
    },
  })
  expect(Login.kind).toBe('Page')
  const opened = await Login.open({ from: 'share' })
  // onShow and onReady ran before onLoad's promise settled, as on WeChat; open() waited for it
  expect(calls).toEqual(['onLoad share', 'onShow', 'onReady'])
  expect(opened.data.status).toBe('loggedOut')
  expect(opened.instance.options).toEqual({ from: 'share' })

  await opened.input('onInput', '13800000000', { dataset: { field: 'phone' } })
  expect(opened.data.form).toEqual({ phone: '13800000000' })
  expect(await opened.tap('onLogin', { id: 'login' })).toBe('done')
  expect(calls).toContain('tap tap {"x":0,"y":0} login')
  expect(opened.data).toMatchObject({ status: 'loggedIn', list: [{ name: 'a' }, { name: 'b' }] })

  await opened.hide()
  await opened.show()
  await opened.close()
  expect(calls.slice(-3)).toEqual(['onHide', 'onShow', 'onUnload'])
})

test('each open() starts from a fresh copy of the initial data; setData copies values', async () => {
  const Counter = page({
    data: { count: 0, items: [] as string[] },
    add(this: PageInstance) {
      this.setData({ count: (this.data.count as number) + 1 })
    },
  })
  const first = await Counter.open()
  await first.tap('add')
  await first.tap('add')
  expect(first.data.count).toBe(2)
  expect((await Counter.open()).data.count).toBe(0)

  const value = { nested: ['x'] }
  first.instance.setData({ value, gone: undefined, fn: () => 1 })
  value.nested.push('y')
  expect(first.data.value).toEqual({ nested: ['x'] })
  expect('gone' in first.data).toBe(false)
  expect(first.data.fn).toBeUndefined()
})

test('setData calls its callback after the update', async () => {
  const opened = await page({ data: { a: 1 } }).open()
  const seen: unknown[] = []
  opened.instance.setData({ a: 2 }, function (this: PageInstance) {
    seen.push(this.data.a)
  })
  expect(seen).toEqual([2])
})

test('a component: properties, lifetimes, page lifetimes, methods, triggerEvent', async () => {
  const calls: string[] = []
  const Card = component({
    properties: { title: String, count: { type: Number, value: 3 }, open: Boolean },
    data: { status: 'idle' },
    lifetimes: {
      created: () => calls.push('created'),
      attached(this: PageInstance) {
        calls.push(`attached ${this.data.title === '' && this.properties === this.data}`)
      },
      ready: () => calls.push('ready'),
      detached: () => calls.push('detached'),
    },
    attached: () => calls.push('legacy attached (ignored: lifetimes wins)'),
    pageLifetimes: { show: () => calls.push('show'), hide: () => calls.push('hide') },
    methods: {
      onLoad: (query: Record<string, string>) => calls.push(`onLoad ${query.id}`),
      onUnload: () => calls.push('onUnload'),
      choose(this: PageInstance, event: any) {
        this.triggerEvent('chosen', { id: event.currentTarget.dataset.id })
      },
    },
  })
  const opened = await Card.open({ id: '7' })
  expect(calls).toEqual(['created', 'attached true', 'onLoad 7', 'show', 'ready'])
  expect(opened.data).toEqual({ title: '', count: 3, open: false, status: 'idle' })
  await opened.tap('choose', { dataset: { id: 42 } })
  expect(opened.events).toEqual([{ name: 'chosen', detail: { id: 42 } }])
  await opened.hide()
  await opened.close()
  expect(calls.slice(-3)).toEqual(['hide', 'onUnload', 'detached'])
})

test('waitForData resolves at the setData that satisfies it', async () => {
  let finish!: () => void
  const Slow = page({
    data: { status: 'checking' },
    onLoad(this: PageInstance) {
      // not returned: open() cannot wait for it, the test waits on the data instead
      void new Promise<void>((resolve) => (finish = resolve)).then(() => this.setData({ status: 'ready' }))
    },
  })
  const opened = await Slow.open()
  expect(opened.data.status).toBe('checking')
  const ready = opened.waitForData((data) => data.status == 'ready')
  finish()
  expect((await ready).status).toBe('ready')
  expect(await opened.waitForData((data) => data.status == 'ready')).toBe(opened.data)
})

test('clear errors: an unknown handler, a failing handler, a module that registers nothing or twice', async () => {
  const opened = await page({ data: {}, save() {}, fail: async () => Promise.reject(new Error('boom')) }).open()
  await expect(opened.tap('onSave')).rejects.toThrow('The Page has no handler "onSave" (it has: save, fail)')
  await expect(opened.tap('fail')).rejects.toThrow('boom')
  expect(() => loadPage(() => undefined)).toThrow(/called neither Page\(\{\.\.\.\}\) nor Component\(\{\.\.\.\}\); was it loaded before/)
  expect(() =>
    loadPage(() => {
      global.Page({})
      global.Component({})
    }),
  ).toThrow('loadPage: the module registered 2 pages or components; load one at a time')
})

test('Page and Component are globals only while the module loads', () => {
  global.Page = 'before'
  try {
    page({})
    expect(global.Page).toBe('before')
    expect('Component' in globalThis).toBe(false)
    expect(() =>
      loadPage(() => {
        throw new Error('syntax')
      }),
    ).toThrow('syntax')
    expect(global.Page).toBe('before')
  } finally {
    delete global.Page
  }
})
