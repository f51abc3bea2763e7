export default definePageConfig({
  navigationBarTitleText: 'Authing SDK',
})
