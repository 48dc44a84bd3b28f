/** Request tokens stand for their job for one minute, as the service documents. */
import { MediaConvertStore } from '../../local-aws/mediaconvert/store.js';

const VALID = {
  role: 'arn:aws:iam::111122223333:role/R',
  settings: {},
  queueArn: 'arn:aws:mediaconvert:us-east-1:111122223333:queues/Default',
  priority: 0,
};

it('a clientRequestToken returns its job within a minute and nothing after', () => {
  let now = 1_000_000;
  const store = new MediaConvertStore('us-east-1', '111122223333', 60_000, () => now);
  const job = store.createJob({ clientRequestToken: 'once' }, VALID);
  now += 59_999;
  expect(store.jobForToken('once')?.id).toBe(job.id);
  now += 1;
  expect(store.jobForToken('once')).toBeUndefined();
  expect(store.jobForToken('never')).toBeUndefined();
});
