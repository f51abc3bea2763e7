// The real uni-app typings (@dcloudio/types) against the SDK's structural platform type, member by member.
import { join } from 'node:path'
import { misfits } from '../../testing/test/typings'

test('uni from @dcloudio/types fits MiniProgramApi except chooseMedia', () => {
  const found = misfits(join(__dirname, 'uni-typings.ts'), '@dcloudio/types', 'uni')
  // Known mismatch of MiniProgramApi (core): chooseMedia's mediaType and sourceType are string[] there but literal
  // unions in the typings, so the real `uni` is not assignable (parameters are contravariant).
  expect(Object.keys(found)).toEqual(['chooseMedia'])
  expect(found.chooseMedia).toMatch(/Types of property 'mediaType' are incompatible/)
})
