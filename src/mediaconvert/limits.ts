/** MediaConvert's service limits that the inputs and the job builder both check. */

/** MediaConvert's limit on a job's UserMetadata entries. */
export const MAX_USER_METADATA = 10;

/**
 * The entry every job of this tool carries: the key of the run that made it, by which a later
 * attempt of the run finds it (pipeline/resume.ts). It takes one of the ten.
 */
export const RUN_USER_METADATA = 'mediaconvert-encrypt-run';

/** UserMetadata entries left for the user: MediaConvert's ten but the run's own. */
export const USER_METADATA_ENTRIES = MAX_USER_METADATA - 1;

/** MediaConvert's quota on inputs in one job. */
export const MAX_INPUTS_PER_JOB = 150;

/**
 * The tagging restrictions MediaConvert shares with other AWS resources: at most 50 tags, keys
 * of 1 to 128 and values of up to 256 Unicode characters, and no key starting with `aws:`
 * (any case), which AWS keeps for its own tags.
 */
export const TAG_LIMITS = {
  maxTags: 50,
  maxKeyCharacters: 128,
  maxValueCharacters: 256,
  reservedPrefix: 'aws:',
} as const;

/** What breaks the tagging restrictions in `tags`, or undefined. Values are never quoted. */
export function tagProblem(tags: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(tags);
  if (entries.length > TAG_LIMITS.maxTags) {
    return `has ${entries.length} tags; MediaConvert takes at most ${TAG_LIMITS.maxTags} per job`;
  }
  for (const [key, value] of entries) {
    const keyLength = [...key].length;
    const shown = keyLength > 40 ? `${[...key].slice(0, 40).join('')}…` : key;
    if (keyLength === 0) return 'has an empty key; a tag key is 1 to 128 characters';
    if (keyLength > TAG_LIMITS.maxKeyCharacters) {
      return `key '${shown}' is ${keyLength} characters; a tag key is at most ${TAG_LIMITS.maxKeyCharacters}`;
    }
    if (key.toLowerCase().startsWith(TAG_LIMITS.reservedPrefix)) {
      return `key '${shown}' starts with '${TAG_LIMITS.reservedPrefix}', which AWS reserves for its own tags; use another prefix`;
    }
    const valueLength = [...value].length;
    if (valueLength > TAG_LIMITS.maxValueCharacters) {
      return `the value of '${shown}' is ${valueLength} characters; a tag value is at most ${TAG_LIMITS.maxValueCharacters}`;
    }
  }
  return undefined;
}
