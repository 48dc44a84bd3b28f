/**
 * The AWS SDK's NodeVersionSupportWarning: on Node.js older than 22 the first SDK client
 * prints nine lines saying that SDK releases published after the first week of January 2027
 * will need Node.js 22. It speaks to whoever picks the SDK's version, and here that is this
 * project (the bundle pins it, and docs/cli-reference.md says which Node.js the tool needs): a
 * user of the command line or the action could only read it as something wrong with their
 * run. The SDK's documented switch turns it off (aws-sdk-js-v3 issue 7983).
 */
const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * Turns the warning off for this process, before the first client is made; a value the user
 * set is kept (`false` shows the warning again).
 */
export function quietNodeVersionWarning(env: NodeJS.ProcessEnv = process.env): void {
  env[SWITCH] ??= 'true';
}
