// The real uni-app typings (@dcloudio/types) against the SDK's structural platform type, member by member.
import { join } from 'node:path'
import { misfits } from '../../testing/test/typings'

test('uni from @dcloudio/types fits MiniProgramApi', () => {
  expect(misfits(join(__dirname, 'uni-typings.ts'), '@dcloudio/types', 'uni')).toEqual({})
})
