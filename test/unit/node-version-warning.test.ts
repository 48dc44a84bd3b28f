import { quietNodeVersionWarning } from '../../src/aws/node-version-warning.js';

const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

test("turns the SDK's Node.js version notice off when the user said nothing", () => {
  const env: NodeJS.ProcessEnv = {};
  quietNodeVersionWarning(env);
  expect(env[SWITCH]).toBe('true');
});

test('keeps the value a user set, so `false` shows the notice again', () => {
  const env: NodeJS.ProcessEnv = { [SWITCH]: 'false' };
  quietNodeVersionWarning(env);
  expect(env[SWITCH]).toBe('false');
});
