/** This tool's version, as in package.json (a unit test keeps the two equal). */
export const VERSION = '0.1.0';

/** How every AWS request names this tool in its User-Agent: `mediaconvert-encrypt/VERSION`. */
export const USER_AGENT_NAME = 'mediaconvert-encrypt';
