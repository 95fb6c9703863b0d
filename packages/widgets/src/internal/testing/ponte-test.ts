export { ponteTest, type PonteTestSettings } from '../../../test/ponte-test.js';
