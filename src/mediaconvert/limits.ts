/** MediaConvert's service limits that the inputs and the job builder both check. */

/** MediaConvert's limit on a job's UserMetadata entries. */
export const MAX_USER_METADATA = 10;

/** MediaConvert's quota on inputs in one job. */
export const MAX_INPUTS_PER_JOB = 150;
